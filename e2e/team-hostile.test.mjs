// End-to-end: team sync against hostile pages and a service that hangs. One
// browser, the team service's native twin behind a counting proxy
// (e2e/team-service.mjs); the tests run in order:
//   1. the team token is not readable from the content scripts' context
//      (read there through the DevTools protocol, as a compromised content
//      process could)
//   2. a page that rewrites its address with history.pushState, swaps its
//      model for other offers' and forges a capture gets no price posted for
//      those offers and no price history read: only the offer the buyer
//      opened is read and observed (observed once)
//   3. a team service that accepts connections and never answers: requests
//      time out, the panel, the popup and the options say "not answering",
//      and one stalled request does not hold the buyer's team action
// The genuine page is the real G2 capture of offer 833454967766
// (internal/page/testdata/real/offer-833454967766.init-data.json); the attack
// script around it is composed. No timed assertions: waits are for conditions.
// Run: DIST=/tmp/dist-team bash scripts/build.sh && TRUSTLENS_DIST=/tmp/dist-team/chrome node --test e2e/team-hostile.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { DIST, launch, openMore, readOverlayInPage, waitForVerdict } from './browser.mjs';
import { readReal } from './pages.mjs';
import { grantLocalSite, optionsPage, serviceApi, startProxy, startService, stopService, teamState } from './team-service.mjs';

const OFFER_ID = '833454967766';
const OFFER = `http://detail.1688.com/offer/${OFFER_ID}.html`;
const MEMBER_ID = 'b2b-22175540303633d894'; // its seller
// Offers the buyer never opens: the attack pushes their addresses one after another.
const FORGED = Array.from({ length: 12 }, (_, i) => String(700000000001 + i));
const OTHER_OFFER = 'http://detail.1688.com/offer/597090034012.html'; // a plain fixture page (e2e/pages.mjs)
// A fixture page (e2e/pages.mjs (i)) whose seller and offer the team cache has not seen: visiting it makes requests.
const UNSEEN_OFFER = 'http://detail.1688.com/offer/900000000006.html';

let service;
let proxy;
let fixtures;
let browser;
let page;
let token;

/** The real page of OFFER_ID with a composed attack script (starts when the test sets window.__startAttack). */
function hostilePage() {
  const model = readReal(`offer-${OFFER_ID}.init-data.json`);
  const attack = `(function () {
  var base = document.getElementById('model').text;
  var ids = ${JSON.stringify(FORGED)};
  var seq = 1000000;
  window.__attack = { done: 0, finished: false };
  function step(i) {
    if (i >= ids.length) { window.__attack.finished = true; return; }
    // Another offer's model, its address in the bar, and a forged capture to trigger a re-check.
    document.getElementById('model').text = base.split(${JSON.stringify(OFFER_ID)}).join(ids[i]);
    history.pushState(null, '', '/offer/' + ids[i] + '.html');
    window.postMessage({ tag: 'trustlens-capture-v1', kind: 'capture', seq: seq++, url: 'http://h5api.m.1688.com/h5/x/1.0/?n=' + i, body: '{}' }, '*');
    window.__attack.done = i + 1;
    setTimeout(function () { step(i + 1); }, 700);
  }
  window.__startAttack = function () { step(0); };
})();`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>hostile offer - 阿里巴巴</title>
<script id="model">window.__INIT_DATA=${model.replace(/<\//g, '<\\/')}</script>
<script>${attack}</script></head>
<body><div class="od-pc-layout"><div class="title-content"><div class="title-text">offer</div></div></div></body></html>`;
}

async function sw() { return browser.worker(); }
/** A request straight to the service (team-service.mjs serviceApi) with the buyer's token. */
const api = (method, path, body, headers = {}) => serviceApi(service)(method, path, body, headers, token);
/**
 * Opens url and waits for its verdict. On a loaded machine the "Checking…"
 * badge can be drawn before the background's first reply carries the test
 * hook that opens the shadow roots; the page is then loaded again (the
 * panel's content is what these tests read).
 */
async function openReadable(url) {
  for (let i = 0; ; i++) {
    await page.goto(url);
    const o = await waitForVerdict(page, 30_000);
    if (!o.closed || i === 3) return o;
  }
}
const teamSection = () => document.querySelector('[data-trustlens-panel]')?.shadowRoot?.querySelector('section[data-team]')?.getAttribute('data-team') ?? null;

before(async () => {
  service = await startService();
  proxy = await startProxy(service.url);
  const created = await api('POST', '/v1/admin/teams', { name: 'Hostile e2e team', label: 'buyer-laptop' }, { 'X-Admin-Secret': service.secret });
  token = created.token;
  fixtures = await startServer({
    route: (host, url) => (host === 'detail.1688.com' && url.pathname === `/offer/${OFFER_ID}.html` ? { type: 'text/html; charset=utf-8', body: hostilePage() } : null),
  });
  browser = await launch(DIST, fixtures.port);
  await (await sw()).evaluate(() => chrome.storage.local.set({ tlTestOpenShadow: true, prefs: { panelOpenByDefault: true } }));
  // Team sync on, as the options page does it (the site granted first: headless Chromium cannot answer the prompt).
  await grantLocalSite(browser);
  const opts = await optionsPage(browser);
  await opts.fill('#teamServer', proxy.url);
  await opts.fill('#teamToken', token);
  await opts.fill('#teamBy', 'buyer');
  await opts.click('#teamSave');
  await opts.waitForFunction(() => /Connected/.test(document.getElementById('teamMsg').textContent));
  await opts.close();
  page = await browser.context.newPage();
});

after(async () => {
  await browser?.close();
  await fixtures?.close();
  await proxy?.close();
  stopService(service);
});

test('1. the team token cannot be read from the content scripts\' context', async () => {
  await page.goto(OTHER_OFFER);
  await waitForVerdict(page);
  // The content scripts' isolated world, reached through the DevTools protocol.
  const cdp = await browser.context.newCDPSession(page);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${browser.extensionId}`);
  assert.ok(world, `the content scripts' world: ${JSON.stringify(contexts.map((c) => [c.name, c.origin, c.auxData?.type]))}`);
  const read = async (expression) => {
    const r = await cdp.send('Runtime.evaluate', { contextId: world.id, expression, awaitPromise: true, returnByValue: true });
    return String(r.result?.value ?? r.exceptionDetails?.exception?.description ?? '');
  };
  // It is the extension's content-script world: chrome.storage.local answers there (the buyer's settings).
  const local = await read('chrome.storage.local.get(null).then((v) => JSON.stringify(v))');
  assert.match(local, /teamConfig/, 'content scripts can read storage.local');
  assert.ok(!local.includes(token), 'the token is not in storage.local');
  const session = await read('chrome.storage.session.get(null).then((v) => JSON.stringify(v), (e) => "refused: " + e.message)');
  assert.ok(!session.includes(token), 'nor in storage.session');
  const idb = await read('indexedDB.databases().then((d) => JSON.stringify(d))');
  assert.ok(!idb.includes('trustlens-team'), `the page origin's IndexedDB holds no team database: ${idb}`);
  await cdp.detach();
  // The background still has it: sync works.
  assert.equal((await teamState(browser, true)).hasToken, true);
});

test('2. pushState + model swap + forged capture: no price read or posted for offers the buyer never opened', async () => {
  const mark = proxy.seen.length;
  await page.goto(OFFER);
  const first = await waitForVerdict(page);
  assert.equal(first.state, 'ready');
  await teamState(browser, true);
  // What team sync was told the tab shows after each analysis (team-sync.js keeps it per tab in storage.session).
  const worker = await sw();
  const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? null, OFFER);
  const shown = new Set();
  const watch = async () => {
    const key = `teamTab:${tabId}`;
    const id = await worker.evaluate(async (k) => (await chrome.storage.session.get(k))[k]?.offerId ?? null, key);
    if (id) shown.add(id);
  };
  await page.evaluate(() => window.__startAttack());
  while (!(await page.evaluate(() => window.__attack?.finished === true))) {
    await watch();
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(await page.evaluate(() => location.pathname), `/offer/${FORGED.at(-1)}.html`, 'the address bar shows the last forged offer');
  await teamState(browser, true);
  await watch();
  const calls = proxy.seen.slice(mark);
  // The forged offers reached the team code (it was told the tab shows them)...
  const reached = FORGED.filter((id) => shown.has(id));
  assert.ok(reached.length >= 6, `the attack's verdicts reached team sync: ${reached.length} forged offers seen`);
  // ...the opened offer's history was read...
  assert.ok(calls.some((r) => r.method === 'GET' && r.path.startsWith(`/v1/prices/${OFFER_ID}?`)), 'the opened offer\'s price history is read');
  // ...but no forged offer's history was read, and the only price written is the opened offer's, once.
  const readForged = FORGED.filter((id) => calls.some((r) => r.method === 'GET' && r.path.startsWith(`/v1/prices/${id}`)));
  const writes = calls.filter((r) => r.method === 'POST' && r.path === '/v1/prices');
  const stored = [];
  for (const id of [OFFER_ID, ...FORGED]) {
    const h = await api('GET', `/v1/prices/${id}`);
    if (h.total) stored.push(`${id}×${h.total}`);
  }
  console.log(`# attack: ${FORGED.length} forged offers pushed, ${reached.length} reached team sync, histories read for ${readForged.length}; prices posted ${writes.length}, stored: ${stored.join(', ') || 'none'}`);
  assert.deepEqual(readForged, [], 'no price history read for an offer the buyer never opened');
  assert.deepEqual(stored, [`${OFFER_ID}×1`], 'prices stored only for the offer the buyer opened');
  assert.equal(writes.length, 1);
});

test('3. a team service that never answers: requests time out, the buyer sees "not answering", a click is not held behind a stalled request', async () => {
  // Every request hangs.
  proxy.stall(/./);
  await openReadable(UNSEEN_OFFER);
  await page.waitForFunction(teamSection, null, { timeout: 60_000 });
  // After the timeout the panel says so (the tab is checked again when the state changes).
  await page.waitForFunction(() => document.querySelector('[data-trustlens-panel]')?.shadowRoot?.querySelector('section[data-team="timeout"]'), null, { timeout: 60_000 });
  const text = await page.evaluate(() => document.querySelector('[data-trustlens-panel]').shadowRoot.querySelector('section[data-team] .team-status').textContent);
  assert.match(text, /Team service not answering/);
  assert.ok(proxy.stalled >= 1, 'the request reached the service and hangs');
  const st = await teamState(browser, false);
  assert.equal(st.status.state, 'timeout');
  // The options and the popup say it too.
  const opts = await optionsPage(browser);
  assert.match(await opts.textContent('#teamState'), /not answering/);
  await opts.close();
  const tabId = await (await sw()).evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? null, UNSEEN_OFFER);
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('[data-team-status="timeout"]');
  assert.match(await popup.textContent('[data-team-status]'), /Team service not answering/);
  await popup.close();

  // Only the history reads hang now: the buyer's "Trust" still reaches the service.
  proxy.unstall();
  proxy.stall(/^GET \/v1\/prices\//);
  const mark = proxy.seen.length;
  await openReadable(OFFER); // a fresh load of the genuine page; its history read (GET /v1/prices/…) hangs
  await page.waitForFunction(() => document.querySelector('[data-trustlens-panel]')?.shadowRoot?.querySelector('[data-team-action="trust"]'), null, { timeout: 30_000 });
  for (let i = 0; !proxy.seen.slice(mark).some((r) => r.answered === 'never'); i++) {
    assert.ok(i < 3000, 'a history read reached the service and hangs');
    await new Promise((r) => setTimeout(r, 20));
  }
  await openMore(page); // the team's actions are behind "show more"
  await page.locator('[data-trustlens-panel] [data-team-action="trust"]').click();
  await page.locator('[data-trustlens-panel] button[data-fk="confirm-yes"]').click(); // team actions are confirmed (overlay.js)
  for (let i = 0; ; i++) {
    const put = proxy.seen.slice(mark).find((r) => r.method === 'PUT' && r.path === `/v1/suppliers/${MEMBER_ID}`);
    if (put?.done) break; // the service has answered it: the entry is stored
    assert.ok(i < 3000, 'the buyer\'s PUT reaches the service and is answered while the history read still hangs');
    await new Promise((r) => setTimeout(r, 20));
  }
  const entry = await api('GET', `/v1/suppliers/${MEMBER_ID}`);
  assert.equal(entry.entry.action, 'trust');
  assert.equal(entry.entry.by, 'buyer-laptop', 'signed with the token\'s label');
  assert.ok(proxy.stalled >= 1, 'the history read is still unanswered');
  proxy.unstall();
});
