// Shared by run-wasm.mjs (Node) and harness.html (Chromium): instantiates
// the Go wasm harness (bench/wasm) once per set, so each set's memory
// growth is measured from a fresh instance, and times
//   - "analyze": a fresh Set + Add + Analyze with every detector, timed
//     inside Go (time.Now is performance.now under js/wasm);
//   - "page": one more captured review page on a set holding the others:
//     parse it, Analyze, report JSON back to JavaScript (timed in JS): the
//     cost the extension pays each time the buyer opens a review page;
//   - "responses": every captured response from scratch through the
//     stateless boundary (URL and body arrays in, report JSON out; timed in
//     JS): the worst case when nothing is kept between pages.
// Globals expected: Go (wasm_exec.js).

export function median(a) {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)];
}

export async function runAll({ wasmBytes, loadSet, sizes, label }) {
  const module = await WebAssembly.compile(wasmBytes);
  const out = [];
  for (const n of sizes) {
    const go = new globalThis.Go();
    const instance = await WebAssembly.instantiate(module, go.importObject);
    go.run(instance); // the harness blocks in select{}; its functions stay registered
    const mem = () => instance.exports.mem.buffer.byteLength;
    const text = await loadSet(n);
    const set = JSON.parse(text);
    const handle = globalThis.reviewsBenchLoad(text);
    const caps = JSON.parse(globalThis.reviewsBenchCaptures(handle));
    const urls = caps.map((c) => c.url), bodies = caps.map((c) => c.body);
    const memLoaded = mem();
    const runs = n >= 5000 ? 21 : 41;
    const first = JSON.parse(globalThis.reviewsBenchRun(handle)); // cold: first call
    const goMs = [];
    let last = first;
    for (let i = 0; i < runs; i++) {
      last = JSON.parse(globalThis.reviewsBenchRun(handle));
      goMs.push(last.ms);
    }
    const memAnalyze = mem();
    const timeJS = (f, k) => {
      f(); // warm-up
      const ts = [];
      for (let i = 0; i < k; i++) {
        const t0 = performance.now();
        f();
        ts.push(performance.now() - t0);
      }
      return ts;
    };
    const pageMs = timeJS(() => globalThis.reviewsBenchPage(handle), runs);
    const respMs = timeJS(() => globalThis.reviewsAnalyzeResponses(urls, bodies, set.now), Math.ceil(runs / 2));
    out.push({
      set: set.name, impl: label, reviews: set.reviews.length,
      firstMs: first.ms, medianMs: median(goMs), minMs: Math.min(...goMs), runs,
      pageMedianMs: median(pageMs), pageMinMs: Math.min(...pageMs),
      responsesMedianMs: median(respMs), responsesMinMs: Math.min(...respMs), pages: caps.length,
      memLoadedBytes: memLoaded, memGrowthBytes: memAnalyze - memLoaded, memAfterCallBytes: mem(),
      near: last.near, burst: last.burst, suspicious: last.suspicious,
    });
  }
  return out;
}
