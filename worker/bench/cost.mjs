// What one request costs the Worker in CPU: the generated build/worker.mjs
// (syumai/workers) instantiates app.wasm and runs Go's start-up and main for
// every request, then hands the request to the handler. This runs the same
// steps in Node (the same V8 as workerd) with the module compiled once, as an
// isolate keeps it, and times each step per request:
//   instantiate  new WebAssembly.Instance(module, imports)
//   start-up     go.run until main has called workers.Serve (the "ready" callback)
//   handling     binding.handleRequest(request) until the response body is read
// D1 is a stand-in that answers at once with the rows each statement returns
// (the token's row for authentication, the upserted entry...), so the figures
// are the Worker's own CPU time, which is what the Workers plans limit; the
// time a real D1 query waits is not CPU time.
// Usage: node worker/bench/cost.mjs [build dir, default worker/build] [-n 200]
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const nAt = args.indexOf('-n');
const N = nAt >= 0 ? Number(args.splice(nAt, 2)[1]) : 200;
const dir = resolve(args[0] ?? join(import.meta.dirname, '..', 'build'));

// wasm_exec.js (the generator's copy) defines globalThis.Go; worker.mjs defines tryCatch.
await import(join(dir, 'wasm_exec.js'));
globalThis.tryCatch = (fn) => { try { return { result: fn() }; } catch (e) { return { error: e }; } };

const TOKEN = `tlt_${'A'.repeat(43)}`;
const HASH = createHash('sha256').update(TOKEN).digest('hex');
const NOW = Date.now();

/** A D1 binding that answers each statement with the rows it would return. */
function fakeD1() {
  const rows = (q) => {
    if (q.includes('UPDATE tokens')) {
      return [['token_hash', 'token_id', 'team_id', 'label', 'created_at', 'rl_ok', 'rl_tokens'], [HASH, HASH.slice(0, 16), 'team_0000000000000000', 'bench', NOW, 1, 59]];
    }
    if (q.includes('INSERT INTO suppliers')) return [['created_at', 'version'], [NOW, 1]];
    return [['member_id']]; // lookups: the team knows none of the ids
  };
  return {
    prepare(q) {
      return {
        bind() {
          return {
            raw: async () => rows(q),
            run: async () => ({ meta: { changes: 1, last_row_id: 0, rows_read: 1, rows_written: 1 } }),
          };
        },
      };
    },
  };
}

const env = { DB: fakeD1(), RATE_PER_SEC: '20', RATE_BURST: '60', EXTENSION_ORIGINS: '', ADMIN_SECRET: '' };
const t0 = performance.now();
const mod = await WebAssembly.compile(readFileSync(join(dir, 'app.wasm')));
const compileMs = performance.now() - t0;

const ids = Array.from({ length: 100 }, (_, i) => `b2b-${String(1000000000 + i)}`);
const REQUESTS = {
  health: () => new Request('https://w.example/v1/health'),
  'supplier upsert': () => new Request('https://w.example/v1/suppliers/b2b-22175540303633d894', {
    method: 'PUT',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ action: 'block', note: 'asked to pay outside 1688', rating: 1 }),
  }),
  'lookup of 100 ids': () => new Request('https://w.example/v1/suppliers/lookup', {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ memberIds: ids }),
  }),
};

/** One request as worker.mjs serves it; the time and CPU of each step. */
async function once(makeRequest) {
  const ms = (u) => (u.user + u.system) / 1000;
  const cpu0 = process.cpuUsage();
  const a = performance.now();
  const go = new Go();
  let ready;
  const readyP = new Promise((r) => { ready = r; });
  const instance = new WebAssembly.Instance(mod, { ...go.importObject, workers: { ready: () => ready() } });
  const b = performance.now();
  const cpu1 = process.cpuUsage(cpu0);
  const binding = {};
  go.run(instance, { env, ctx: { waitUntil() {}, passThroughOnException() {} }, connect: null, binding });
  await readyP;
  const c = performance.now();
  const cpu2 = process.cpuUsage(cpu0);
  const res = await binding.handleRequest(makeRequest());
  const body = await res.text();
  const d = performance.now();
  const cpu = process.cpuUsage(cpu0);
  if (res.status >= 300) throw new Error(`status ${res.status}: ${body.slice(0, 200)}`);
  return {
    instantiate: b - a, startup: c - b, handling: d - c, total: d - a,
    cpuInstantiate: ms(cpu1), cpuStartup: ms(cpu2) - ms(cpu1), cpuHandling: ms(cpu) - ms(cpu2), cpu: ms(cpu),
  };
}

const pct = (xs, p) => { const s = [...xs].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const fmt = (x) => x.toFixed(2).padStart(7);

console.log(`app.wasm ${(readFileSync(join(dir, 'app.wasm')).length / 1048576).toFixed(2)} MiB; compile once per isolate ${compileMs.toFixed(1)} ms; ${N} sequential requests each (after 20 warm-up); Node ${process.version}`);
console.log(`${'request'.padEnd(20)} ${'step'.padEnd(12)}  wall median   p90   CPU median   p90   (ms; CPU of the whole process)`);
for (const [name, make] of Object.entries(REQUESTS)) {
  for (let i = 0; i < 20; i++) await once(make);
  const runs = [];
  for (let i = 0; i < N; i++) runs.push(await once(make));
  for (const [k, c] of [['instantiate', 'cpuInstantiate'], ['startup', 'cpuStartup'], ['handling', 'cpuHandling'], ['total', 'cpu']]) {
    const w = runs.map((r) => r[k]);
    const u = runs.map((r) => r[c]);
    console.log(`${name.padEnd(20)} ${k.padEnd(12)} ${fmt(pct(w, 0.5))} ${fmt(pct(w, 0.9))}  ${fmt(pct(u, 0.5))} ${fmt(pct(u, 0.9))}`);
  }
}
