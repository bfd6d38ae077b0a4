// Times the Go WebAssembly build (bench/out/reviews.wasm) in Node, one JSON
// object per line. Usage: node bench/run-wasm.mjs [sizes]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAll } from './harness-core.mjs';

const dir = path.dirname(fileURLToPath(import.meta.url));
const sizes = (process.argv[2] || '100,1000,5000').split(',').map(Number);
await import(path.join(dir, 'out', 'wasm_exec.js'));
const results = await runAll({
  wasmBytes: fs.readFileSync(path.join(dir, 'out', 'reviews.wasm')),
  loadSet: async (n) => fs.readFileSync(path.join(dir, 'data', `mixed-${n}.json`), 'utf8'),
  sizes,
  label: `ours-go-wasm-node${process.versions.node.split('.')[0]}`,
});
for (const r of results) console.log(JSON.stringify(r));
process.exit(0); // the Go instances never return
