// End-to-end: the sequence of badge states (the page badge and the toolbar
// badge) on every offer and store fixture page, recorded from the first
// insertion of the badge to a quiet page. A verdict is shown once: before it
// the badge is neutral ("Checking…", the toolbar "…"), never a level that is
// later replaced; a later change of level is shown as a change, with its
// reason. The sequences are printed (and written to e2e-artifacts/).
// Fixture pages: e2e/pages.mjs (real captures, see each page there).
// Run: bash scripts/build.sh && node --test e2e/sequence.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { ARTIFACTS, DIST, launch, recordBadgeInPage } from './browser.mjs';

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

before(async () => {
  server = await startServer();
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
