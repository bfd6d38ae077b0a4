// The core's memory under many review-heavy tabs: one core.wasm instance,
// S analysis sessions, each sent a page of N reviews (bench/gen's
// page-N.json) in one call, as the extension's background would. Prints the
// wasm memory after each session. A Go heap in wasm never shrinks, so the
// figure to watch is the peak; the background replaces an instance past
// 256 MiB (extension/background.js CORE_MEMORY_MAX).
// Usage: node bench/run-core-memory.mjs <core.wasm> <wasm_exec.js> <page-N.json> [sessions]
import fs from 'node:fs';

const [wasmPath, execPath, pagePath, sessionsArg] = process.argv.slice(2);
await import(execPath);
const go = new globalThis.Go();
const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), go.importObject);
go.run(instance);
const analyze = globalThis.trustlensAnalyze;
const mib = () => (instance.exports.mem.buffer.byteLength / 2 ** 20).toFixed(0);
const snap = JSON.parse(fs.readFileSync(pagePath, 'utf8'));
const utf8 = new TextEncoder();
const sessions = Number(sessionsArg) || 32;
console.log(`start: ${mib()} MiB`);
for (let i = 0; i < sessions; i++) {
  const v = JSON.parse(analyze(utf8.encode(JSON.stringify({ ...snap, session: { id: `tab-${i}`, from: 0 } }))));
  if (v.error) throw new Error(v.error);
  if (i % 8 === 7 || i === 0) console.log(`after session ${i + 1}: ${mib()} MiB (${v.reviews?.total ?? 0} reviews)`);
}
