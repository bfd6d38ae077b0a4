// End-to-end: store pages, supplier memory, the planned-order advice
// on a young store, the buyer's checklist and the licence check. Fixture store
// pages carry the real texts and mtop bodies of stores 1634230375 and
// 406915100661872 (e2e/pages.mjs buildStorePages), served under their 1688
// host names, and the PC shop offer list of e2e/search-pages.mjs (its header
// names no member: the id comes from the store's own requests). One browser
// for the file.
// Run: bash scripts/build.sh && node --test e2e/store.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { CCGAME, LINGCHEN } from './pages.mjs';
import { STORE_MEMBER, STORE_OFFERLIST_URL, searchRoute } from './search-pages.mjs';
import { DIST, launch, openMore, readOverlayInPage, waitForBadgeText, waitForVerdict } from './browser.mjs';

const OFFER = (id) => `http://detail.1688.com/offer/${id}.html`;
const CREDIT = `http://${CCGAME.host}/page/creditdetail.html`;
const CONTACT = `http://${CCGAME.host}/page/contactinfo.html`;
const WINPORT = `http://winport.m.1688.com/page/index.html?memberId=${LINGCHEN.memberId}`;
const OFFERS = {
  lingchen: '900000000006', // member 406915100661872, no shopcard
  otherMember: '900000000007', // another member, same company name, no shopcard
  young: '900000000008', // a 1-year store (shopcard tpYear 1), no other warning
};
const GSXT = 'https://www.gsxt.gov.cn/';
// The offer pages count as a secure context here (real 1688 is https), so the
// clipboard API is there; the store host stays http: the fallback field path.
const SECURE_ORIGIN = 'http://detail.1688.com';

let server;
let browser;
let page;
const today = () => new Date().toISOString().slice(0, 10); // the UTC day, as the core and the panel write it

async function sw() { return browser.worker(); }
async function setLocal(items) { await (await sw()).evaluate((i) => chrome.storage.local.set(i), items); }
async function getLocal(keys) { return (await sw()).evaluate((k) => chrome.storage.local.get(k), keys); }
/** Polls chrome.storage.local until pred(value of key) holds (writes are not awaited by the page). */
async function waitLocal(key, pred, what) {
  for (let i = 0; i < 100; i++) {
    const v = (await getLocal(key))[key];
    if (pred(v)) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  return assert.fail(`chrome.storage.local ${key} never became ${what}`);
}
const panel = (sel) => page.locator(`[data-trustlens-panel] ${sel}`);

before(async () => {
  server = await startServer({ route: (host, url, req) => searchRoute(host, url, req.headers.origin) }); // + the PC shop offer list
  browser = await launch(DIST, server.port, { args: [`--unsafely-treat-insecure-origin-as-secure=${SECURE_ORIGIN}`] });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: SECURE_ORIGIN });
  // The register is never really contacted: the test answers for it.
  await browser.context.route(`${GSXT}**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>gsxt stub</title>' }));
  await setLocal({ tlTestOpenShadow: true, prefs: { panelOpenByDefault: true } });
  page = await browser.context.newPage();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('(a) store credit page (real text, client-rendered) and contact page: badge by the store name, 11 yrs; "No address given"', async () => {
  await page.goto(CREDIT);
  const o = await waitForBadgeText(page, '· 11 yrs');
  assert.equal(await page.evaluate(() => window.__rendered), true, 'the text arrived after DOMContentLoaded');
  assert.match(o.badgeText, /^(Trusted|Caution|High risk) · \d+ · 11 yrs$/);
  assert.equal(o.hosts, 1);
  assert.equal(o.anchoredAfter, 'shop-company-name v-flex', 'next to the store name heading, after its link');
  // A click on the badge toggles the panel and follows no page link.
  assert.equal(o.panelHidden, false);
  await page.locator('[data-trustlens-host] button.badge').click();
  assert.equal((await page.evaluate(readOverlayInPage)).panelHidden, true);
  await page.locator('[data-trustlens-host] button.badge').click();
  assert.equal((await page.evaluate(readOverlayInPage)).panelHidden, false);
  assert.equal(page.url(), CREDIT);
  assert.equal(await page.evaluate(() => window.__rendered), true, 'still the same document');
  assert.equal(o.company, CCGAME.company);
  const age = o.findings.find((f) => f.id === 'store-age-established');
  assert.ok(age, `findings: ${o.findings.map((f) => f.id)}`);
  assert.match(age.evidence, /入驻11年/);
  // The empty first render, then one re-check once the text settled; bounded.
  assert.ok(o.analyses >= 2 && o.analyses <= 4, `analyses: ${o.analyses}`);

  await page.goto(CONTACT);
  const c = await waitForBadgeText(page, '· 11 yrs');
  const withheld = c.findings.find((f) => f.id === 'factory-address-withheld');
  assert.ok(withheld, `findings: ${c.findings.map((f) => f.id)}`);
  assert.match(withheld.evidence, /地址：暂无/);
  assert.match(c.panelText, /No address given/);
  assert.equal(c.anchoredAfter, 'shop-company-name v-flex');
});

test('(b) supplier memory: the store page\'s age and licence fill an offer page of the same member, with their source; not another member\'s', async () => {
  await page.goto(WINPORT);
  const s = await waitForBadgeText(page, '· 8 yrs');
  assert.equal(s.captures, '2', 'header (JSONP) and licence (fetch) responses captured');
  assert.equal(s.company, LINGCHEN.company);
  const entry = await waitLocal(`sup:m:${LINGCHEN.memberId}`, (v) => v?.sources?.[0]?.facts?.storeAgeYears === 8 && v.sources[0].facts.licenceCompany, 'remembered');
  assert.equal(entry.sources[0].url, WINPORT);
  assert.equal(entry.sources[0].proves, true, 'a store address naming the member proves it');
  assert.equal(entry.sources[0].facts.licenceCompany, LINGCHEN.company);

  await page.goto(OFFER(OFFERS.lingchen));
  const o = await waitForVerdict(page);
  assert.equal(o.captures, '0', 'this offer page has no shopcard of its own');
  assert.match(o.badgeText, /^(Trusted|Caution|High risk) · \d+ · 8 yrs$/);
  const age = o.findings.find((f) => f.id === 'store-age-established');
  assert.ok(age, `findings: ${o.findings.map((f) => f.id)}`);
  assert.ok(age.evidence.includes(`remembered from ${WINPORT} (${today()})`), age.evidence);
  assert.match(o.remembered.storeAgeYears, new RegExp(`^Store age from the store page you visited on ${today()}`));
  assert.ok(o.remembered.storeAgeYears.includes(WINPORT));
  assert.ok(o.badges.includes('super-factory'), 'the store page\'s badge is remembered too');

  await page.goto(OFFER(OFFERS.otherMember));
  const x = await waitForVerdict(page);
  assert.match(x.badgeText, / · \?$/, 'same company name, another member: nothing remembered');
  assert.deepEqual(x.remembered, {});
  assert.ok(!x.findings.some((f) => f.evidence.includes('remembered from')));
  assert.ok(!x.badges.includes('super-factory'));
});

test('(b2) supplier memory from a PC shop page whose header names no member: the id comes from the store\'s own requests, and the offer page gets its facts', async () => {
  assert.equal(STORE_MEMBER, LINGCHEN.memberId);
  await (await sw()).evaluate((k) => chrome.storage.local.remove(k), `sup:m:${LINGCHEN.memberId}`);
  await page.goto(STORE_OFFERLIST_URL);
  await waitForVerdict(page);
  const entry = await waitLocal(`sup:m:${LINGCHEN.memberId}`, (v) => v?.sources?.length > 0, 'remembered from the offer list page');
  assert.equal((await page.evaluate(readOverlayInPage)).company, LINGCHEN.company);
  assert.deepEqual(entry.sources.map((s) => [s.url, s.proves]), [[STORE_OFFERLIST_URL, true]], 'the store\'s own host proves the member');

  await page.goto(OFFER(OFFERS.lingchen));
  const o = await waitForVerdict(page);
  assert.equal(o.captures, '0', 'this offer page has no shopcard of its own');
  const from = o.findings.filter((f) => f.evidence.includes(`remembered from ${STORE_OFFERLIST_URL} (${today()})`));
  assert.ok(from.length > 0, `findings: ${o.findings.map((f) => `${f.id}: ${f.evidence}`).join(' | ')}`);
  assert.ok(Object.values(o.remembered).some((t) => t.includes(STORE_OFFERLIST_URL)), JSON.stringify(o.remembered));
});

test('(c) 10,000 USD planned on a 1-year store: order-exceeds-store-trust and "stop" advice with its steps', async () => {
  await (await sw()).evaluate(() => chrome.storage.local.remove('plannedOrder'));
  try {
    await page.goto(OFFER(OFFERS.young));
    await waitForBadgeText(page, '· 1 yr');
    await openMore(page);
    await panel('input[data-fk="amount"]').fill('10000');
    await panel('select[data-fk="currency"]').selectOption('USD');
    await panel('button[data-fk="submit"]').click();
    await page.waitForFunction(() => document.querySelector('[data-trustlens-panel]').shadowRoot.querySelector('[data-finding-id="order-exceeds-store-trust"]'));
    const o = await page.evaluate(readOverlayInPage);
    const f = o.findings.find((x) => x.id === 'order-exceeds-store-trust');
    assert.match(f.evidence, /planned order 10,000 USD; store age 1/);
    assert.equal(o.findings[0].positive, false);
    const advice = await page.evaluate(() => {
      const box = document.querySelector('[data-trustlens-panel]').shadowRoot.querySelector('.advice-box');
      return { tone: box.getAttribute('data-tone'), tone1: box.querySelector('.tone').textContent, steps: [...box.querySelectorAll('.steps li')].map((li) => li.textContent) };
    });
    assert.equal(advice.tone, 'stop');
    assert.match(advice.tone1, /^Do not send money to this supplier yet/, 'the tone is said in words, not only colour');
    assert.ok(advice.steps.length >= 3, advice.steps.join(' | '));
    assert.ok(advice.steps.some((s) => /10,000 USD is more than this supplier's record supports/.test(s)), advice.steps.join(' | '));
    // The payment plan is for the first order the record supports, never a deposit on the 10,000.
    assert.ok(advice.steps.some((s) => /^For a first order of about 300 USD: under 500 USD full payment/.test(s)), advice.steps.join(' | '));
    assert.ok(!advice.steps.some((s) => /30% deposit/.test(s)), advice.steps.join(' | '));
  } finally {
    await (await sw()).evaluate(() => chrome.storage.local.remove('plannedOrder'));
  }
});

test('(d) buyer\'s checklist: two ticks survive a reload ("2 of 7 done"), keyboard works, kept per supplier', async () => {
  await page.goto(OFFER(OFFERS.young));
  let o = await waitForBadgeText(page, '· 1 yr');
  await openMore(page);
  assert.equal(o.checklist.progress.startsWith('0 of 7 done'), true, o.checklist.progress);
  // Labels are associated: clicking the label text ticks the box.
  await panel('label[for="tl-chk-samples"]').click();
  await panel('label[for="tl-chk-video"]').click();
  // Keyboard: Space on a focused box ticks it, Space again unticks it.
  await panel('#tl-chk-reports').focus();
  await page.keyboard.press('Space');
  assert.equal(await panel('#tl-chk-reports').isChecked(), true);
  await page.keyboard.press('Space');
  assert.equal(await panel('#tl-chk-reports').isChecked(), false);
  o = await page.evaluate(readOverlayInPage);
  assert.match(o.checklist.progress, /^2 of 7 done/);
  const key = 'chk:m:b2b-3000000000000c0de';
  await waitLocal(key, (v) => v?.items?.samples && v.items.video && !v.items.reports, 'samples + video');

  await page.reload();
  o = await waitForBadgeText(page, '· 1 yr');
  await openMore(page);
  assert.deepEqual(o.checklist.ticked, ['samples', 'video']);
  assert.match(o.checklist.progress, /^2 of 7 done/);
  assert.match(o.panelText, /Third-party inspection \(e\.g\. Bureau Veritas, Intertek\)/);
  const describedBy = await panel('#tl-chk-samples').getAttribute('aria-describedby');
  assert.ok(await panel(`#${describedBy}`).textContent());

  // Another supplier has its own list.
  await page.goto(OFFER(OFFERS.lingchen));
  o = await waitForVerdict(page);
  assert.equal(o.checklist.done, 0);
});

test('(e) licence check: copies the licence company name and opens the register in a new tab (no referrer)', async () => {
  await page.goto(OFFER(OFFERS.lingchen));
  let o = await waitForVerdict(page);
  assert.equal(o.licenceName, LINGCHEN.company, 'the remembered licence company name');
  await openMore(page);
  const opened = browser.context.waitForEvent('request', (r) => r.url() === GSXT);
  const popup = browser.context.waitForEvent('page');
  await panel('a[data-fk="gsxt"]').click();
  const req = await opened;
  assert.equal(req.isNavigationRequest(), true, 'a tab navigation, not a request by the extension');
  assert.equal(req.headers().referer, undefined, 'the register does not learn the 1688 page');
  const tab = await popup;
  await tab.waitForLoadState('domcontentloaded');
  assert.equal(tab.url(), GSXT);
  await tab.close();
  await panel('[data-licence-status="copied"]').waitFor();
  assert.match(await panel('.licence-status').textContent(), /^Company name copied — paste it into the search box/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), LINGCHEN.company);

  // Without a secure context there is no clipboard API: the read-only field with the name is selected.
  await page.goto(CONTACT);
  o = await waitForBadgeText(page, '· 11 yrs');
  assert.equal(o.licenceName, CCGAME.company);
  await openMore(page);
  const popup2 = browser.context.waitForEvent('page');
  await panel('a[data-fk="gsxt"]').click();
  const tab2 = await popup2;
  await tab2.close();
  await page.waitForFunction(() => document.querySelector('[data-trustlens-panel]').shadowRoot.querySelector('.licence-status').getAttribute('data-licence-status') !== '');
  const field = await page.evaluate(() => {
    const root = document.querySelector('[data-trustlens-panel]').shadowRoot;
    const f = root.querySelector('input.licence-name');
    return { value: f.value, readOnly: f.readOnly, focused: root.activeElement === f, start: f.selectionStart, end: f.selectionEnd, status: root.querySelector('.licence-status').getAttribute('data-licence-status') };
  });
  assert.deepEqual({ ...field, status: undefined }, { value: CCGAME.company, readOnly: true, focused: true, start: 0, end: CCGAME.company.length, status: undefined });
  assert.ok(['copied', 'manual'].includes(field.status), field.status);
});

test('supplier memory is bounded in bytes (2 MiB): the least recently used entries go first', async () => {
  await (await sw()).evaluate(async () => {
    const items = {};
    const index = {};
    for (let i = 0; i < 2000; i++) {
      const id = `m:b2b-evict${i}`;
      items[`sup:${id}`] = { memberId: `b2b-evict${i}`, sources: [{ url: 'http://shopx.1688.com/', at: 1000 + i, proves: true, facts: { storeAgeYears: 5 } }] };
      index[id] = [1000 + i, 1100]; // [used at, bytes]: 2,200,000 bytes in all, over the budget
    }
    await chrome.storage.local.set({ ...items, supIndex: index });
  });
  await page.goto(OFFER('833454967766')); // a supplier this file has not seen yet
  await waitForVerdict(page);
  const index = await waitLocal('supIndex', (v) => v && v['m:b2b-22175540303633d894'], 'updated');
  const total = Object.values(index).reduce((n, v) => n + v[1], 0);
  assert.ok(total <= 2 * 1024 * 1024, `bytes ${total}`);
  assert.equal(index['m:b2b-evict0'], undefined);
  assert.ok(index['m:b2b-evict1999'], 'the most recently used stay');
  const left = await getLocal(['sup:m:b2b-evict0', 'sup:m:b2b-evict1999']);
  assert.equal(left['sup:m:b2b-evict0'], undefined, 'the least recently used entry is removed');
  assert.ok(left['sup:m:b2b-evict1999'], 'the newest stays');
});

test('options: "forget remembered suppliers and checklists" clears them, and nothing else', async () => {
  assert.ok(Object.keys(await getLocal(null)).some((k) => k.startsWith('chk:')), 'the checklist of (d) is there');
  const opts = await browser.context.newPage();
  await opts.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await opts.waitForSelector('body[data-ready]');
  await opts.click('#forgetSuppliers');
  await opts.waitForFunction(() => document.getElementById('status').textContent !== '');
  await opts.close();
  const keys = Object.keys(await getLocal(null));
  assert.deepEqual(keys.filter((k) => k.startsWith('sup') || k.startsWith('chk:')), []);
  assert.ok(keys.includes('tlTestOpenShadow'), 'preferences stay');
  // A page of a forgotten supplier shows no remembered age any more.
  await page.goto(OFFER(OFFERS.lingchen));
  const o = await waitForVerdict(page);
  assert.match(o.badgeText, / · \?$/);
});
