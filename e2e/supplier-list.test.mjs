// The buyer's supplier list and the supplier report as pure functions
// (extension/supplier-list.js, extension/report.js): import checks and caps,
// CSV quoting and formula defusing, round trips, Markdown escaping. Static:
// no build, no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModules } from './modules.mjs';

const ext = loadModules(['supplier-list.js', 'report.js'], { URL, TextEncoder, Date, JSON, Math, Number, String, Object, Array, Set, Map });
const L = ext.list;
const plain = (v) => JSON.parse(JSON.stringify(v));

test('member keys: "a-b2b-" is the same member; anything else is refused', () => {
  assert.equal(L.memberKey('a-b2b-22000001763f'), 'b2b-22000001763f');
  assert.equal(L.memberKey(' b2b-29266662898cf9d '), 'b2b-29266662898cf9d');
  for (const bad of ['', 'b2b-', 'b2b-x y', '2926666289', 'a-a-b2b-1', `b2b-${'1'.repeat(41)}`, null, 7]) assert.equal(L.memberKey(bad), null, String(bad));
});

test('entries: action required, rating 1-5, note cut to 500 UTF-8 bytes on a character boundary', () => {
  assert.equal(L.cleanEntry({ action: 'maybe' }), null);
  assert.equal(L.cleanEntry({ action: 'block', rating: 6 }), null);
  assert.equal(L.cleanEntry({ action: 'block', rating: 2.5 }), null);
  assert.equal(L.cleanEntry({ action: 'block', note: 5 }), null);
  const e = L.cleanEntry({ action: 'BLOCK', rating: '2', note: '假'.repeat(400) }, 1000);
  assert.equal(e.action, 'block');
  assert.equal(e.rating, 2);
  assert.equal(new TextEncoder().encode(e.note).length, 498, '166 three-byte characters');
  assert.deepEqual(plain(L.forCore(e)), { action: 'block', note: e.note, rating: 2 });
  assert.equal(L.isEmpty(L.cleanEntry({ action: 'none' })), true);
});

test('import: JSON (export format, array, map) and CSV; bad rows counted, not fatal; caps', () => {
  const j = L.parseImport(JSON.stringify({ suppliers: [{ memberId: 'b2b-12345678', action: 'block' }, { memberId: 'x', action: 'block' }] }));
  assert.deepEqual([Object.keys(j.entries), j.read, j.bad], [['b2b-12345678'], 2, 1]);
  assert.deepEqual(Object.keys(L.parseImport('{"a-b2b-12345678": {"action": "trust"}}').entries), ['b2b-12345678']);
  const c = L.parseImport('\ufeffMemberId,Action,Note\r\nb2b-12345678,trust,"a, ""b""\nc"\r\nb2b-87654321,nope,\r\n');
  assert.equal(c.entries['b2b-12345678'].note, 'a, "b" c', 'quotes, commas and a line break inside a field');
  assert.equal(c.bad, 1);
  assert.match(L.parseImport('company\nx').error, /memberId and action/);
  assert.match(L.parseImport('{').error, /not valid JSON/);
  assert.match(L.parseImport('x'.repeat(L.MAX_IMPORT_CHARS + 1)).error, /too large/);
  const many = Array.from({ length: L.MAX_ENTRIES + 3 }, (_, i) => ({ memberId: `b2b-${String(i).padStart(8, '0')}`, action: 'trust' }));
  const capped = L.parseImport(JSON.stringify(many));
  assert.equal(Object.keys(capped.entries).length, L.MAX_ENTRIES);
  assert.equal(capped.truncated, true);
});

test('export: CSV defuses formulas and reads back the same; JSON reads back the same', () => {
  const list = L.clean({ entries: {
    'b2b-11111111': { action: 'block', note: '=cmd|"/c calc"!A1', rating: 1, company: '+公司, "甲"', updatedAt: 5 },
    'a-b2b-22222222': { action: 'trust', note: '-5 ok', rating: null, company: '@x', updatedAt: 6 },
  } });
  const csv = L.toCSV(list);
  assert.ok(csv.startsWith('\ufeffmemberId,company,action,rating,note,updatedAt\r\n'));
  assert.ok(csv.includes(`b2b-11111111,"'+公司, ""甲""",block,1,"'=cmd|""/c calc""!A1",`), csv);
  assert.ok(csv.includes("b2b-22222222,'@x,trust,,'-5 ok,"), csv);
  for (const text of [csv, L.toJSON(list)]) {
    const back = L.parseImport(text);
    assert.deepEqual(plain(back.entries), plain(list.entries));
  }
  // buyer.entries for the core: only members on the page, blocked first, at most 500.
  assert.deepEqual(plain(L.entriesFor(list, new Set(['a-b2b-22222222', 'b2b-99999999']))), { 'b2b-22222222': { action: 'trust', note: '-5 ok' } });
});

test('report: page strings are escaped for Markdown, evidence stays verbatim in code spans', () => {
  const state = {
    phase: 'ready',
    supplier: { id: 'm:b2b-12345678', checklist: { samples: true } },
    verdict: {
      kind: 'offer', url: 'https://detail.1688.com/offer/1.html', readable: true, level: 'caution', score: 55,
      supplier: { memberId: 'b2b-12345678', company: '<img src=x onerror=alert(1)> [x](javascript:y) # co', storeAgeYears: 2, badges: ['trustpass'] },
      offer: { id: '1', title: '*bold* `tick`' },
      findings: [{ id: 'store-age-young', severity: 'medium', title: { en: 'Young store', zh: '店铺较新' }, evidence: 'tpYear = 2 `x` ``y``', advice: { en: 'Keep it small' } }],
      notes: ['shopcard failed'],
    },
  };
  const r = ext.buildReport(state, { entry: { action: 'trust', rating: 4, note: '# not a heading' } }, new Date(Date.UTC(2026, 10, 24, 12)));
  assert.equal(r.base, 'trustlens-report-b2b-12345678-2026-11-24');
  assert.match(r.markdown, /^# TrustLens supplier report: \\<img src=x onerror=alert\(1\)\\> \\\[x\\\]\(javascript:y\) # co$/m);
  assert.ok(r.markdown.includes('- Evidence: ``` tpYear = 2 `x` ``y`` ```'), r.markdown);
  assert.ok(r.markdown.includes('- Note: \\# not a heading'));
  assert.ok(r.markdown.includes('- [x] Samples tested'));
  assert.ok(r.markdown.includes("## Couldn't read\n\n- shopcard failed"));
  const j = JSON.parse(r.json);
  assert.deepEqual([j.level, j.score, j.checklist.done, j.buyerEntry.rating], ['caution', 55, 1, 4]);
});
