// End-to-end: the extension gives the CLI's verdict on the sample pages
// added for the 2026 page shapes (testdata/samples/, each described in
// cmd/trustlens/main_test.go). An .html sample is served at its canonical
// address; a .har sample's main document is served at its address and the
// page replays the HAR's data responses through its own channels (JSONP
// with a window.mtopjsonpN callback, as lib-mtop does), so the extension
// captures them as on a real page.
// Run: bash scripts/build.sh && node --test e2e/samples-parity.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { ROOT, cliVerdict, launchWithPanelOpen, readOpenPanel, waitForVerdict } from './browser.mjs';

const SAMPLES = join(ROOT, 'testdata', 'samples');
const http = (u) => u.replace(/^https:/, 'http:');

/** A sample as served: {url (http), html, data: Map(host+path+search -> body), replayed (count)}. */
function loadSample(file) {
  const text = readFileSync(join(SAMPLES, file), 'utf8');
  if (file.endsWith('.html')) {
    const url = /<link rel="canonical" href="([^"]+)"/.exec(text)?.[1];
    assert.ok(url, `${file}: no canonical address`);
    return { url: http(url), html: text, data: new Map(), replayed: 0 };
  }
  const entries = JSON.parse(text).log.entries;
  const doc = entries.find((e) => e.response.content.mimeType.startsWith('text/html'));
  const rest = entries.filter((e) => e !== doc && e.response.content.text);
  const data = new Map();
  const urls = [];
  for (const e of rest) {
    const u = new URL(http(e.request.url));
    data.set(u.host + u.pathname + u.search, e.response.content.text);
    urls.push(u.href);
  }
  const replay = `<script>(function () {
  ${JSON.stringify(urls)}.forEach(function (u) {
    var cb = new URL(u).searchParams.get('callback');
    if (cb) window[cb] = function () {};
    var s = document.createElement('script');
    s.src = u;
    document.head.appendChild(s);
  });
})();</script>`;
  const html = doc.response.content.text.replace(/<head>/i, (h) => h + replay);
  return { url: http(doc.request.url), html, data, replayed: urls.length };
}

const FILES = [
  'offer-833454967766-reviews-2026.har',
  'store-offerlist-trading-factory-claim.html',
  'store-offerlist-trading-factory-claim-module.har',
  'offer-996518024136-g3-auth-company.html',
  'offer-597090034012-notice.har',
  'offer-597090034012-hidden-characters.har',
  'store-licence-1634230375.html', // before the factory card: nothing remembered of this store yet
  'store-factory-card-1634230375.html',
];
const samples = new Map(FILES.map((f) => [f, loadSample(f)]));

// Two samples may share an address (the same real offer with composed
// text): the sample under test is served first.
let current = null;

function route(host, url) {
  for (const s of current ? [current, ...samples.values()] : samples.values()) {
    const u = new URL(s.url);
    if (u.host === host && u.pathname === url.pathname) return { type: 'text/html; charset=utf-8', body: s.html };
    const body = s.data.get(host + url.pathname + url.search);
    if (body != null) return { type: 'application/javascript; charset=utf-8', body };
  }
  return null;
}

let server;
let browser;
let page;

before(async () => {
  server = await startServer({ route });
  ({ browser, page } = await launchWithPanelOpen(server.port));
});

after(async () => {
  await browser?.close();
  await server?.close();
});


/** The extension's verdict once every replayed response is in. */
async function extensionVerdict(s) {
  current = s;
  await page.goto(s.url);
  const settled = async () => {
    await page.waitForFunction((n) => {
      const h = document.querySelector('[data-trustlens-host]');
      return h && h.shadowRoot?.querySelector('.badge')?.getAttribute('data-state') !== 'loading' && Number(h.getAttribute('data-captures')) >= n;
    }, s.replayed, { timeout: 30_000 });
    await page.waitForTimeout(300); // a store page's text check may re-run once
    await waitForVerdict(page, 30_000);
  };
  await settled();
  return readOpenPanel(page, settled);
}

for (const file of FILES) {
  test(`${file}: the extension's verdict is the CLI's`, async () => {
    const s = samples.get(file);
    const [v, cli] = [await extensionVerdict(s), await cliVerdict(join(SAMPLES, file))];
    const ids = (fs) => fs.map((f) => f.id).sort();
    assert.equal(v.level, cli.level, `findings ${ids(v.findings)} vs ${ids(cli.findings)}`);
    assert.equal(v.score == null ? null : Number(v.score), cli.score);
    assert.deepEqual(ids(v.findings), ids(cli.findings));
    if (file.includes('reviews')) {
      const headline = await page.evaluate(() => document.querySelector('[data-trustlens-panel]')?.shadowRoot?.querySelector('.rv-headline')?.textContent ?? '');
      assert.match(headline, /12 automatic default reviews left out/);
      assert.equal(cli.reviews.automatic, 12);
    }
    if (file.includes('factory-claim')) {
      const f = v.findings.find((x) => x.id === 'factory-claim-unverified');
      assert.match(f.evidence, /^store offer title: "源头工厂直销/);
    }
    if (file.includes('996518024136')) assert.ok(!ids(v.findings).includes('licence-mismatch'));
    // The honest notice (请认准1688平台交易，请勿私下交易…) is a warning to buyers.
    if (file.includes('notice')) assert.equal(v.level, 'trusted');
    if (file.includes('hidden-characters')) {
      assert.equal(v.level, 'high-risk');
      const f = v.findings.find((x) => x.id === 'hidden-characters');
      assert.match(f.evidence, /加⟨U\+202E⟩信微⟨U\+202C⟩/);
      const places = cli.findings.find((x) => x.id === 'hidden-characters').places;
      assert.deepEqual(places.map((p) => p.where), ['attribute 售后', 'attribute 付款', 'attribute 联系']);
    }
    if (file.includes('licence')) {
      const facts = await panelFacts();
      assert.equal(facts.creditCode, '91440300062709904R');
      assert.equal(facts.founded, '2013-02-21');
      assert.equal(facts.regCapital, '10万元');
      assert.match(facts.scope, /^一般经营项目:电子产品/);
      assert.equal(facts.check, 'unchecked', 'no store name known but the licence\'s');
    }
    if (file.includes('factory-card')) {
      assert.notEqual(v.level, 'unknown');
      assert.equal(v.stateMsg, null, 'no "could not read this page"');
      assert.ok(ids(v.findings).includes('export-not-supported'));
      assert.match((await panelFacts()).exportSupport, /^no\b/);
    }
  });
}

/** The panel's store sections: {key: shown value, check: the licence check's state}. */
function panelFacts() {
  return page.evaluate(() => {
    const root = document.querySelector('[data-trustlens-panel]')?.shadowRoot;
    const out = {};
    for (const dd of root?.querySelectorAll('[data-fact]') ?? []) out[dd.getAttribute('data-fact')] = dd.textContent;
    out.check = root?.querySelector('[data-licence-check]')?.getAttribute('data-licence-check') ?? null;
    return out;
  });
}

test('the licence page again, after the store\'s factory card: its name is checked against the store\'s', async () => {
  const v = await extensionVerdict(samples.get('store-licence-1634230375.html'));
  assert.ok(!v.findings.some((f) => f.id === 'licence-mismatch'));
  assert.equal((await panelFacts()).check, 'match');
});
