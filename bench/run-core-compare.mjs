// Today's core against a baseline core, side by side in one run, in Node
// and (when /usr/bin/chromium or $CHROMIUM exists) headless Chromium:
// wasm bytes raw and gzipped; compile, instantiate, Go start-up; first and
// later analysis of each snapshot in DIR/snapshots (bench/snapshots writes
// the pages built from real captures); the verdicts of both builds compared
// byte for byte (the clock field facts.seenAt aside; where they differ, the
// table names the top-level fields that do: features added since the
// baseline change verdicts on purpose, each recorded in testdata/golden).
// Ratios new/old on every row; targets printed as met / not met.
// Each measurement runs in a fresh process (Node) or a fresh browser
// context (Chromium), the two builds alternating, so a compiled-code cache
// or the machine's load drifting favours neither.
// DIR holds old.wasm, new.wasm, wasm_exec.js and snapshots/ (scripts/bench.sh
// prepares it). Usage: node bench/run-core-compare.mjs DIR [runs, default 3]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { measureCold } from './core-compare.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

if (process.argv[2] === '--child') {
  // One cold measurement: node run-core-compare.mjs --child DIR CORE MODEL
  const [dir, core, model] = process.argv.slice(3);
  await import(pathToFileURL(path.join(dir, 'wasm_exec.js')));
  const r = await measureCold(fs.readFileSync(path.join(dir, `${core}.wasm`)),
    fs.readFileSync(path.join(dir, 'snapshots', `${model}.json`), 'utf8'));
  process.stdout.write(JSON.stringify(r));
  process.exit(0); // the Go instance keeps the event loop alive
}

const dir = path.resolve(process.argv[2] ?? path.join(here, 'out', 'compare'));
const runs = Number(process.argv[3] ?? 3);
const cores = ['old', 'new'];
const models = fs.readdirSync(path.join(dir, 'snapshots')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const median = (a) => { const s = [...a].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
// The clock of the call (facts.seenAt) differs between any two calls.
const normal = (v) => v.replace(/"seenAt":("[^"]*"|\d+)/g, '"seenAt":0');

const loadAtStart = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const results = {}; // engine -> core -> model -> [measurement]
const add = (engine, core, model, r) => {
  ((results[engine] ??= {})[core] ??= {})[model] ??= [];
  results[engine][core][model].push(r);
};

for (let i = 0; i < runs; i++) {
  for (const model of models) {
    for (const core of (i % 2 ? [...cores].reverse() : cores)) {
      const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', dir, core, model], { maxBuffer: 64 << 20 });
      add(`Node ${process.versions.node.split('.')[0]}`, core, model, JSON.parse(out));
    }
  }
}

const chromiumBin = process.env.CHROMIUM || '/usr/bin/chromium';
if (fs.existsSync(chromiumBin)) {
  const { chromium } = await import('playwright-core');
  const types = { '.html': 'text/html', '.mjs': 'text/javascript', '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm' };
  const files = {
    '/core-compare.html': path.join(here, 'core-compare.html'),
    '/core-compare.mjs': path.join(here, 'core-compare.mjs'),
    '/wasm_exec.js': path.join(dir, 'wasm_exec.js'),
    '/old.wasm': path.join(dir, 'old.wasm'),
    '/new.wasm': path.join(dir, 'new.wasm'),
  };
  for (const m of models) files[`/snapshots/${m}.json`] = path.join(dir, 'snapshots', `${m}.json`);
  const server = http.createServer((req, res) => {
    const file = files[new URL(req.url, 'http://x').pathname];
    if (!file) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const browser = await chromium.launch({
    executablePath: chromiumBin, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const engine = `Chromium ${browser.version().split('.')[0]}`;
  try {
    for (let i = 0; i < runs; i++) {
      for (const model of models) {
        for (const core of (i % 2 ? [...cores].reverse() : cores)) {
          const context = await browser.newContext();
          try {
            const page = await context.newPage();
            await page.goto(`http://127.0.0.1:${server.address().port}/core-compare.html?core=${core}&model=${model}`);
            await page.waitForFunction(() => window.__bench, null, { timeout: 120000, polling: 50 });
            const r = await page.evaluate(() => window.__bench);
            if (r.error) throw new Error(r.error);
            add(engine, core, model, r);
          } finally {
            await context.close();
          }
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
} else {
  console.log(`no Chromium at ${chromiumBin}: the Chromium rows are left out`);
}

// ---- table ----------------------------------------------------------------
const f = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const MB = (b) => `${(b / 1e6).toFixed(2)} MB`;
const rows = [['engine', 'measure', 'old (0946fab)', 'new', 'new/old', 'target']];
const target = (ok, text) => (text ? `${text}: ${ok ? 'met' : 'NOT met'}` : '');
const bytes = Object.fromEntries(cores.map((c) => {
  const b = fs.readFileSync(path.join(dir, `${c}.wasm`));
  return [c, { raw: b.length, gz: zlib.gzipSync(b, { level: 9 }).length }];
}));
rows.push(['-', 'core.wasm raw', MB(bytes.old.raw), MB(bytes.new.raw), (bytes.new.raw / bytes.old.raw).toFixed(2), target(bytes.new.raw <= 3e6, '≤ 3.0 MB')]);
rows.push(['-', 'core.wasm gzipped', MB(bytes.old.gz), MB(bytes.new.gz), (bytes.new.gz / bytes.old.gz).toFixed(2), target(bytes.new.gz <= 0.9e6, '≤ 0.9 MB')]);
const summary = { bytes, engines: {} };
let unstable = 0;
// The top-level fields of two verdicts whose JSON differs (features added
// since the baseline change verdicts on purpose; the golden verdicts in
// testdata/golden record each such change).
function fieldsDiffering(a, b) {
  const x = JSON.parse(normal(a));
  const y = JSON.parse(normal(b));
  const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])];
  return keys.filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k])).map((k) => (!(k in x) ? `+${k}` : !(k in y) ? `-${k}` : k)).join(', ');
}
for (const [engine, byCore] of Object.entries(results)) {
  const node = engine.startsWith('Node');
  const all = (core, key) => median(Object.values(byCore[core]).flat().map((r) => r[key]));
  const row = (what, o, n, t) => rows.push([engine, what, `${f(o)} ms`, `${f(n)} ms`, (n / o).toFixed(2), t ?? '']);
  row('compile', all('old', 'compileMs'), all('new', 'compileMs'));
  row('instantiate', all('old', 'instantiateMs'), all('new', 'instantiateMs'));
  const startNew = all('new', 'startMs');
  row('Go start-up', all('old', 'startMs'), startNew, node ? target(startNew <= 30, '≤ 30 ms') : '');
  if (node) row('Go start-up, CPU', all('old', 'startCpuMs'), all('new', 'startCpuMs'));
  summary.engines[engine] = {};
  for (const m of models) {
    const o = byCore.old[m];
    const n = byCore.new[m];
    const fo = median(o.map((r) => r.firstMs));
    const fn = median(n.map((r) => r.firstMs));
    const lo = median(o.map((r) => r.laterMs));
    const ln = median(n.map((r) => r.laterMs));
    const g2 = m === 'g2-597090034012';
    row(`${m}: first analysis`, fo, fn, node && g2 ? target(fn <= 20, '≤ 20 ms') : '');
    row(`${m}: later analyses`, lo, ln, node && g2 ? target(ln <= 5, '≤ 5 ms') : '');
    if (node) {
      const cpu = (rs, key) => median(rs.map((r) => r[key]));
      row(`${m}: first analysis, CPU`, cpu(o, 'firstCpuMs'), cpu(n, 'firstCpuMs'));
      row(`${m}: later analyses, CPU`, cpu(o, 'laterCpuMs'), cpu(n, 'laterCpuMs'));
    }
    const same = [...o, ...n].every((r) => normal(r.verdict) === normal(o[0].verdict) && normal(r.firstVerdict) === normal(o[0].verdict));
    // Each build must at least agree with itself (first call, later calls, every run).
    const stable = (rs) => rs.every((r) => normal(r.verdict) === normal(rs[0].verdict) && normal(r.firstVerdict) === normal(rs[0].verdict));
    if (!stable(o) || !stable(n)) unstable++;
    rows.push([engine, `${m}: verdict`, `${o[0].verdict.length} bytes`, `${n[0].verdict.length} bytes`, '',
      same ? 'byte-identical' : `differs in ${fieldsDiffering(o[0].verdict, n[0].verdict)}`]);
    summary.engines[engine][m] = { firstOld: fo, firstNew: fn, laterOld: lo, laterNew: ln, same };
  }
}
const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(w[i])).join('  ').trimEnd());
console.log(`(medians of ${runs} cold runs per build and snapshot, each in a fresh ${Object.keys(results).length > 1 ? 'Node process / Chromium context' : 'Node process'}; ` +
  `machine: load ${loadAtStart} at the start, ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} at the end; CPU: the Node process's CPU time, all its threads)`);
fs.writeFileSync(path.join(dir, 'core-compare.json'), JSON.stringify(summary, null, 1));
if (unstable) {
  console.log(`${unstable} snapshot(s): a build gave different verdicts for the same input`);
  process.exitCode = 1;
}
