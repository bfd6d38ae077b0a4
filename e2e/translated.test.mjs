// End-to-end: pages the browser translated. Chrome's page translation marks
// the root <html class="translated-ltr"> (lang of the target language) and
// replaces every text run by its translation wrapped in
// <font style="vertical-align: inherit;"> twice, the title too; inline scripts
// and the data responses stay Chinese. The shape follows the real capture of
// offer 983002962097 translated to Turkish (public repository
// tilbehome/tedarikapp, e2e/fixtures/1688/detay-tr-alitrading.html; excerpt
// in testdata/samples/offer-983002962097-translated-tr.html). Headless
// Chromium has no translate service, so the fixture pages get a page script
// (TRANSLATOR below) that does what Chrome's translation does to the DOM,
// before and after the page renders, with Turkish words from that capture.
// Pages: the real G2 model of offer 597090034012 with its shopcard (data in
// the model and a response), the real header and licence modules of store
// 406915100661872 (data in responses), and the real visible text of store
// 1634230375's credit page (data only in the page text).
// Run: bash scripts/build.sh && node --test e2e/translated.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { buildPages, buildStorePages, CCGAME, LINGCHEN } from './pages.mjs';
import { DIST, launch, waitForVerdict } from './browser.mjs';

// Words of the real Turkish capture where it translates the same Chinese;
// every other run of Chinese becomes a Turkish-looking placeholder. Digits
// stay as Chrome leaves them ("入驻2年" -> "Taşındığımdan beri 2 yıl geçti.").
const TRANSLATOR = `(function () {
  var html = document.documentElement;
  html.lang = 'tr';
  html.classList.add('translated-ltr');
  var words = [[/入驻\\s*(\\d+)\\s*年/g, 'Taşındığımdan beri $1 yıl geçti.'], [/店铺回头率/g, 'Mağaza iade oranı'],
    [/店铺服务分/g, 'Mağaza hizmet puanı'], [/有限公司/g, ' Teknoloji A.Ş.'], [/[\\u3400-\\u9fff\\uff00-\\uffef]+/g, 'çeviri']];
  function tr(t) { for (var i = 0; i < words.length; i++) t = t.replace(words[i][0], words[i][1]); return t; }
  function wrap(text) {
    var outer = document.createElement('font'); outer.setAttribute('dir', 'auto'); outer.setAttribute('style', 'vertical-align: inherit;');
    var inner = outer.cloneNode(false); inner.textContent = tr(text); outer.appendChild(inner); return outer;
  }
  function ours(n) { for (; n; n = n.parentElement) if (n.hasAttribute && (n.hasAttribute('data-trustlens-host') || n.hasAttribute('data-trustlens-panel') || n.hasAttribute('data-trustlens-ui'))) return true; return false; }
  function walk(root) {
    var w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), todo = [];
    for (var n = w.nextNode(); n; n = w.nextNode()) {
      var p = n.parentElement;
      if (!p || /^(SCRIPT|STYLE|FONT|TEMPLATE)$/.test(p.tagName) || ours(p) || !/[\\u3400-\\u9fff]/.test(n.data)) continue;
      todo.push(n);
    }
    todo.forEach(function (n) { n.parentNode.replaceChild(wrap(n.data), n); });
  }
  function all() { if (/[\\u3400-\\u9fff]/.test(document.title)) document.title = tr(document.title); if (document.body) walk(document.body); }
  new MutationObserver(all).observe(html, { childList: true, subtree: true, characterData: true });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', all); else all();
})();`;

/** The page as Chrome leaves it translated: the translator first in <head>. */
const translated = (page) => page.replace('<head>', `<head><script>${TRANSLATOR}</script>`);

let server;
let browser;
let page;

before(async () => {
  const offers = buildPages();
  const stores = buildStorePages();
  // "?tl=tr" serves the translated twin of a fixture page; the page's own requests are unchanged.
  server = await startServer({
    route: (host, url) => {
      if (url.searchParams.get('tl') !== 'tr') return null;
      const p = host === 'detail.1688.com' ? offers.get(url.pathname) : stores.get(`${host}${url.pathname}`);
      return p ? { type: 'text/html; charset=utf-8', body: translated(p.html) } : null;
    },
  });
  browser = await launch(DIST, server.port);
  // Open shadow roots and an open panel, so the test reads the overlay (as e2e/store.test.mjs).
  await (await browser.worker()).evaluate(() => chrome.storage.local.set({ tlTestOpenShadow: true, prefs: { panelOpenByDefault: true } }));
  // The worker drops its cached flags on storage.onChanged, which arrives after set() resolves.
  await new Promise((r) => setTimeout(r, 500));
  page = await browser.context.newPage();
  // One page first, so that the core's cold start (compiling the wasm) is not timed by a test.
  await page.goto(`http://${CCGAME.host}/page/contactinfo.html`);
  await waitForVerdict(page, 60_000);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The verdict the overlay shows once the page has settled (the last analysis). */
async function settled(url, wantBadge) {
  await page.goto(url);
  await page.waitForFunction((t) => {
    const h = document.querySelector('[data-trustlens-host]');
    return h && h.shadowRoot?.querySelector('.badge')?.getAttribute('data-state') !== 'loading' && h.shadowRoot?.querySelector('.badge .text')?.textContent.includes(t);
  }, wantBadge, { timeout: 15_000 });
  return waitForVerdict(page);
}
const ids = (o) => o.findings.map((f) => f.id).sort().join(',');

test('translated store home (header and licence modules): the same verdict as untranslated', async () => {
  const url = `http://winport.m.1688.com/page/index.html?memberId=${LINGCHEN.memberId}`;
  const zh = await settled(url, '· 8 yrs');
  const tr = await settled(`${url}&tl=tr`, '· 8 yrs');
  assert.ok(await page.evaluate(() => document.querySelectorAll('font[style*="vertical-align"]').length > 0), 'the rendered header was translated');
  assert.equal(tr.level, zh.level);
  assert.equal(tr.score, zh.score);
  assert.equal(tr.badgeText, zh.badgeText);
  assert.equal(ids(tr), ids(zh));
  assert.equal(tr.company, LINGCHEN.company);
});

test('translated store credit page (data only in the page text): unknown, not misread, and said so', async () => {
  const url = `http://${CCGAME.host}/page/creditdetail.html`;
  const zh = await settled(url, '· 11 yrs');
  assert.equal(zh.company, CCGAME.company);
  const tr = await settled(`${url}?tl=tr`, 'Unknown');
  assert.ok(await page.evaluate(() => document.body.textContent.includes('Taşındığımdan beri 11 yıl geçti.')), 'the years were translated');
  assert.equal(tr.level, 'unknown');
  assert.ok(!tr.score, `no score: ${tr.score}`);
  assert.doesNotMatch(tr.badgeText, /yrs?\b/, 'no store age from translated text');
  assert.ok(!ids(tr).includes('store-age'), `no store-age finding: ${ids(tr)}`);
  assert.doesNotMatch(tr.company ?? '', /A\.Ş\.|çeviri/, 'no translated company name');
  assert.match(tr.panelText, /your browser translated this page/);
  assert.match(tr.panelText, /turn the translation off/);
});

test('translation after the first check (as Chrome does it): the text read before it still counts', async () => {
  const url = `http://${CCGAME.host}/page/creditdetail.html`;
  const zh = await settled(url, '· 11 yrs');
  const analyses = zh.analyses;
  await page.evaluate(TRANSLATOR);
  assert.ok(await page.evaluate(() => document.body.textContent.includes('Taşındığımdan beri 11 yıl geçti.')), 'the years were translated');
  // The translated text differs in length: the store page is checked again.
  await page.waitForFunction((n) => Number(document.querySelector('[data-trustlens-host]').getAttribute('data-analyses')) > n, analyses, { timeout: 15_000 });
  const tr = await waitForVerdict(page);
  assert.equal(tr.badgeText, zh.badgeText);
  assert.equal(tr.level, zh.level);
  assert.equal(ids(tr), ids(zh));
  assert.equal(tr.company, CCGAME.company);
});

test('translated offer page (model + shopcard response): the same verdict as untranslated, the company in Chinese', async () => {
  const url = 'http://detail.1688.com/offer/597090034012.html';
  const zh = await settled(url, '· 11 yrs');
  const tr = await settled(`${url}?tl=tr`, '· 11 yrs');
  assert.equal(await page.evaluate(() => document.documentElement.className), 'translated-ltr');
  assert.ok(await page.evaluate(() => document.querySelectorAll('font[style*="vertical-align"]').length > 0), 'the page text was translated');
  assert.equal(tr.level, zh.level);
  assert.equal(tr.score, zh.score);
  assert.equal(tr.badgeText, zh.badgeText);
  assert.equal(ids(tr), ids(zh));
  assert.equal(tr.company, '广州欧博化妆品有限公司', 'the model\'s name, not the translation');
  assert.match(tr.panelText, /your browser translated this page/);
});
