// The extension's review-page cost through core.wasm (bench/core-session.mjs)
// in Node and, when /usr/bin/chromium (or $CHROMIUM) exists, in headless
// Chromium; prints a table. Expects bench/out/core.wasm, bench/out/
// wasm_exec.js and bench/data/page-N.json (scripts/bench.sh makes them).
// Usage: node bench/run-core-session.mjs [sizes]
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCoreSession } from './core-session.mjs';

const dir = path.dirname(fileURLToPath(import.meta.url));
const sizesArg = process.argv[2] || '100,1000,5000';
const sizes = sizesArg.split(',').map(Number);
const rows = [];

await import(path.join(dir, 'out', 'wasm_exec.js'));
rows.push(...await runCoreSession({
  wasmBytes: fs.readFileSync(path.join(dir, 'out', 'core.wasm')),
  loadPage: async (n) => fs.readFileSync(path.join(dir, 'data', `page-${n}.json`), 'utf8'),
  sizes,
  label: `core.wasm in Node ${process.versions.node.split('.')[0]}`,
}));

const chromiumBin = process.env.CHROMIUM || '/usr/bin/chromium';
if (fs.existsSync(chromiumBin)) {
  const { chromium } = await import('playwright-core');
  const types = { '.html': 'text/html', '.mjs': 'text/javascript', '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm' };
  const allowed = /^\/(core-session\.html|core-session\.mjs|harness-core\.mjs|out\/(wasm_exec\.js|core\.wasm)|data\/page-\d+\.json)$/;
  const server = http.createServer((req, res) => {
    const p = new URL(req.url, 'http://x').pathname;
    if (!allowed.test(p)) { res.writeHead(404).end(); return; }
    const file = path.join(dir, p);
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const browser = await chromium.launch({
    executablePath: chromiumBin, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/core-session.html?sizes=${sizesArg}`);
    await page.waitForFunction(() => window.__bench, null, { timeout: 600000, polling: 200 });
    const got = await page.evaluate(() => window.__bench);
    if (got.error) throw new Error(got.error);
    rows.push(...got.map((r) => ({ ...r, impl: `${r.impl} ${browser.version().split('.')[0]}` })));
  } finally {
    await browser.close();
    server.close();
  }
} else {
  console.log(`no Chromium at ${chromiumBin}: the Chromium rows are left out`);
}

const f = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const table = [['engine', 'reviews', 'responses', 'new page: median ms', 'max ms', 'nothing new ms', 'whole page ms', '× faster', 'memory', 'same verdict']];
for (const r of rows) {
  table.push([r.impl, String(r.reviews), String(r.responses), f(r.pageMedianMs), f(r.pageMaxMs), f(r.againMedianMs),
    f(r.wholeMedianMs), `${(r.wholeMedianMs / r.pageMedianMs).toFixed(1)}×`, `+${(r.memGrowth / 1048576).toFixed(1)} MB`,
    r.sameAsWhole ? 'yes' : 'NO']);
}
const w = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
for (const row of table) console.log(row.map((c, i) => c.padEnd(w[i])).join('  '));
for (const r of rows) {
  const target = r.reviews >= 4000 ? 100 : r.reviews >= 900 ? 15 : null;
  if (!target) continue;
  const ok = r.pageMedianMs <= target && r.memGrowth < 20 * 1048576;
  console.log(`target: ${r.impl}, ${r.reviews} reviews: a new review page ${f(r.pageMedianMs)} ms (max ${f(r.pageMaxMs)}) vs ${target} ms, ` +
    `memory +${(r.memGrowth / 1048576).toFixed(1)} MB vs 20 MB: ${ok ? 'met' : 'NOT met'}`);
}
if (rows.some((r) => !r.sameAsWhole)) process.exitCode = 1;
