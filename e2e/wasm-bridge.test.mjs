// The wasm bridge (wasm/main.go) as the built extension ships it
// (dist/chrome/core.wasm with its wasm_exec.js), in Node: the JSON text as a
// string and as UTF-8 bytes (what background.js sends) give the same verdict;
// whatever else arrives gets an error verdict, never an exception and never
// a score; and the CLI built beside it (dist/trustlens) gives the same verdict
// bytes on a snapshot file. Needs the build, no browser.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DIST, ROOT, assertBuilt } from './browser.mjs';

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

// facts.seenAt is the clock of each call; everything else must match byte for byte.
const withoutClock = (s) => s.replace(/"seenAt":"[^"]*"/g, '');
const isErrorVerdict = (v) => v.level === 'unknown' && v.score === null && v.error !== '' && v.findings.length === 0;

test('string and UTF-8 bytes give the same verdict (Chinese text included)', () => {
  const text = JSON.stringify(G3);
  const a = analyze(text);
  const b = analyze(utf8.encode(text));
  assert.equal(typeof a, 'string');
  assert.equal(withoutClock(a), withoutClock(b)); // two calls may straddle a second
  assert.match(a, /"seenAt":"20\d\d-/);
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

/** JSON text without the whitespace between tokens (what Go's json.Compact does). */
function compactJSON(text) {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i];
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (!' \t\r\n'.includes(c)) {
      out += c;
    }
  }
  return out;
}


test('the CLI and the wasm give the same verdict bytes on a snapshot (buyer, team and session blocks included)', () => {
  // The snapshot the extension would send on the real G2 offer 597090034012, with the buyer's
  // planned order, minimum store age and "blocked" entry, a team report and a session block.
  const file = join(ROOT, 'testdata', 'samples', 'offer-597090034012-snapshot.json');
  const cli = join(dirname(DIST), 'trustlens');
  const fromCLI = compactJSON(execFileSync(cli, ['analyze', file, '--json'], { encoding: 'utf8' }));
  const fromWasm = analyze(new Uint8Array(readFileSync(file)));
  assert.equal(withoutClock(fromCLI), withoutClock(fromWasm));
  const v = JSON.parse(fromWasm);
  assert.equal(v.level, 'high-risk');
  for (const id of ['supplier-blocked', 'team-reported', 'store-age-below-minimum']) {
    assert.ok(v.findings.some((f) => f.id === id), `${id} missing: ${v.findings.map((f) => f.id)}`);
  }
});
