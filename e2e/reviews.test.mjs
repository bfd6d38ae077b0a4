// End-to-end: reviews on offer pages (extension/review-flags.js,
// review-panel.js). Fixture pages around the real G2 model of offer
// 833454967766 render their own review list and fetch generated review sets
// (go run ./e2e/gen-reviews) by JSONP like lib-mtop (e2e/review-pages.mjs).
// Checks: captured review pages accumulate; flags sit on exactly the items the
// verdict flags, follow paging and tab switches, and show their reasons on
// keyboard focus and hover; the panel's "Reviews" section; no flags on a clean
// set; the DOM fallback when no review response is captured; analysis
// sessions (only new responses per message; resent whole after a core restart).
// Run: bash scripts/build.sh && node --test e2e/reviews.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { DIST, launch, waitForVerdict } from './browser.mjs';
import { captureCount, createReviewSite, expectedFlags, generateReviews, PER_PAGE, shownPages, suspiciousIds } from './review-pages.mjs';

const OFFERS = { clusters: '700000000021', clean: '700000000011', dom: '700000000031' };
const URL_OF = (id) => `http://detail.1688.com/offer/${id}.html`;

let server;
let browser;
let page;
const site = createReviewSite();
const sets = {};
let domPages;

async function sw() { return browser.worker(); }

/** The tab's last verdict as the background stored it (the one the page shows). */
async function storedVerdict(url) {
  return (await sw()).evaluate(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u });
    return tab ? (await chrome.storage.session.get(`tab:${tab.id}`))[`tab:${tab.id}`]?.verdict ?? null : null;
  }, url);
}

/** Waits until the stored verdict satisfies pred (the session write follows the reply). */
async function verdictWhere(url, pred, what) {
  for (let i = 0; i < 250; i++) {
    const v = await storedVerdict(url);
    if (v && pred(v)) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail(`stored verdict never showed ${what}`);
}

/** Waits until the badge host says captures = n (the verdict on screen rests on all of them). */
async function waitCaptures(n) {
  await page.waitForFunction((k) => document.querySelector('[data-trustlens-host]')?.getAttribute('data-captures') === String(k), n, { timeout: 15_000 });
}

/** The panel's review section as the page shows it. */
function readReviewSection() {
  const sec = document.querySelector('[data-trustlens-panel]')?.shadowRoot?.querySelector('[data-reviews]');
  if (!sec) return null;
  return {
    total: Number(sec.getAttribute('data-reviews-total')),
    suspicious: Number(sec.getAttribute('data-reviews-suspicious')),
    heading: sec.querySelector('h3')?.textContent ?? '',
    headline: sec.querySelector('.rv-headline')?.textContent ?? '',
    tooFew: sec.querySelector('[data-reviews-too-few-note]')?.textContent ?? null,
    ratings: Object.fromEntries([...sec.querySelectorAll('[data-rating]')].map((li) => [li.getAttribute('data-rating'), li.textContent])),
    groups: [...sec.querySelectorAll('[data-group]')].map((li) => ({ detector: li.getAttribute('data-group'), text: li.textContent })),
  };
}

/** For each rendered review item: how many TrustLens flags it carries. */
function flagsByItem() {
  return [...document.querySelectorAll('#evaluate .evaluate-item')].map((li) => li.querySelectorAll('trustlens-review-flag').length);
}


/** Waits until the rendered list is shown page k and its flags are exactly `expected`. */
async function waitFlags(k, expected) {
  try {
    await page.waitForFunction(({ k, expected }) => {
      const mod = document.getElementById('evaluate');
      if (!mod || mod.getAttribute('data-page') !== String(k)) return false;
      const got = [...mod.querySelectorAll('.evaluate-item')].map((li) => li.querySelectorAll('trustlens-review-flag').length);
      return JSON.stringify(got) === JSON.stringify(expected);
    }, { k, expected }, { timeout: 10_000 });
  } catch (e) {
    const got = await page.evaluate(flagsByItem);
    assert.fail(`page ${k + 1}: flags ${JSON.stringify(got)}, expected ${JSON.stringify(expected)} (${e.message.split('\n')[0]})`);
  }
}

async function clickPager(which, k) {
  await page.click(`#evaluate .${which}`);
  await page.waitForFunction((n) => document.getElementById('evaluate')?.getAttribute('data-page') === String(n), k);
}

/** Clicks next / prev until the list shows page k. */
async function goTo(k) {
  let current = Number(await page.getAttribute('#evaluate', 'data-page'));
  while (current < k) await clickPager('next', ++current);
  while (current > k) await clickPager('prev', --current);
}


/** Pages through the whole list (next, next, …) and waits until the verdict on screen rests on every page; returns it. */
async function pageThrough(set, url) {
  await page.waitForFunction(() => document.getElementById('evaluate')?.getAttribute('data-page') === '0');
  for (let k = 1; k < shownPages(set); k++) await clickPager('next', k);
  await waitCaptures(captureCount(set));
  const total = (await page.evaluate(readReviewSection)).total;
  return verdictWhere(url, (v) => v.reviews?.total === total, `${total} reviews`);
}

before(async () => {
  const [clusters, clean] = await Promise.all([generateReviews('clusters'), generateReviews('clean')]);
  sets.clusters = clusters;
  sets.clean = clean;
  site.addJsonp(OFFERS.clusters, clusters);
  site.addJsonp(OFFERS.clean, clean);
  // DOM-only page: shown page 1 = a planted cluster among ordinary reviews, page 2 = the next 20 ordinary ones.
  const cluster = new Set(clusters.truth.clusters[0]);
  const planted = new Set(clusters.planted);
  const ordinary = clusters.rows.filter((r) => !planted.has(r.id));
  const first = [...ordinary.slice(0, PER_PAGE - cluster.size), ...clusters.rows.filter((r) => cluster.has(r.id))];
  domPages = [first, ordinary.slice(PER_PAGE - cluster.size, 2 * PER_PAGE - cluster.size)];
  site.addDom(OFFERS.dom, domPages);

  server = await startServer({ route: site.route });
  browser = await launch(DIST, server.port);
  await (await sw()).evaluate(() => chrome.storage.local.set({ tlTestOpenShadow: true }));
  page = await browser.context.newPage();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('planted clusters: review pages accumulate as the buyer pages; flags sit on exactly the flagged items; panel "N of M"', async () => {
  const set = sets.clusters;
  await page.goto(URL_OF(OFFERS.clusters));
  await waitForVerdict(page);
  const v = await pageThrough(set, URL_OF(OFFERS.clusters));
  const pages = shownPages(set);
  assert.ok(v.reviews.total >= set.rows.length - 5, `${v.reviews.total} of ${set.rows.length} rows analysed`); // (the set may repeat a row)

  // The core saw every page, found the planted clusters and nothing else.
  const ids = suspiciousIds(v);
  const planted = new Set(set.planted);
  assert.ok(ids.size >= Math.ceil(0.9 * planted.size), `${ids.size} of ${planted.size} planted reviews flagged`);
  for (const id of ids) assert.ok(planted.has(id), `flagged review ${id} was not planted`);
  assert.equal(v.reviews.suspicious, ids.size);
  assert.ok(v.findings.some((f) => f.id === 'review-near-duplicate'), 'the review finding is in the findings');

  // The panel: "N of M reviews look suspicious", the ratings and the groups.
  const sec = await page.evaluate(readReviewSection);
  assert.equal(sec.total, v.reviews.total);
  assert.match(sec.heading, /^Reviews$/, 'an English browser: English only');
  assert.match(sec.headline, new RegExp(`^${ids.size} of ${v.reviews.total} reviews look suspicious`));
  assert.doesNotMatch(sec.headline, /可疑/);
  assert.match(sec.ratings.page, /^Rating shown on the page: \d\.\d \(\d+ reviews\)/);
  assert.match(sec.ratings.adjusted, new RegExp(`^Without the ${ids.size} suspicious and any system-default reviews: \\d\\.\\d|^Without suspicious and system-default reviews: \\d\\.\\d \\(\\d+ reviews\\)`));
  assert.equal(sec.tooFew, null);
  assert.deepEqual(sec.groups.map((g) => g.detector), v.reviews.groups.map((g) => g.detector));
  assert.ok(sec.groups.length >= 3 && sec.groups.every((g) => /Near-identical texts/.test(g.text)), JSON.stringify(sec.groups));
  const panelFindings = await page.evaluate(() => [...document.querySelector('[data-trustlens-panel]').shadowRoot.querySelectorAll('[data-finding-id]')].map((li) => li.getAttribute('data-finding-id')));
  assert.ok(panelFindings.includes('review-near-duplicate'));

  // On every shown page, walking back: flags on exactly the items the verdict flags (matched by nick, date and text).
  let placed = 0;
  for (let k = pages - 1; k >= 0; k--) {
    if (k < pages - 1) await clickPager('prev', k);
    const expected = expectedFlags(set.rows, k, ids);
    await waitFlags(k, expected);
    placed += expected.reduce((a, b) => a + b, 0);
  }
  assert.equal(placed, ids.size, 'every flagged review got its flag on its page');
});

test('flags: reason on keyboard focus and on hover, accessible name and description, Escape hides it', async () => {
  const set = sets.clusters;
  const v = await storedVerdict(URL_OF(OFFERS.clusters));
  const ids = suspiciousIds(v);
  // Still on the clusters page (previous test): go to the first shown page with a flag.
  const k = [...Array(shownPages(set)).keys()].find((p) => expectedFlags(set.rows, p, ids).includes(1));
  await goTo(k);
  await waitFlags(k, expectedFlags(set.rows, k, ids));
  const row = set.rows.slice(k * PER_PAGE).find((r) => ids.has(r.id));
  const flag = v.reviews.flags.find((f) => f.id === row.id);

  // Keyboard: from the "商品评价" tab the next Tab stop is the first flag.
  await page.focus('#tab-reviews');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const host = document.activeElement;
    if (host?.localName !== 'trustlens-review-flag') return { tag: host?.localName ?? null };
    const chip = host.shadowRoot.activeElement;
    const tip = host.shadowRoot.getElementById(chip.getAttribute('aria-describedby'));
    return {
      tag: host.localName,
      role: chip.getAttribute('role'),
      label: chip.getAttribute('aria-label'),
      chipText: chip.textContent,
      tipRole: tip.getAttribute('role'),
      tipShown: getComputedStyle(tip).display !== 'none',
      tipText: tip.textContent,
      itemText: host.closest('.evaluate-item').querySelector('.evaluate-content').textContent.trim(),
    };
  });
  assert.equal(focused.tag, 'trustlens-review-flag');
  assert.equal(focused.role, 'img');
  assert.equal(focused.label, 'Suspicious review');
  assert.equal(focused.chipText, '⚑ Suspicious review');
  assert.equal(focused.tipRole, 'tooltip');
  assert.equal(focused.tipShown, true, 'the reason shows on keyboard focus');
  assert.ok(focused.tipText.includes(flag.reasons[0].en), focused.tipText);
  assert.ok(!focused.tipText.includes(flag.reasons[0].zh), focused.tipText);
  assert.equal(focused.itemText, row.content.trim(), 'the focused flag is on the flagged review');

  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => {
    const chip = document.activeElement.shadowRoot.activeElement;
    return getComputedStyle(chip.nextElementSibling).display;
  }), 'none', 'Escape hides the reason');
  await page.keyboard.press('Shift+Tab'); // leave: the page's own controls work as before
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-reviews');

  // Hover: the reason shows too.
  const host = page.locator('trustlens-review-flag').first();
  await host.hover();
  assert.equal(await host.evaluate((h) => getComputedStyle(h.shadowRoot.querySelector('[role="tooltip"]')).display), 'block');

  // Inert and page-safe: text only, inline at the item's start, outside the page's own text.
  const shape = await host.evaluate((h) => ({
    parent: h.parentElement.className,
    first: h.parentElement.firstChild === h,
    display: getComputedStyle(h).display,
    lightChildren: h.childNodes.length,
    pageText: h.parentElement.textContent.trim(),
    imgs: h.shadowRoot.querySelectorAll('img, script, a, iframe').length,
  }));
  assert.deepEqual({ ...shape, pageText: undefined }, { parent: 'evaluate-content', first: true, display: 'inline-block', lightChildren: 0, pageText: undefined, imgs: 0 });
  assert.equal(shape.pageText, row.content.trim(), "the page's own text is unchanged");
});

test('flags follow the list: paging patches the items in place, a tab switch re-creates the module', async () => {
  const set = sets.clusters;
  const v = await storedVerdict(URL_OF(OFFERS.clusters));
  const ids = suspiciousIds(v);
  const pages = shownPages(set);
  // A page with flags, then its neighbour: flags move with the rendered reviews (the <li> elements are reused).
  const k = [...Array(pages).keys()].find((p) => p + 1 < pages && expectedFlags(set.rows, p, ids).includes(1) &&
    JSON.stringify(expectedFlags(set.rows, p, ids)) !== JSON.stringify(expectedFlags(set.rows, p + 1, ids)));
  await goTo(k);
  await waitFlags(k, expectedFlags(set.rows, k, ids));
  await page.evaluate(() => document.querySelectorAll('#evaluate .evaluate-content').forEach((c, i) => { c.__tlMark = i; }));
  await clickPager('next', k + 1);
  await waitFlags(k + 1, expectedFlags(set.rows, k + 1, ids));
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('#evaluate .evaluate-content')].every((c, i) => c.__tlMark === i)),
    true, 'the page patched its items in place (text nodes), so old flags had to be taken out');
  assert.equal(await page.evaluate(() => document.querySelectorAll('trustlens-review-flag').length), expectedFlags(set.rows, k + 1, ids).reduce((a, b) => a + b, 0), 'no stale flag left anywhere');

  // Tab switch: the review module is unmounted (its flags with it), then mounted anew.
  await page.click('#tab-detail');
  await page.waitForFunction(() => !document.getElementById('evaluate'));
  assert.equal(await page.evaluate(() => document.querySelectorAll('trustlens-review-flag').length), 0);
  const asked = site.requests.length;
  await page.click('#tab-reviews');
  await waitFlags(k + 1, expectedFlags(set.rows, k + 1, ids));
  assert.equal(site.requests.length, asked + 2, 'the re-mounted module fetched its page again');
  await clickPager('prev', k);
  await waitFlags(k, expectedFlags(set.rows, k, ids));
  // A review page received twice is held once (the response cap is not spent on repeats): one
  // more, new response (posted as capture.js posts) makes the count move by exactly one.
  await page.evaluate(() => window.postMessage({ tag: 'trustlens-capture-v1', kind: 'capture', seq: 1e6, url: 'https://h5api.m.1688.com/h5/mtop.test.other/1.0/', body: '{"ret":["SUCCESS::调用成功"],"data":{}}' }, '*'));
  await waitCaptures(captureCount(set) + 1);
});

test('clean set: no flags anywhere, "0 of M" in the panel', async () => {
  const set = sets.clean;
  await page.goto(URL_OF(OFFERS.clean));
  await waitForVerdict(page);
  const v = await pageThrough(set, URL_OF(OFFERS.clean));
  assert.ok(v.reviews.total >= set.rows.length - 5, `${v.reviews.total} of ${set.rows.length} rows analysed`);
  assert.equal(v.reviews.suspicious, 0);
  assert.deepEqual(v.reviews.flags.filter((f) => f.suspicious), []);
  assert.ok(!v.findings.some((f) => /^review/.test(f.id) && f.severity !== 'info'), v.findings.map((f) => f.id).join(' '));
  // Two frames after the verdict is on screen, flags (if any) would be placed.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await page.evaluate(() => document.querySelectorAll('trustlens-review-flag').length), 0);
  const sec = await page.evaluate(readReviewSection);
  assert.equal(sec.total, v.reviews.total);
  assert.match(sec.headline, new RegExp(`^0 of ${v.reviews.total} reviews look suspicious`));
  assert.deepEqual(sec.groups, []);
});

test('analysis sessions: each review page sends only its new responses; a restarted core gets the whole page again, same verdict', async () => {
  const set = sets.clean;
  const url = URL_OF(OFFERS.clean);
  const worker = await sw();
  // Record what each analyze message carried and what came back (the handler itself is unchanged).
  await worker.evaluate(() => {
    globalThis.__tlSeen = [];
    const handle = HANDLERS.analyze.__tlOriginal ?? HANDLERS.analyze;
    HANDLERS.analyze = async (msg, sender) => {
      const reply = await handle(msg, sender);
      globalThis.__tlSeen.push({ from: msg.session?.from ?? null, n: msg.snapshot?.responses?.length ?? 0,
        resend: reply?.resend === true, total: reply?.verdict?.reviews?.total ?? null });
      return reply;
    };
    HANDLERS.analyze.__tlOriginal = handle;
  });
  const seen = () => worker.evaluate(() => globalThis.__tlSeen);
  const pages = shownPages(set);
  const all = captureCount(set);
  try {
    // The buyer opens every shown page but the last.
    await page.goto(url);
    await waitForVerdict(page);
    await page.waitForFunction(() => document.getElementById('evaluate')?.getAttribute('data-page') === '0');
    for (let k = 1; k < pages - 1; k++) await clickPager('next', k);
    await waitCaptures(all - 2);
    const before = await seen();
    assert.ok(before.length >= 2, JSON.stringify(before));
    assert.ok(before.every((m) => m.from !== null && !m.resend), `every message in a session, none resent: ${JSON.stringify(before)}`);
    assert.equal(before[0].from, 0);
    // Each message continues the one before: no response is sent twice (the
    // buyer's quick clicks may put several new pages in one message).
    for (let i = 1; i < before.length; i++) {
      assert.equal(before[i].from, before[i - 1].from + before[i - 1].n, `message ${i} continues the one before: ${JSON.stringify(before)}`);
    }
    const sent = before.reduce((a, m) => a + m.n, 0);
    assert.equal(sent, all - 2, `${sent} responses sent for ${all - 2} captures: ${JSON.stringify(before)}`);

    // The core restarts (a new wasm instance: its sessions are gone). The
    // last page's analysis is answered "resend"; the page sends everything
    // from 0 and the verdict rests on every page.
    await worker.evaluate(() => { globalThis.__tlSeen = []; core = null; });
    await clickPager('next', pages - 1);
    await waitCaptures(all);
    const v = await verdictWhere(url, (x) => x.reviews?.total >= set.rows.length - 5, 'every review after the restart');
    const after = await seen();
    const resent = after.findIndex((m) => m.resend);
    assert.ok(resent >= 0, `the restarted core asked for the whole page: ${JSON.stringify(after)}`);
    const full = after.slice(resent + 1).find((m) => m.from === 0);
    assert.ok(full && full.n === all && full.total === v.reviews.total, `resent from 0 with all ${all} responses: ${JSON.stringify(after)}`);
    assert.equal(v.reviews.suspicious, 0, 'the clean set stays clean');
    assert.equal((await page.evaluate(readReviewSection)).total, v.reviews.total);
  } finally {
    await worker.evaluate(() => { HANDLERS.analyze = HANDLERS.analyze.__tlOriginal; });
  }
});

test('DOM fallback: no review response, the rendered items reach the core (and accumulate); flags by review id', async () => {
  const before = site.requests.length;
  await page.goto(URL_OF(OFFERS.dom));
  let o = await waitForVerdict(page);
  assert.equal(o.captures, '0', 'no response captured');
  await page.waitForFunction((n) => {
    const sec = document.querySelector('[data-trustlens-panel]')?.shadowRoot?.querySelector('[data-reviews]');
    return sec?.getAttribute('data-reviews-total') === String(n);
  }, domPages[0].length);
  let sec = await page.evaluate(readReviewSection);
  assert.equal(sec.total, PER_PAGE);
  assert.match(sec.headline, /^\d+ of 20 reviews look suspicious/);
  assert.equal(site.requests.length, before, 'the page asked the gateway for nothing');

  // The planted cluster among the rendered items: flagged, by the ids in the items' data attributes.
  const v = await verdictWhere(URL_OF(OFFERS.dom), (x) => x.reviews?.total === PER_PAGE, 'the rendered reviews');
  const ids = suspiciousIds(v);
  const cluster = new Set(sets.clusters.truth.clusters[0]);
  assert.ok(ids.size >= 3, `the cluster is flagged: ${[...ids]}`);
  for (const id of ids) assert.ok(cluster.has(id), `${id} is in the planted cluster`);
  await waitFlags(0, domPages[0].map((r) => (ids.has(r.id) ? 1 : 0)));
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('trustlens-review-flag')].map((h) => h.getAttribute('data-flag-id')).sort()), [...ids].sort());

  // The next page re-renders the list: the core gets both pages' items, and the old flags go.
  await page.click('#evaluate .next');
  await page.waitForFunction((n) => {
    const sec = document.querySelector('[data-trustlens-panel]')?.shadowRoot?.querySelector('[data-reviews]');
    return sec?.getAttribute('data-reviews-total') === String(n);
  }, domPages[0].length + domPages[1].length);
  sec = await page.evaluate(readReviewSection);
  assert.equal(sec.total, 2 * PER_PAGE);
  await waitFlags(1, domPages[1].map(() => 0));
  o = await page.evaluate(() => document.querySelector('[data-trustlens-host]').getAttribute('data-captures'));
  assert.equal(o, '0');

  // Production default: the flags' shadow roots are closed too (test hook off).
  await (await sw()).evaluate(() => chrome.storage.local.set({ tlTestOpenShadow: false }));
  try {
    await page.goto(URL_OF(OFFERS.dom));
    await page.waitForFunction((n) => document.querySelectorAll('trustlens-review-flag').length === n, ids.size);
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('trustlens-review-flag')].map((h) => h.shadowRoot)), [...ids].map(() => null));
  } finally {
    await (await sw()).evaluate(() => chrome.storage.local.set({ tlTestOpenShadow: true }));
  }
});
