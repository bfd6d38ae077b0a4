// End-to-end: team sync against the team service's native twin
// (worker/main_other.go: the same API handler over an in-memory store). One
// browser and one service for the file; the tests run in order:
//   1. sync off: the offer page is judged locally and no request reaches the service
//   2. options: Save asks for the server's origin in the click, Test connection
//   3. sync on: the real G2 offer 833454967766, whose supplier the team blocked and
//      whose price the team saw far higher, turns high-risk (team-reported,
//      price-below-history); today's price is recorded once
//   4. the panel's team actions: report to my team, trust
//   5. turning sync off forgets the token and the cache; nothing reaches the service after
// The extension talks to the service through a counting proxy here (the
// service has no request log): every request the service receives from the
// browser is in `seen`. Setup requests (admin, seeding) go to the service
// directly. No timed assertions: waits are for conditions.
// Run: DIST=/tmp/dist-team bash scripts/build.sh && TRUSTLENS_DIST=/tmp/dist-team node --test e2e/team.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { ARTIFACTS, DIST, launch, openMore, readOverlayInPage, waitForVerdict } from './browser.mjs';
import { grantLocalSite, optionsPage, serviceApi, startProxy, startService, stopService, teamState } from './team-service.mjs';
import { SEARCH_URL, STORE_MEMBER, STORE_OFFERLIST_URL, searchRoute } from './search-pages.mjs';

const OFFER_ID = '833454967766';
const MEMBER_ID = 'b2b-22175540303633d894'; // its seller (internal/page/testdata/real/offer-833454967766.init-data.json)
const OFFER = `http://detail.1688.com/offer/${OFFER_ID}.html`; // ¥8.80 on the page
const TEAM_PRICES = [24.5, 26, 27.8]; // what the team saw before: median 26
const BLOCK_NOTE = 'no goods after deposit';
// On the search page (e2e/search-pages.mjs): card 5's supplier is on the team's blocked list; card 17's is not.
const CARD_BLOCKED = { offerId: '7400000065', memberId: 'b2b-22000001035f', note: 'fake factory photos' };
const CARD_OTHER = '7400000221';
// A store page on its shop host (e2e/search-pages.mjs): neither its address nor
// its header response names the member; its own module requests do (data={"params":"{\"memberId\":…}"}).
const STORE_NOTE = 'reliable, shipped on time';

let service; // {url, proc, dir}
let proxy; // {url, seen, close}
let fixtures;
let browser;
let page;
let token;
let annaToken; // a teammate's token (labelled "anna"): the service signs entries with the writing token's label

/** A request straight to the service (team-service.mjs serviceApi), with this buyer's token unless told otherwise. */
const api = (method, path, body, headers = {}, tok = token) => serviceApi(service)(method, path, body, headers, tok);

async function sw() { return browser.worker(); }
async function getLocal(keys) { return (await sw()).evaluate((k) => chrome.storage.local.get(k), keys); }
async function setLocal(items) { await (await sw()).evaluate((i) => chrome.storage.local.set(i), items); }
/** The background's sync state after everything queued or in flight has finished. */
const settled = () => teamState(browser, true);

/** The panel's team section (null when absent). */
function readTeam() {
  const root = document.querySelector('[data-trustlens-panel]')?.shadowRoot;
  const sec = root?.querySelector('section[data-team]');
  if (!sec) return null;
  const prices = sec.querySelector('[data-team-prices]');
  return {
    status: sec.getAttribute('data-team'),
    entry: sec.querySelector('[data-team-entry]')?.getAttribute('data-team-entry') ?? null,
    entryText: sec.querySelector('[data-team-entry]')?.textContent ?? '',
    reports: Number(sec.querySelector('[data-team-reports]')?.getAttribute('data-team-reports') ?? NaN),
    prices: prices ? { count: Number(prices.getAttribute('data-team-prices')), lowest: prices.getAttribute('data-lowest'), median: prices.getAttribute('data-median'), text: prices.textContent } : null,
    outcome: sec.querySelector('[data-team-outcome]')?.getAttribute('data-team-outcome') ?? null,
    privacy: root.querySelector('.privacy')?.textContent ?? '',
  };
}

before(async () => {
  service = await startService();
  proxy = await startProxy(service.url);
  // A team and its token (admin endpoint), then what the team already knows.
  const created = await api('POST', '/v1/admin/teams', { name: 'TrustLens e2e team', label: 'e2e-browser' }, { 'X-Admin-Secret': service.secret });
  token = created.token;
  annaToken = (await api('POST', '/v1/admin/tokens', { teamId: created.team.id, label: 'anna' }, { 'X-Admin-Secret': service.secret })).token;
  await api('PUT', `/v1/suppliers/${MEMBER_ID}`, { action: 'block', note: BLOCK_NOTE, rating: 1 }, {}, annaToken);
  for (const [i, min] of TEAM_PRICES.entries()) {
    await api('POST', '/v1/prices', { offerId: OFFER_ID, memberId: MEMBER_ID, min, max: min + 2, currency: 'CNY', seenAt: new Date(Date.UTC(2026, 9, 1 + i)).toISOString() });
  }
  fixtures = await startServer({ route: (host, url, req) => searchRoute(host, url, req.headers.origin) });
  browser = await launch(DIST, fixtures.port);
  await setLocal({ tlTestOpenShadow: true, prefs: { panelOpenByDefault: true } });
  page = await browser.context.newPage();
});

after(async () => {
  await browser?.close();
  await fixtures?.close();
  await proxy?.close();
  stopService(service);
});

test('1. sync off (the default): the offer is judged locally, no team section, nothing reaches the team service', async () => {
  // The first page of a fresh browser waits for a cold core: on a loaded machine the "Checking…"
  // badge is drawn before the reply that opens the shadow roots for tests; the page is loaded again then.
  let o;
  for (let i = 0; i < 3; i++) {
    await page.goto(OFFER);
    o = await waitForVerdict(page, 30_000);
    if (!o.closed) break;
  }
  assert.equal(o.state, 'ready');
  const ids = o.findings.map((f) => f.id);
  assert.ok(!ids.includes('team-reported') && !ids.includes('price-below-history'), `findings: ${ids}`);
  assert.equal(await page.evaluate(readTeam), null, 'no team section while sync is off');
  assert.match(o.panelText, /Nothing is sent anywhere/);
  const st = await settled();
  assert.equal(st.enabled, false);
  assert.equal(st.requests, 0, 'the background sent nothing');
  assert.deepEqual(proxy.seen, [], 'the service received nothing');
});

test('2. options: Save asks for the server origin in the click, keeps the token out of storage.local, Test connection', async () => {
  // The site granted first (headless Chromium cannot answer the prompt); the
  // page's own chrome.permissions.request, made in the click, then resolves.
  await grantLocalSite(browser);

  const opts = await optionsPage(browser);
  assert.equal(await opts.getAttribute('#teamState', 'data-team-state'), 'off');
  assert.equal(await opts.isDisabled('#teamTest'), true, 'nothing to test while off');
  // Bad input never leaves the page.
  await opts.fill('#teamServer', 'http://example.com');
  await opts.fill('#teamToken', token);
  await opts.fill('#teamBy', 'e2e buyer');
  await opts.click('#teamSave');
  assert.match(await opts.textContent('#teamMsg'), /server address/i);
  await opts.fill('#teamServer', proxy.url);
  await opts.fill('#teamToken', 'tlt_short');
  await opts.click('#teamSave');
  assert.match(await opts.textContent('#teamMsg'), /team token/i);
  assert.deepEqual(proxy.seen, []);

  await opts.fill('#teamToken', token);
  await opts.click('#teamSave'); // a real click: the permission request needs the user's gesture
  await opts.waitForFunction(() => document.getElementById('teamMsg').getAttribute('data-kind') === 'ok' && /Connected/.test(document.getElementById('teamMsg').textContent));
  assert.match(await opts.textContent('#teamMsg'), /Connected to team “TrustLens e2e team” \(token “e2e-browser”\)/);
  assert.equal(await opts.getAttribute('#teamState', 'data-team-state'), 'on');
  assert.equal(await opts.inputValue('#teamToken'), '', 'the token is not shown again');
  await opts.locator('#team').screenshot({ path: join(ARTIFACTS, 'team-options.png') });
  await opts.close();

  const w = await sw();
  assert.equal(await w.evaluate((o) => chrome.permissions.contains({ origins: [o] }), 'http://127.0.0.1/*'), true);
  const { teamConfig } = await getLocal('teamConfig');
  assert.deepEqual(teamConfig, { enabled: true, server: proxy.url, by: 'e2e buyer' }, 'the token is not in storage.local (content scripts can read it)');
  assert.deepEqual(await w.evaluate(() => chrome.storage.sync.get(null)), {}, 'nothing in storage.sync');
  // Health, then the token check. (With the host permission a GET is no CORS request: Chrome sends no Origin.)
  assert.deepEqual(proxy.seen.map((r) => `${r.method} ${r.path}`), ['GET /v1/health', 'GET /v1/team']);
  for (const r of proxy.seen) assert.ok([null, `chrome-extension://${browser.extensionId}`].includes(r.origin), r.origin);
  assert.equal(proxy.seen[1].auth, true);
});

test('3. sync on: the supplier on the team\'s blocked list and a price far below the team\'s history make the offer high-risk', async () => {
  const mark = proxy.seen.length;
  // The service does not answer yet: the badge must not wait for it.
  proxy.hold();
  await page.goto(OFFER);
  const first = await waitForVerdict(page);
  assert.equal(first.state, 'ready');
  assert.ok(!first.findings.some((f) => f.id === 'team-reported'), 'the first verdict comes from the (empty) cache');
  for (let i = 0; proxy.held < 1; i++) { assert.ok(i < 500, 'the lookup reaches the service'); await new Promise((r) => setTimeout(r, 20)); }
  assert.equal((await page.evaluate(readOverlayInPage)).state, 'ready', 'shown while the lookup is unanswered');
  proxy.release();
  // The page is checked again when the sync answers.
  await page.waitForFunction(() => {
    const p = document.querySelector('[data-trustlens-panel]')?.shadowRoot;
    return p?.querySelector('[data-finding-id="team-reported"]') && p.querySelector('[data-finding-id="price-below-history"]') && p.querySelector('[data-team-prices="3"]');
  });
  const o = await page.evaluate(readOverlayInPage);
  assert.equal(o.level, 'high-risk');
  assert.match(o.badgeText, /^High risk · /);
  const team = o.findings.find((f) => f.id === 'team-reported');
  assert.equal(team.evidence, `on your team's blocked list: ${BLOCK_NOTE}`);
  const price = o.findings.find((f) => f.id === 'price-below-history');
  assert.match(price.evidence, /¥8\.80 vs the team's median ¥26\.00 of 3 observations \(34%\)/);
  const t = await page.evaluate(readTeam);
  assert.equal(t.entry, 'block');
  assert.match(t.entryText, /blocked list.*anna/s);
  assert.match(t.entryText, new RegExp(BLOCK_NOTE));
  assert.equal(t.reports, 0);
  assert.deepEqual({ count: t.prices.count, lowest: t.prices.lowest, median: t.prices.median }, { count: 3, lowest: '24.5', median: '26' });
  assert.match(t.prices.text, /saw this offer 3 times: lowest ¥24\.50, median ¥26\.00, last seen 2026-10-03/);
  assert.match(t.privacy, /Team sync is on/);

  // What reached the service: one lookup, the offer's history, then today's price (after the history was read).
  const st = await settled();
  assert.equal(st.queued, 0);
  const calls = proxy.seen.slice(mark).map((r) => `${r.method} ${r.path}`);
  assert.deepEqual(calls, ['POST /v1/suppliers/lookup', `GET /v1/prices/${OFFER_ID}?limit=500`, 'POST /v1/prices']);
  for (const r of proxy.seen.slice(mark)) {
    assert.equal(r.auth, true);
    if (r.method === 'POST') assert.equal(r.origin, `chrome-extension://${browser.extensionId}`, 'writes carry the extension origin (the service refuses web pages)');
  }
  const history = await api('GET', `/v1/prices/${OFFER_ID}`);
  assert.equal(history.total, 4);
  const mine = history.observations.find((x) => x.min === 8.8);
  assert.equal(mine.memberId, MEMBER_ID);
  assert.match(mine.idempotencyKey, /^p-[0-9a-f-]{36}$/, 'a random key per observation (keys are per token)');

  // Offline first: the next visit is judged from the cache at once (first verdict) and asks the service nothing new.
  const before = proxy.seen.length;
  await page.goto(OFFER);
  const again = await waitForVerdict(page);
  assert.equal(again.level, 'high-risk');
  assert.ok(again.findings.some((f) => f.id === 'team-reported'));
  await settled();
  assert.equal(proxy.seen.length, before, 'fresh cache, today\'s price already sent: no request');
});

test('4. panel team actions: "Report to my team" sends the findings\' rule ids and evidence; "Trust" replaces the entry', async () => {
  const panel = (sel) => page.locator(`[data-trustlens-panel] ${sel}`);
  await openMore(page);
  await panel('#tl-team-note').fill('asked to pay by WeChat');
  await panel('[data-team-action="report"]').click();
  await panel('button[data-fk="confirm-yes"]').click(); // team actions are confirmed (overlay.js)
  await page.waitForFunction(() => document.querySelector('[data-trustlens-panel]')?.shadowRoot?.querySelector('[data-team-reports="1"]'));
  await settled();
  const { reports } = await api('GET', `/v1/reports?memberId=${MEMBER_ID}`);
  assert.equal(reports.length, 1);
  const r = reports[0];
  assert.equal(r.by, 'e2e-browser', 'signed with the token\'s label');
  assert.equal(r.offerId, OFFER_ID);
  assert.ok(r.ruleIds.includes('price-below-history'), `ruleIds: ${r.ruleIds}`);
  assert.ok(!r.ruleIds.includes('team-reported'), 'the team\'s own finding is not reported back');
  assert.match(r.evidence, /^asked to pay by WeChat\n/);
  assert.match(r.evidence, /price-below-history: .*¥8\.80/);
  assert.match(r.idempotencyKey, /^r-[0-9a-f-]{36}$/);
  // The report shows as a team report (the core's evidence names the latest one).
  await page.waitForFunction(() => [...(document.querySelector('[data-trustlens-panel]')?.shadowRoot?.querySelectorAll('[data-finding-id="team-reported"] .evidence') ?? [])].some((e) => /1 team report; latest .* by e2e-browser/.test(e.textContent)));

  // The service is unavailable, then rate-limits: the entry shows at once (saved here) and is resent until stored.
  const mark = proxy.seen.length;
  proxy.fail.push(503, 429);
  await panel('#tl-team-rating').selectOption('4');
  await panel('[data-team-action="trust"]').click();
  await panel('button[data-fk="confirm-yes"]').click();
  await page.waitForFunction(() => document.querySelector('[data-trustlens-panel]')?.shadowRoot?.querySelector('[data-team-entry="trust"]'));
  await settled();
  assert.deepEqual(proxy.seen.slice(mark).map((r) => `${r.method} ${r.path} ${r.answered ?? 'service'}`),
    [503, 429, 'service'].map((a) => `PUT /v1/suppliers/${MEMBER_ID} ${a}`));
  const entry = await api('GET', `/v1/suppliers/${MEMBER_ID}`);
  assert.deepEqual({ action: entry.entry.action, rating: entry.entry.rating, by: entry.entry.by, version: entry.entry.version }, { action: 'trust', rating: 4, by: 'e2e-browser', version: 2 });
  const o = await page.evaluate(readOverlayInPage);
  assert.ok(!o.findings.some((f) => /blocked list/.test(f.evidence)), 'no longer on the blocked list');
  assert.ok(o.findings.some((f) => f.id === 'team-reported'), 'the report still counts');
  assert.equal((await page.evaluate(readTeam)).outcome, 'ok');
  await page.evaluate(() => document.querySelector('[data-trustlens-panel]').shadowRoot.querySelector('section[data-team]').scrollIntoView());
  await page.screenshot({ path: join(ARTIFACTS, 'team-panel.png') });
});

test('4b. search and store pages: a card whose supplier the team blocked shows the team mark and is dimmed, another card is not', async () => {
  await api('PUT', `/v1/suppliers/${CARD_BLOCKED.memberId}`, { action: 'block', note: CARD_BLOCKED.note, rating: 1 }, {}, annaToken);
  const mark = proxy.seen.length;
  await page.goto(SEARCH_URL);
  // The cards' suppliers are looked up in batches; the page is checked again when the answer arrives.
  await page.waitForFunction((id) => {
    const card = [...document.querySelectorAll('a.search-offer-wrapper')].find((a) => a.getAttribute('href').includes(`/offer/${id}.html`));
    return card?.querySelector(':scope > trustlens-card')?.shadowRoot?.querySelector('.cb')?.getAttribute('data-team') === 'team-blocked';
  }, CARD_BLOCKED.offerId, { timeout: 30_000 });
  const cards = await page.evaluate(() => [...document.querySelectorAll('a.search-offer-wrapper')].map((card) => {
    const host = card.querySelector(':scope > trustlens-card');
    return {
      offerId: (/offer\/(\d+)\.html/.exec(card.getAttribute('href')) ?? [])[1],
      level: host?.shadowRoot?.querySelector('.cb')?.getAttribute('data-level') ?? null,
      team: host?.shadowRoot?.querySelector('.cb')?.getAttribute('data-team') ?? null,
      text: host?.shadowRoot?.querySelector('.cb')?.textContent ?? '',
      label: host?.shadowRoot?.querySelector('.cb')?.getAttribute('aria-label') ?? '',
      tip: host?.shadowRoot?.querySelector('.tip')?.textContent ?? '',
      dimmed: Boolean(host?.shadowRoot?.querySelector('.veil:not([hidden])')),
      childOpacity: [...card.children].filter((c) => c !== host).map((c) => getComputedStyle(c).opacity),
    };
  }));
  const blocked = cards.find((c) => c.offerId === CARD_BLOCKED.offerId);
  assert.match(blocked.text, /⊘ Team: blocked$/);
  assert.equal(blocked.dimmed, true);
  assert.ok(blocked.childOpacity.every((o) => o === '1'), `the page's own elements are left alone: ${blocked.childOpacity}`);
  assert.match(blocked.tip, new RegExp(CARD_BLOCKED.note));
  assert.match(blocked.label, new RegExp(`Team: blocked: ${CARD_BLOCKED.note}`));
  const other = cards.find((c) => c.offerId === CARD_OTHER);
  assert.ok(other.level, 'the other card is annotated');
  assert.equal(other.team, null);
  assert.equal(other.dimmed, false);
  assert.doesNotMatch(other.text, /Team:/);
  assert.deepEqual(cards.filter((c) => c.dimmed).map((c) => c.offerId), [CARD_BLOCKED.offerId], 'only the team-blocked card is dimmed');
  // One batched lookup carried the cards' member ids.
  const st = await settled();
  const lookups = proxy.seen.slice(mark).filter((r) => r.path === '/v1/suppliers/lookup');
  assert.ok(lookups.length >= 1, 'a batched lookup');
  assert.equal(st.queued, 0);

  await settled();
});

test('4c. store page on its shop host: the member id comes from the store\'s own module requests and the panel shows the team\'s entry', async () => {
  await api('PUT', `/v1/suppliers/${STORE_MEMBER}`, { action: 'trust', note: STORE_NOTE, rating: 5 }, {}, annaToken);
  const mark = proxy.seen.length;
  await page.goto(STORE_OFFERLIST_URL);
  // The team section needs verdict.supplier.memberId; the lookup's answer checks the page again.
  await page.waitForFunction(() => document.querySelector('[data-trustlens-panel]')?.shadowRoot?.querySelector('section[data-team] [data-team-entry="trust"]'), null, { timeout: 30_000 });
  const t = await page.evaluate(readTeam);
  assert.equal(t.entry, 'trust');
  assert.match(t.entryText, /anna/);
  assert.match(t.entryText, new RegExp(STORE_NOTE));
  assert.match(t.privacy, /Team sync is on/);
  assert.equal((await page.evaluate(readOverlayInPage)).state, 'ready');
  await settled();
  assert.ok(proxy.seen.slice(mark).some((r) => r.method === 'POST' && r.path === '/v1/suppliers/lookup'), 'the store\'s member was looked up');
});

test('5. turning sync off forgets the token and the team data; afterwards nothing reaches the service', async () => {
  const opts = await optionsPage(browser);
  await opts.click('#teamOff');
  await opts.waitForFunction(() => document.getElementById('teamState').getAttribute('data-team-state') === 'off');
  assert.match(await opts.textContent('#teamMsg'), /forgotten/);
  await opts.close();
  const all = await getLocal(null);
  assert.deepEqual(Object.keys(all).filter((k) => k.startsWith('team') || k.startsWith('tm:') || k.startsWith('tp:')), []);
  assert.equal(await (await sw()).evaluate((o) => chrome.permissions.contains({ origins: [o] }), 'http://127.0.0.1/*'), false, 'the origin is given back');

  const mark = proxy.seen.length;
  const requests = (await settled()).requests;
  await page.goto(OFFER);
  const o = await waitForVerdict(page);
  assert.ok(!o.findings.some((f) => f.id === 'team-reported' || f.id === 'price-below-history'), `findings: ${o.findings.map((f) => f.id)}`);
  assert.equal(await page.evaluate(readTeam), null);
  const st = await settled();
  assert.equal(st.enabled, false);
  assert.equal(st.requests, requests, 'the background sent nothing more');
  assert.equal(proxy.seen.length, mark, 'the service received nothing more');
});
