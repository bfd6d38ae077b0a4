// Shared by run-core-compare.mjs (Node, one process per measurement) and
// core-compare.html (Chromium, one fresh browser context per measurement):
// the cold path of core.wasm as the service worker pays it after a restart,
// for one snapshot:
//   compile (WebAssembly.compile of the bytes), instantiate, Go start-up
//   (go.run until main blocks: package initialisers + registering the
//   entry), the first analysis of the snapshot (fresh code: the engine
//   compiles functions on first use), then the median of 9 later ones.
// Each analysis is timed as background.js pays it: the snapshot's UTF-8
// bytes in, the verdict JSON string out. Returns the figures and the
// verdict text (so two builds' verdicts can be compared byte for byte).
// Globals expected: Go (wasm_exec.js).

const utf8 = new TextEncoder();

export async function measureCold(wasmBytes, snapshotText) {
  const t0 = performance.now();
  const module = await WebAssembly.compile(wasmBytes);
  const t1 = performance.now();
  const go = new globalThis.Go();
  const instance = await WebAssembly.instantiate(module, go.importObject);
  const t2 = performance.now();
  go.run(instance); // runs main() until it blocks in select{}
  const t3 = performance.now();
  const analyze = globalThis.trustlensAnalyze;
  const call = () => {
    const s = performance.now();
    const v = analyze(utf8.encode(snapshotText));
    return { ms: performance.now() - s, v };
  };
  const first = call();
  const later = [];
  let verdict = first.v;
  for (let i = 0; i < 9; i++) {
    const r = call();
    later.push(r.ms);
    verdict = r.v;
  }
  later.sort((a, b) => a - b);
  return {
    compileMs: t1 - t0, instantiateMs: t2 - t1, startMs: t3 - t2,
    firstMs: first.ms, laterMs: later[4], verdict, firstVerdict: first.v,
  };
}
