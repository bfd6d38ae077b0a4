// End-to-end: offer descriptions. The page loads its description itself from
// the detailUrl its model names (https://itemcdn.tmall.com/1688offer/icoss…,
// a script `var offer_details={"content":"…"}`); the extension copies that
// response and the core reads its words. Pages: the real G2 model of offer
// 597090034012 (its offer-description component names
// icoss4165340769b90795afecc86a4b); description bodies: the real body of offer
// 813724060928's description (images only) with composed seller text inserted.
// Hosts: itemcdn.tmall.com is mapped to the fixture server (e2e/browser.mjs).
// Run: bash scripts/build.sh && node --test e2e/description.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { g2Model, g2Page, readReal } from './pages.mjs';
import { ROOT, cliVerdict, launchWithPanelOpen, readOpenPanel, waitForVerdict } from './browser.mjs';

const DESC_PATH = '/1688offer/icoss4165340769b90795afecc86a4b'; // the detailUrl of model 597090034012
const REAL_PATH = '/1688offer/icoss408069340609b43d7bb2518916'; // offer 813724060928's (mobile model), given to page 103
// Composed seller text, the same as in testdata/samples/offer-597090034012-description-wechat.har.
const WORDS = '工厂直销，量大从优。请加VX：tl_test88 详谈，走对公转账或银行卡付款更优惠';
const HAR = join(ROOT, 'testdata', 'samples', 'offer-597090034012-description-wechat.har');

/** The real description body with `html` inserted after its first image (JSON-escaped like the body). */
function descriptionBody(html) {
  const real = readReal('description-813724060928.offer_details.js.txt');
  const anchor = 'usemap=\\"#_sdmap_0\\"/>';
  assert.ok(real.includes(anchor), 'fixture changed: no first image');
  return real.replace(anchor, anchor + JSON.stringify(html).slice(1, -1));
}
const WECHAT_BODY = descriptionBody(`<p style="font-size:18px">${WORDS}</p>`);
const REAL_BODY = readReal('description-813724060928.offer_details.js.txt');

// How the page loads its description: a script element (the global
// offer_details is read on load) or fetch; either way the page renders
// offer_details.content into its description module. The fixture server has
// no TLS: the https detailUrl is requested over http.
function loader(transport, path = DESC_PATH) {
  const common = `var url = 'http://itemcdn.tmall.com${path}';
  function render(d) { document.querySelector('[data-module="od_description"]').innerHTML = d.content; window.__descShown = true; }`;
  if (transport === 'script') {
    return `(function () { ${common}
  var s = document.createElement('script');
  s.src = url;
  s.onload = function () { render(window.offer_details); };
  document.head.appendChild(s); })();`;
  }
  return `(function () { ${common}
  fetch(url).then(function (r) { return r.text(); }).then(function (t) { render(JSON.parse(t.slice(t.indexOf('{'), t.lastIndexOf('}') + 1))); }); })();`;
}

const DESC_MODULE = (inner = '') => `<div id="description" data-module="od_description" style="font:14px sans-serif;padding:12px">${inner}</div>`;

const PAGES = {
  // model 597090034012 as is, JSONP shopcard (tpYear 11), description by script: the CLI's sample page
  '/offer/597090034012.html': () => g2Page({ model: g2Model('offer-597090034012.init-data.json'), shop: { transport: 'jsonp' },
    extra: { head: [loader('script')], body: DESC_MODULE() } }),
  // same model under another offer id, description by fetch
  '/offer/900000000101.html': () => g2Page({ model: g2Model('offer-597090034012.init-data.json', (m) => { m.globalData.tempModel.offerId = 900000000101; }),
    extra: { head: [loader('fetch')], body: DESC_MODULE() } }),
  // no description request: only the rendered description (with an image's alt text)
  '/offer/900000000102.html': () => g2Page({ model: g2Model('offer-597090034012.init-data.json', (m) => { m.globalData.tempModel.offerId = 900000000102; }),
    extra: { head: [], body: DESC_MODULE(`<img src="data:," alt="源头工厂"><p>${WORDS}</p>`) } }),
  // the real description (images only), by script, at the address its model names
  '/offer/900000000103.html': () => g2Page({
    model: g2Model('offer-597090034012.init-data.json', (m) => {
      m.globalData.tempModel.offerId = 900000000103;
      const c = Object.values(m.data).find((x) => x.componentType === '@ali/tdmod-od-pc-offer-description');
      c.data.detailUrl = `https://itemcdn.tmall.com${REAL_PATH}`;
    }),
    extra: { head: [loader('script', REAL_PATH)], body: DESC_MODULE() },
  }),
};

let server;
let browser;
let page;
const served = [];

function route(host, url) {
  if (host === 'detail.1688.com' && PAGES[url.pathname]) return { type: 'text/html; charset=utf-8', body: PAGES[url.pathname]() };
  if (host === 'itemcdn.tmall.com' && (url.pathname === DESC_PATH || url.pathname === REAL_PATH)) {
    served.push(url.pathname);
    return {
      type: 'application/javascript; charset=utf-8',
      body: url.pathname === REAL_PATH ? REAL_BODY : WECHAT_BODY,
      headers: { 'Access-Control-Allow-Origin': '*' },
    };
  }
  return null;
}

before(async () => {
  server = await startServer({ route });
  ({ browser, page } = await launchWithPanelOpen(server.port));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Opens a page and waits for a finished verdict that includes `captures`
 * captured responses and, when given, has `level` (the description can
 * arrive, or be rendered, after the first verdict: the page is checked again).
 */
async function open(path, captures, level) {
  await page.goto(`http://detail.1688.com${path}`);
  const settled = async () => {
    await page.waitForFunction(([n, l]) => {
      const h = document.querySelector('[data-trustlens-host]');
      const badge = h?.shadowRoot?.querySelector('.badge');
      return badge && badge.getAttribute('data-state') !== 'loading' && Number(h.getAttribute('data-captures')) >= n &&
        (!l || badge.getAttribute('data-level') === l);
    }, [captures, level], { timeout: 30_000 }).catch(() => { /* asserted below on what the page shows */ });
    await waitForVerdict(page, 30_000);
  };
  await settled();
  return readOpenPanel(page, settled);
}

const payment = (v) => v.findings.find((f) => f.id === 'payment-off-platform');


test('a description loaded by script asking for WeChat and a bank transfer: high risk, quoted; same verdict as the CLI on the HAR', async () => {
  const v = await open('/offer/597090034012.html', 2, 'high-risk');
  assert.equal(v.level, 'high-risk', JSON.stringify(v.findings));
  const f = payment(v);
  assert.ok(f, 'no payment-off-platform finding');
  assert.match(f.evidence, /^description: "工厂直销，量大从优。请加VX：tl_test88/);

  const cli = await cliVerdict(HAR);
  assert.equal(v.level, cli.level);
  assert.equal(Number(v.score), cli.score);
  assert.deepEqual(v.findings.map((x) => x.id).sort(), cli.findings.map((x) => x.id).sort());
  assert.equal(f.evidence, cli.findings.find((x) => x.id === 'payment-off-platform').evidence);
});

test('a description fetched by the page is read the same way', async () => {
  const v = await open('/offer/900000000101.html', 1, 'high-risk');
  assert.equal(v.level, 'high-risk');
  assert.match(payment(v)?.evidence ?? '', /^description: ".*请加VX：tl_test88/);
});

test('without the description response, the rendered description (text and image alt) is read', async () => {
  const v = await open('/offer/900000000102.html', 0, 'high-risk');
  assert.equal(v.level, 'high-risk');
  assert.match(payment(v)?.evidence ?? '', /^description: "源头工厂 工厂直销/);
});

test('the real description (images only) is read and changes nothing', async () => {
  const v = await open('/offer/900000000103.html', 1);
  assert.ok(served.includes(REAL_PATH), 'the page did not load its description');
  assert.equal(payment(v), undefined);
  assert.notEqual(v.level, 'high-risk');
});
