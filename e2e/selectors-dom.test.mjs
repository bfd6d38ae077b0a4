// Selector groups of extension/selectors.js against saved DOMs of each page
// kind: how many elements each group finds there. A layout change on our side
// (a fixture) or a selector edit that stops finding what it found shows here.
// Pages: the real rendered G3 offer excerpt (testdata/dom, REAL-EXCERPT, see
// its header comment) and the composed e2e pages of each kind (e2e/pages.mjs,
// e2e/search-pages.mjs) rendered in Chromium without the extension.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, CHROMIUM } from './browser.mjs';
import { bundle } from './modules.mjs';
import { startServer } from './server.mjs';
import { searchRoute, SEARCH_URL, COMPANY_URL, STORE_OFFERLIST_URL } from './search-pages.mjs';
import { CCGAME } from './pages.mjs';

const SELECTORS = bundle(['selectors.js'], 'trustlensSelectors');
const REAL_G3 = readFileSync(join(ROOT, 'testdata', 'dom', 'offer-983002962097.g3-rendered-shopnav-and-reviews.excerpt.html'), 'utf8');

// page -> {group: elements ext.queryAll(group) finds (every selector of the
// group together; ext.query takes the first match)}; groups not named must find
// none. storeHeading finds 2 on winport headers: the link and its h1.
const EXPECT = {
  'real G3 offer 983002962097 (excerpt)': {
    url: null,
    counts: { storeName: 1, storeHeading: 2, storeHeader: 1, reviewText: 4, reviewStars: 15, reviewSpec: 1, reviewImages: 1 },
  },
  'G2 offer 597090034012 (composed around the real model)': {
    url: 'http://detail.1688.com/offer/597090034012.html',
    counts: { offerTitle: 1, storeName: 1, cardTitle: 1, cardCompany: 1, reviewText: 1 }, // card groups: search.js does not run here
  },
  'G3 offer 943009939489 (composed around the real context script)': {
    url: 'http://detail.1688.com/offer/943009939489.html',
    counts: { offerTitle: 1, storeName: 1, storeHeading: 2, storeHeader: 1, reviewText: 1 },
  },
  'store credit page 1634230375 (real text, composed markup)': {
    url: `http://${CCGAME.host}/page/creditdetail.html`,
    counts: { storeName: 1, storeHeading: 2, storeHeader: 1 },
  },
  'offer search, 60 cards (composed)': {
    url: SEARCH_URL,
    ready: 'document.querySelectorAll(\'a[href*="detail.1688.com/offer/"]\').length >= 60', // cards arrive in pages of 20
    counts: { storeName: 60, storeOfferLinks: 60, cardOfferLinks: 60, cardContainer: 60, cardTitle: 60, cardPrice: 60, cardCompany: 60, cardYears: 52, cardTags: 67, cardMoq: 60 },
  },
  'supplier search (composed)': {
    url: COMPANY_URL,
    counts: { storeName: 30, companyCard: 30, cardCompany: 30, cardYears: 24, cardTags: 48 },
  },
  'store offer list (composed)': {
    url: STORE_OFFERLIST_URL,
    counts: { storeName: 1, storeHeading: 2, storeHeader: 1, storeOfferLinks: 30, cardOfferLinks: 30, cardContainer: 30, cardPrice: 30 },
  },
};

let server;
let browser;

before(async () => {
  server = await startServer({ route: (host, url, req) => searchRoute(host, url, req.headers.origin) });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--host-resolver-rules=MAP *.1688.com 127.0.0.1:${server.port}`],
  });
});
after(async () => { await browser?.close(); await server?.close(); });

/** {group: count} for every selector group on the page's current DOM. */
async function countGroups(page) {
  await page.addScriptTag({ content: SELECTORS });
  return page.evaluate(() => Object.fromEntries(Object.keys(globalThis.trustlensSelectors.selectors)
    .map((g) => [g, globalThis.trustlensSelectors.queryAll(g).length])));
}

test('selector groups find the expected number of elements on each page kind', async () => {
  const table = [];
  const failures = [];
  for (const [name, { url, counts, ready }] of Object.entries(EXPECT)) {
    const page = await browser.newPage();
    try {
      if (url) {
        await page.goto(url, { waitUntil: 'domcontentloaded' });
        if (ready) await page.waitForFunction(ready);
        await page.waitForTimeout(300); // client-rendered store pages draw ~150 ms after DOMContentLoaded
      } else {
        await page.setContent(REAL_G3, { waitUntil: 'domcontentloaded' });
      }
      const got = await countGroups(page);
      const found = Object.fromEntries(Object.entries(got).filter(([, n]) => n > 0));
      table.push(`${name}: ${JSON.stringify(found)}`);
      const want = Object.fromEntries(Object.keys(got).map((g) => [g, counts[g] ?? 0]));
      for (const g of Object.keys(counts)) if (!(g in got)) failures.push(`${name}: no selector group ${g}`);
      try { assert.deepEqual(got, want); } catch { failures.push(`${name}: found ${JSON.stringify(found)}, want ${JSON.stringify(counts)}`); }
    } finally {
      await page.close();
    }
  }
  console.log(table.join('\n'));
  assert.deepEqual(failures, []);
});
