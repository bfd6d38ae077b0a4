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
// In Node, the process's CPU time of Go start-up and of each analysis is
// kept too (process.cpuUsage: every thread, V8's compiler threads
// included): on a shared machine it moves far less with the load than the
// time on the clock.
// Globals expected: Go (wasm_exec.js).

const utf8 = new TextEncoder();
const cpuUsage = globalThis.process?.cpuUsage;
const cpuMs = (since) => { const d = cpuUsage(since); return (d.user + d.system) / 1000; };

export async function measureCold(wasmBytes, snapshotText) {
  const t0 = performance.now();
  const module = await WebAssembly.compile(wasmBytes);
  const t1 = performance.now();
  const go = new globalThis.Go();
  const instance = await WebAssembly.instantiate(module, go.importObject);
  const t2 = performance.now();
  const c2 = cpuUsage?.();
  go.run(instance); // runs main() until it blocks in select{}
  const t3 = performance.now();
  const startCpuMs = cpuUsage ? cpuMs(c2) : undefined;
  const analyze = globalThis.trustlensAnalyze;
  const call = () => {
    const c = cpuUsage?.();
    const s = performance.now();
    const v = analyze(utf8.encode(snapshotText));
    return { ms: performance.now() - s, cpu: cpuUsage ? cpuMs(c) : undefined, v };
  };
  const first = call();
  const later = [];
  const laterCpu = [];
  let verdict = first.v;
  for (let i = 0; i < 9; i++) {
    const r = call();
    later.push(r.ms);
    laterCpu.push(r.cpu);
    verdict = r.v;
  }
  later.sort((a, b) => a - b);
  laterCpu.sort((a, b) => a - b);
  return {
    compileMs: t1 - t0, instantiateMs: t2 - t1, startMs: t3 - t2,
    firstMs: first.ms, laterMs: later[4], verdict, firstVerdict: first.v,
    startCpuMs, firstCpuMs: first.cpu, laterCpuMs: laterCpu[4],
  };
}
