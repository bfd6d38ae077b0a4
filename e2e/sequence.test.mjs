// End-to-end: the sequence of badge states (the page badge and the toolbar
// badge) on every offer and store fixture page, recorded from the first
// insertion of the badge to a quiet page. A verdict is shown once: before it
// the badge is neutral ("Checking…", the toolbar "…"), never a level that is
// later replaced; a later change of level is shown as a change, with its
// reason. The sequences are printed (and written to e2e-artifacts/).
// Fixture pages: e2e/pages.mjs (real captures, see each page there), and one
// page whose review list arrives after the verdict's deadline (below).
// Run: bash scripts/build.sh && node --test e2e/sequence.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { ARTIFACTS, DIST, launch, recordBadgeInPage } from './browser.mjs';
import { g2Model, g2Page, shopcard, shopcards } from './pages.mjs';
import { DSR_API, LIST_API, PER_PAGE, generateReviews } from './review-pages.mjs';

// Offer pages (e2e/pages.mjs) and the store pages served on their real hosts.
const PAGES = [
  ['(a) real G2 597090034012, JSONP shopcard 11 yrs', 'http://detail.1688.com/offer/597090034012.html'],
  ['(b) real G2 833454967766, fetch shopcard 3 yrs', 'http://detail.1688.com/offer/833454967766.html'],
  ['(c) real G3 943009939489, no shopcard', 'http://detail.1688.com/offer/943009939489.html'],
  ['(d) WeChat payment + 1-yr shopcard', 'http://detail.1688.com/offer/900000000001.html'],
  ['(e) hostile company name', 'http://detail.1688.com/offer/900000000002.html'],
  ['(f) no model', 'http://detail.1688.com/offer/900000000003.html'],
  ['(g) strict CSP, no shopcard', 'http://detail.1688.com/offer/900000000004.html'],
  ['(h) shopcard ~500 ms late (XHR)', 'http://detail.1688.com/offer/900000000005.html'],
  ['(k) 1-yr store, no other warning', 'http://detail.1688.com/offer/900000000008.html'],
  ['(m) security check (real anti-bot page)', 'http://detail.1688.com/offer/900000000009.html'],
  ['store credit page (client-rendered)', 'http://ccgame.1688.com/page/creditdetail.html'],
  ['store contact page', 'http://ccgame.1688.com/page/contactinfo.html'],
  ['mobile shop home (header + licence modules)', 'http://winport.m.1688.com/page/index.html'],
];
const QUIET_MS = 1500; // after the verdict: long enough for a re-check of late data to show

let server;
let browser;

// ---- a review list that arrives after the deadline ------------------------
// The real G2 model of offer 597090034012 (internal/page/testdata/real/
// offer-597090034012.init-data.json, the median314/ext-1688-single-product
// capture) under another offer id, with a JSONP shopcard of tpYear 11 as on
// page (a) (e2e/pages.mjs): Trusted on its own. At DOMContentLoaded the page asks for its review
// summary (answered at once) and the first shown page of its review list
// (two API pages, JSONP, as lib-mtop does), which the gateway answers
// LATE_MS later: after the content script's longest wait for a review
// request in flight (MAX_WAIT_MS, 6 s, extension/content.js). The review
// rows are composed (no real review list body exists): the generated
// "clusters" set (go run ./e2e/gen-reviews clusters), its first shown page
// made of one planted cluster of near-identical reviews among ordinary ones.
const LATE_OFFER = '900000000020';
const LATE_URL = `http://detail.1688.com/offer/${LATE_OFFER}.html`;
const LATE_MS = 7000;
let late = null; // {html, dsr, lists: Map(api page -> body)}

async function buildLatePage() {
  const set = await generateReviews('clusters');
  const cluster = new Set(set.truth.clusters[0]);
  const planted = new Set(set.planted);
  const rows = [...set.rows.filter((r) => !planted.has(r.id)).slice(0, PER_PAGE - cluster.size), ...set.rows.filter((r) => cluster.has(r.id))];
  const listBody = (part) => {
    const body = structuredClone(set.apiPages[0].body);
    if (Array.isArray(body.data.model)) body.data.model = part;
    else body.data.model.commentList = part;
    return body;
  };
  const half = PER_PAGE / 2;
  // Shown page 1 is API pages 1 and 3 (the odd upstream indexes, docs 1688-pages.md §4).
  const lists = new Map([[1, listBody(rows.slice(0, half))], [3, listBody(rows.slice(half))]]);
  const script = `(function () {
  var offerId = ${JSON.stringify(LATE_OFFER)};
  var seq = 10;
  function mtop(api, data, delay, done) {
    var name = 'mtopjsonp' + (++seq);
    window[name] = done;
    var s = document.createElement('script');
    s.src = 'http://h5api.m.1688.com/h5/' + api.toLowerCase() + '/1.0/?jsv=2.7.2&appKey=12574478&t=' + Date.now() + '&sign=0&api=' + api +
      '&v=1.0&type=jsonp&dataType=jsonp&callback=' + name + (delay ? '&delay=' + delay : '') + '&data=' + encodeURIComponent(JSON.stringify(data));
    document.head.appendChild(s);
  }
  document.addEventListener('DOMContentLoaded', function () {
    mtop(${JSON.stringify(DSR_API)}, { offerId: offerId, loginId: 'seller', scene: 'item', site: null }, 0, function () {});
    var shown = 0;
    [1, 3].forEach(function (p) {
      mtop(${JSON.stringify(LIST_API)}, { page: p, pageSize: ${half}, tagType: 'common', tagName: '全部', scene: 'item', itemId: offerId, loginId: 'seller' }, ${LATE_MS}, function (resp) {
        var rows = (resp && resp.data && resp.data.model) || [];
        shown += (Array.isArray(rows) ? rows : rows.commentList || []).length;
        document.getElementById('evaluate').textContent = '商品评价 ' + shown;
        window.__tlReviewsAt = Math.round(performance.now()); // when the (last) list page arrived
      });
    });
  });
})();`;
  const model = g2Model('offer-597090034012.init-data.json', (m) => { m.globalData.tempModel.offerId = Number(LATE_OFFER); });
  shopcards.set(LATE_OFFER, shopcard({ shopName: model.globalData.tempModel.companyName, tpYear: 11 }));
  const html = g2Page({ model, shop: { transport: 'jsonp' }, extra: { head: [script], body: '<div id="evaluate">商品评价 …</div>' } });
  late = { html, dsr: set.dsr, lists };
}

/** The late page and its review gateway (the server answers its shopcard from `shopcards`). */
function lateRoute(host, url) {
  if (host === 'detail.1688.com' && url.pathname === `/offer/${LATE_OFFER}.html`) return { type: 'text/html; charset=utf-8', body: late.html };
  if (host !== 'h5api.m.1688.com') return null;
  const api = [LIST_API, DSR_API].find((a) => url.pathname === `/h5/${a.toLowerCase()}/1.0/`);
  if (!api) return null;
  const data = JSON.parse(url.searchParams.get('data') ?? '{}');
  const body = api === DSR_API ? late.dsr : late.lists.get(data.page) ?? { api, v: '1.0', ret: ['SUCCESS::调用成功'], data: { model: [] } };
  const cb = url.searchParams.get('callback') ?? 'cb';
  return { type: 'application/javascript; charset=utf-8', body: `${cb}(${JSON.stringify(body)})`, delayMs: Number(url.searchParams.get('delay')) || 0 };
}

before(async () => {
  await buildLatePage();
  server = await startServer({ route: lateRoute });
  browser = await launch(DIST, server.port);
  const sw = await browser.worker();
  await sw.evaluate(() => chrome.storage.local.set({ tlTestOpenShadow: true }));
  // The toolbar badge: every setBadgeText call, per tab, in order.
  await sw.evaluate(() => {
    globalThis.__tlToolbarSeq = [];
    const set = chrome.action.setBadgeText.bind(chrome.action);
    chrome.action.setBadgeText = (d) => { globalThis.__tlToolbarSeq.push({ tabId: d.tabId, text: d.text }); return set(d); };
  });
  await browser.context.addInitScript(recordBadgeInPage);
  // Warm the core first: the first page of a fresh browser could otherwise
  // insert its badge (the "Checking…" fallback) before the test hook that
  // opens the shadow roots is read, and its badge text could not be recorded.
  const warm = await browser.context.newPage();
  await warm.goto('http://detail.1688.com/offer/900000000003.html');
  await warm.waitForFunction(() => document.querySelector('[data-trustlens-host]')?.shadowRoot?.querySelector('.badge')?.getAttribute('data-state') === 'ready');
  await warm.close();
  mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A level word of a badge entry, or null while neutral. */
const levelOf = (e) => (e.state === 'ready' || e.state === 'error' ? e.level : null);

test('badge state sequences: neutral until the verdict, then the verdict once; no transient level', async () => {
  const lines = [];
  const sw = await browser.worker();
  for (const [name, url] of PAGES) {
    // A fresh profile state per page: no supplier memory from earlier pages.
    await sw.evaluate(async () => {
      const all = await chrome.storage.local.get(null);
      await chrome.storage.local.remove(Object.keys(all).filter((k) => /^(sup|visit):/.test(k) || k === 'supIndex' || k === 'visitIndex'));
      globalThis.__tlToolbarSeq.length = 0;
    });
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => ['ready', 'error'].includes(document.querySelector('[data-trustlens-host]')?.shadowRoot?.querySelector('.badge')?.getAttribute('data-state')), null, { timeout: 10_000 });
    await page.waitForTimeout(QUIET_MS);
    const seq = await page.evaluate(() => window.__tlBadgeSeq ?? []);
    const tabId = await sw.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? null, url);
    const toolbar = (await sw.evaluate(() => globalThis.__tlToolbarSeq)).filter((c) => c.tabId === tabId).map((c) => c.text);
    await page.close();

    const shown = seq.map((e) => (levelOf(e) ? `${e.text}${e.changedFrom ? ` (changed from ${e.changedFrom})` : ''}` : `[${e.state}] ${e.text}`));
    const toolbarSeq = toolbar.filter((t, i) => i === 0 || t !== toolbar[i - 1]);
    lines.push(`${name}\n  badge:   ${shown.join('  →  ')}\n  toolbar: ${toolbarSeq.map((t) => JSON.stringify(t)).join(' → ')}`);

    assert.ok(seq.length > 0, `${name}: no badge`);
    const first = seq.findIndex(levelOf);
    assert.ok(first >= 0, `${name}: never a verdict: ${shown.join(' → ')}`);
    // Before the verdict only neutral states; after it, any change of level is shown as a change.
    for (const e of seq.slice(0, first)) assert.ok(['loading', 'checking'].includes(e.state) && e.level === 'unknown', `${name}: transient state before the verdict: ${shown.join(' → ')}`);
    let level = levelOf(seq[first]);
    for (const e of seq.slice(first + 1)) {
      assert.ok(levelOf(e), `${name}: went back to "Checking…" after the verdict: ${shown.join(' → ')}`);
      if (e.level !== level) assert.equal(e.changedFrom, level, `${name}: level changed without saying so: ${shown.join(' → ')}`);
      level = e.level;
    }
    // No transient level: on these pages nothing arrives after the verdict, so it is shown exactly once.
    assert.equal(new Set(seq.slice(first).map((e) => e.level)).size, 1, `${name}: transient level: ${shown.join(' → ')}`);
    // The toolbar: neutral (cleared: "" or null; "…") until the final level, which is shown once.
    const finalText = toolbarSeq.at(-1);
    assert.ok(['OK', 'WARN', 'RISK', '?', 'ERR'].includes(finalText), `${name}: toolbar ends ${finalText}`);
    for (const t of toolbarSeq.slice(0, -1)) assert.ok(t === '' || t === null || t === '…', `${name}: toolbar showed ${t} before ${finalText}: ${toolbarSeq.join(' → ')}`);
    assert.equal({ trusted: 'OK', caution: 'WARN', 'high-risk': 'RISK', unknown: '?' }[level], finalText, `${name}: toolbar and badge disagree`);
  }
  const out = lines.join('\n');
  console.log(out);
  writeFileSync(join(ARTIFACTS, 'badge-sequences.txt'), `${out}\n`);
});

test('a review page that arrives after the deadline: the final level once, then the change shown as a change, with its reason', async () => {
  const sw = await browser.worker();
  await sw.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    await chrome.storage.local.remove(Object.keys(all).filter((k) => k.startsWith('sup:') || k === 'supIndex'));
    globalThis.__tlToolbarSeq.length = 0;
  });
  const page = await browser.context.newPage();
  await page.goto(LATE_URL);
  // The review list arrives LATE_MS after DOMContentLoaded; then the new level is drawn.
  await page.waitForFunction(() => window.__tlReviewsAt != null, null, { timeout: 15_000 });
  await page.waitForFunction(() => document.querySelector('[data-trustlens-host]')?.shadowRoot?.querySelector('.badge')?.hasAttribute('data-changed-from'), null, { timeout: 5_000 });
  await page.waitForTimeout(QUIET_MS);
  const seq = await page.evaluate(() => window.__tlBadgeSeq ?? []);
  const reviewsAt = await page.evaluate(() => window.__tlReviewsAt);
  const dcl = await page.evaluate(() => Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventStart));
  const badge = await page.evaluate(() => {
    const b = document.querySelector('[data-trustlens-host]').shadowRoot.querySelector('.badge');
    return { label: b.getAttribute('aria-label'), title: b.getAttribute('title'), text: b.textContent };
  });
  // The panel: its answer box names the change and why.
  await page.evaluate(() => document.querySelector('[data-trustlens-host]').shadowRoot.querySelector('.badge').click());
  await page.waitForFunction(() => document.querySelector('[data-trustlens-panel]')?.shadowRoot?.querySelector('[data-change]'));
  const change = await page.evaluate(() => document.querySelector('[data-trustlens-panel]').shadowRoot.querySelector('[data-change]').textContent);
  const tabId = await sw.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? null, LATE_URL);
  const toolbar = (await sw.evaluate(() => globalThis.__tlToolbarSeq)).filter((c) => c.tabId === tabId).map((c) => c.text).filter((t, i, a) => i === 0 || t !== a[i - 1]);
  await page.close();

  const shown = seq.map((e) => `${levelOf(e) ? e.text : `[${e.state}] ${e.text}`}${e.changedFrom ? ` (changed from ${e.changedFrom})` : ''} @${e.t - dcl} ms`);
  const out = `late review page (real G2 597090034012 model, shopcard 11 yrs; composed review list ${LATE_MS} ms after DOMContentLoaded, arrived @${reviewsAt - dcl} ms)\n  badge:   ${shown.join('  →  ')}\n  toolbar: ${toolbar.map((t) => JSON.stringify(t)).join(' → ')}\n  badge label: ${badge.label}\n  panel: ${change}`;
  console.log(out);
  writeFileSync(join(ARTIFACTS, 'badge-sequence-late-reviews.txt'), `${out}\n`);

  const first = seq.findIndex(levelOf);
  assert.ok(first >= 0, `never a verdict: ${shown.join(' → ')}`);
  // Neutral until the verdict, which waited for the review request in flight, then gave up on it.
  for (const e of seq.slice(0, first)) assert.ok(['loading', 'checking'].includes(e.state) && e.level === 'unknown', `transient state before the verdict: ${shown.join(' → ')}`);
  assert.ok(seq.slice(0, first).some((e) => /review/i.test(e.text)), `"Checking…" did not say it waits for reviews: ${shown.join(' → ')}`);
  const levels = seq.slice(first).map((e) => e.level).filter((l, i, a) => i === 0 || l !== a[i - 1]);
  assert.deepEqual(levels, ['trusted', 'caution'], `want Trusted once, then Caution: ${shown.join(' → ')}`);
  const final = seq[first];
  const changed = seq.find((e) => e.level === 'caution');
  assert.ok(final.t < reviewsAt, `the verdict was not final before the review list arrived: ${shown.join(' → ')}`);
  assert.ok(changed.t >= reviewsAt, `Caution before the review list arrived: ${shown.join(' → ')}`);
  assert.equal(changed.changedFrom, 'trusted', 'the change does not say what the level was');
  for (const e of seq.slice(seq.indexOf(changed))) assert.equal(e.level, 'caution', `transient level after the change: ${shown.join(' → ')}`);
  // The change and its reason: on the badge ("was Trusted"; the reason in its label and tooltip) and in the panel.
  assert.match(badge.text, /was Trusted/);
  assert.match(badge.label, /Was Trusted: new warning: .*review/i);
  assert.match(badge.title, /Was Trusted: new warning: .*review/i);
  assert.match(change, /Changed from Trusted: new warning: .*review/i);
  // The toolbar: neutral, then OK once, then WARN.
  assert.deepEqual(toolbar.filter((t) => !['', null, '…'].includes(t)), ['OK', 'WARN'], `toolbar: ${toolbar.join(' → ')}`);
  assert.ok(toolbar.indexOf('OK') > toolbar.lastIndexOf('…'), `toolbar neutral after OK: ${toolbar.join(' → ')}`);
});
