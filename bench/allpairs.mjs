// The JavaScript baseline: every pair of the same compared texts
// (bench/gen's dupTexts: normalised, "" when not compared) through
// fastest-levenshtein's distance(), similarity >= 85%, union-find, and the
// same cluster rule as review-near-duplicate. Usage: node bench/allpairs.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distance } from 'fastest-levenshtein';

const dir = path.dirname(fileURLToPath(import.meta.url));
const sizes = (process.argv[2] || '100,1000,5000').split(',').map(Number);
const SIM = 85, MIN_CLUSTER = 3, LONG = 30; // reviews.SimilarityPercent, NearDupMinCluster, NearDupLongRunes

function allPairs(texts) {
  const n = texts.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x) => { while (parent[x] !== x) { parent[x] = parent[parent[x]]; x = parent[x]; } return x; };
  let pairs = 0;
  for (let i = 0; i < n; i++) {
    const a = texts[i];
    if (!a) continue;
    for (let j = i + 1; j < n; j++) {
      const b = texts[j];
      if (!b) continue;
      pairs++;
      // String length counts UTF-16 units; the compared texts are CJK/ASCII
      // in the BMP (emoji are removed by normalisation), so this equals the
      // rune count Go uses.
      if (distance(a, b) * 100 <= (100 - SIM) * Math.max(a.length, b.length)) {
        let x = find(i), y = find(j);
        if (x !== y) { if (y < x) [x, y] = [y, x]; parent[y] = x; }
      }
    }
  }
  return { comp: texts.map((t, i) => (t ? find(i) : -1)), pairs };
}

function flagged(texts, nicks, comp) {
  const members = new Map();
  comp.forEach((c, i) => { if (c >= 0) (members.get(c) || members.set(c, []).get(c)).push(i); });
  const out = new Array(texts.length).fill(false);
  for (const m of members.values()) {
    if (m.length < 2) continue;
    const seen = new Set();
    let buyers = 0;
    for (const i of m) { if (!nicks[i]) buyers++; else if (!seen.has(nicks[i])) { seen.add(nicks[i]); buyers++; } }
    if (buyers < 2 || (m.length < MIN_CLUSTER && [...texts[m[0]]].length < LONG)) continue;
    for (const i of m) out[i] = true;
  }
  return out;
}

const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
for (const n of sizes) {
  const set = JSON.parse(fs.readFileSync(path.join(dir, 'data', `mixed-${n}.json`), 'utf8'));
  allPairs(set.dupTexts); // warm-up (JIT)
  const ts = [];
  let res;
  const budget = performance.now() + 3000;
  do {
    const t0 = performance.now();
    res = allPairs(set.dupTexts);
    ts.push(performance.now() - t0);
  } while (ts.length < 3 || (performance.now() < budget && ts.length < 200));
  const fl = flagged(set.dupTexts, set.nicks, res.comp);
  console.log(JSON.stringify({
    set: set.name, impl: 'js-allpairs-fastest-levenshtein', reviews: set.reviews.length,
    compared: set.dupTexts.filter(Boolean).length, pairs: res.pairs,
    medianMs: median(ts), minMs: Math.min(...ts), runs: ts.length,
    near: set.reviews.filter((_, i) => fl[i]).map((r) => r.id), burst: null,
  }));
}
