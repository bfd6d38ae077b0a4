// The wasm bridge (wasm/main.go) as the built extension ships it
// (dist/chrome/core.wasm with its wasm_exec.js), in Node: the JSON text as a
// string and as UTF-8 bytes (what background.js sends) give the same verdict;
// whatever else arrives gets an error verdict, never an exception and never
// a score. Needs the build, no browser.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, assertBuilt } from './browser.mjs';

let analyze;
const utf8 = new TextEncoder();

before(async () => {
  assertBuilt(DIST);
  await import(join(DIST, 'wasm_exec.js'));
  const go = new globalThis.Go();
  const { instance } = await WebAssembly.instantiate(readFileSync(join(DIST, 'core.wasm')), go.importObject);
  go.run(instance); // registers trustlensAnalyze, then blocks in select{}
  analyze = globalThis.trustlensAnalyze;
});

const G3 = {
  url: 'https://detail.1688.com/offer/943009939489.html',
  scripts: [readFileSync(join(import.meta.dirname, '..', 'internal', 'page', 'testdata', 'real', 'offer-943009939489.g3-context.js.txt'), 'utf8')],
  dom: { title: '标题 <b>' },
};

const isErrorVerdict = (v) => v.level === 'unknown' && v.score === null && v.error !== '' && v.findings.length === 0;

test('string and UTF-8 bytes give the same verdict (Chinese text included)', () => {
  const text = JSON.stringify(G3);
  const a = analyze(text);
  const b = analyze(utf8.encode(text));
  assert.equal(typeof a, 'string');
  assert.equal(a, b);
  const v = JSON.parse(a);
  assert.equal(v.readable, true);
  assert.equal(v.generation, 'g3');
  assert.notEqual(v.supplier.company, null);
});

test('anything else: an error verdict, never an exception, never a score', () => {
  const bad = [
    [], [42], [null], [undefined], [{}], [new Uint8Array(0)], [new Uint16Array(4)], [utf8.encode('{"url":')],
    [new Uint8Array([0xff, 0xfe, 0x7b, 0x7d])], [utf8.encode('[]')], ['not json'], [utf8.encode(JSON.stringify(G3)), 'extra'],
  ];
  for (const args of bad) {
    let out;
    assert.doesNotThrow(() => { out = analyze(...args); }, `args ${String(args).slice(0, 40)}`);
    const v = JSON.parse(out);
    assert.ok(isErrorVerdict(v), `args ${String(args).slice(0, 40)}: ${out.slice(0, 200)}`);
  }
  // The instance is still good afterwards.
  assert.equal(JSON.parse(analyze(utf8.encode(JSON.stringify(G3)))).readable, true);
});
