// Shared by run-core-session.mjs (Node) and core-session.html (Chromium):
// the extension's own call into core.wasm (globalThis.trustlensAnalyze,
// built from ./wasm exactly as scripts/build.sh builds it) while the buyer
// pages through the reviews of the real offer page 833454967766 (bench/data/
// page-N.json, 10 reviews a page). Timed as background.js pays it:
// JSON.stringify of the input, its UTF-8 bytes, the wasm call, JSON.parse of
// the verdict.
//   - "page": an analysis session (internal/core/session.go) gets one new
//     review page per call; the figure is the median (and max) of the calls
//     for the last 10 pages, when the set reaches N reviews;
//   - "again": a call with nothing new (the background's second run when the
//     buyer's own list or the team knows the supplier);
//   - "whole": the stateless call with every response (what each page cost
//     before sessions);
//   - memory: wasm memory growth of a fresh instance over a first session
//     through every page (the timed session is a second one).
// Globals expected: Go (wasm_exec.js).

import { median } from './harness-core.mjs';

const utf8 = new TextEncoder();

export async function runCoreSession({ wasmBytes, loadPage, sizes, label }) {
  const module = await WebAssembly.compile(wasmBytes);
  const out = [];
  for (const n of sizes) {
    const go = new globalThis.Go();
    const instance = await WebAssembly.instantiate(module, go.importObject);
    go.run(instance); // registers trustlensAnalyze and blocks in select{}
    const analyze = globalThis.trustlensAnalyze;
    const mem = () => instance.exports.mem.buffer.byteLength;
    const snap = JSON.parse(await loadPage(n));
    const call = (input) => {
      const t0 = performance.now();
      const v = JSON.parse(analyze(utf8.encode(JSON.stringify(input))));
      return { ms: performance.now() - t0, v };
    };
    const base = { url: snap.url, scripts: snap.scripts };
    call({ ...base, responses: [] }); // warm the instance like the extension does
    const mem0 = mem();
    const total = snap.responses.length;
    const pageThrough = (id, pageMs) => {
      let last = null;
      for (let from = 0; from < total; from++) {
        const r = call({ ...base, responses: snap.responses.slice(from, from + 1), session: { id, from } });
        if (r.v.resend || r.v.error) throw new Error(`session call ${from}: ${r.v.error}`);
        if (from >= total - 10) pageMs.push(r.ms);
        last = r.v;
      }
      return last;
    };
    // First pass on the fresh instance: its memory growth. Second pass,
    // timed, in another session: the instance is warm (JIT tiers, heap), as
    // a worker is after its first pages.
    pageThrough(`memory-${n}`, []);
    const memEnd = mem();
    const id = `bench-${n}`;
    const pageMs = [];
    const last = pageThrough(id, pageMs);
    const againMs = [];
    for (let i = 0; i < 9; i++) againMs.push(call({ ...base, responses: [], session: { id, from: total } }).ms);
    const wholeMs = [];
    let whole = null;
    for (let i = 0; i < (n >= 5000 ? 5 : 9); i++) {
      const r = call({ ...base, responses: snap.responses });
      wholeMs.push(r.ms);
      whole = r.v;
    }
    const same = JSON.stringify(last.reviews) === JSON.stringify(whole.reviews) && last.score === whole.score;
    out.push({
      impl: label, set: `page-${n}`, reviews: last.reviews?.total ?? 0, suspicious: last.reviews?.suspicious ?? 0,
      responses: total, pageMedianMs: median(pageMs), pageMaxMs: Math.max(...pageMs), againMedianMs: median(againMs),
      wholeMedianMs: median(wholeMs), memGrowth: memEnd - mem0, sameAsWhole: same,
    });
  }
  return out;
}
