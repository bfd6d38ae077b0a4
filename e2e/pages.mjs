// Fixture pages for the end-to-end suite, built at test time from the real
// 1688 captures (internal/page/testdata/real/, see its SOURCES.md). Each page
// carries its model inline exactly as real pages do (`window.__INIT_DATA=...`
// for G2, the shipped `window.context=(function(b,d){...})(...)` script for G3)
// and, where relevant, a page script that fetches the shopcard the way the
// page's own mtop library does (JSONP with a window.mtopjsonpN callback, or
// fetch/XHR), served by e2e/server.mjs. The surrounding markup copies the real
// title / store-name layout that extension/selectors.js targets.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const REAL_DIRS = [join(here, '..', 'internal', 'page', 'testdata', 'real'), join(here, 'fixtures')];

/** Reads a real capture: the core's testdata first, e2e/fixtures/ as a fallback copy. */
export function readReal(name) {
  for (const dir of REAL_DIRS) {
    const p = join(dir, name);
    if (existsSync(p)) return readFileSync(p, 'utf8');
  }
  throw new Error(`real fixture ${name} not found in ${REAL_DIRS.join(' or ')}; the real captures are kept in internal/page/testdata/real/`);
}

export const XSS = '<img src=x onerror=alert(1)>';
export const CSP_NONCE = 'XYZ';
export const CSP = `default-src 'self'; script-src 'self' 'nonce-${CSP_NONCE}'`;
export const SHOPCARD_API = 'mtop.1688.moga.pc.shopcard';
export const MODULE_API = 'mtop.alibaba.alisite.cbu.server.moduleasyncservice';

// Real stores of the store-page fixtures (internal/page/testdata/real/SOURCES.md).
export const CCGAME = { memberId: 'b2b-1634230375', company: '深圳橙色之城科技有限公司', host: 'ccgame.1688.com' };
export const LINGCHEN = { memberId: 'b2b-406915100661872', company: '广州领宸科技有限公司' };

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// JSON inside <script>: only "</" could end the element early; "<\/" is the same JSON string.
const scriptJSON = (v) => JSON.stringify(v).replace(/<\//g, '<\\/');

/** A shopcard body shaped like the real one (docs §3b; shopcard-927875250705.doc-excerpt.json). */
export function shopcard({ shopName, tpYear }) {
  const real = JSON.parse(readReal('shopcard-927875250705.doc-excerpt.json'));
  const body = { api: SHOPCARD_API, v: '1.0', ret: ['SUCCESS::调用成功'], data: structuredClone(real.data) };
  // The excerpt is another store's card: keep its shape and stats, drop its store type.
  delete body.data.model.shopType;
  delete body.data.model.iconType;
  body.data.model.shopName = shopName;
  body.data.model.tpYear = tpYear;
  return body;
}

export function g2Model(file, edit) {
  const m = JSON.parse(readReal(file));
  edit?.(m);
  return m;
}
const component = (m, type) => Object.values(m.data).find((c) => c.componentType === type);

/** Model A (real, 597090034012) as another seller's offer: member id, company and offer id replaced everywhere. */
function g2ModelAs({ memberId, company, offerId }) {
  const text = readReal('offer-597090034012.init-data.json')
    .replaceAll('b2b-29266662898cf9d', memberId)
    .replaceAll('广州欧博化妆品有限公司', company);
  const m = JSON.parse(text);
  m.globalData.tempModel.offerId = offerId;
  return m;
}

// The page's own mtop call (what lib-mtop does), in one of three transports.
function shopcardScript({ offerId, memberId, transport, delayMs = 0 }) {
  const data = JSON.stringify({ offerId: String(offerId), sellerMemberId: memberId });
  const common = `var base = 'http://h5api.m.1688.com/h5/${SHOPCARD_API}/1.0/?jsv=2.7.2&appKey=12574478&t=' + Date.now() + '&sign=0&api=${SHOPCARD_API}&v=1.0' + '${delayMs ? `&delay=${delayMs}` : ''}';
  var data = encodeURIComponent(${JSON.stringify(data)});
  function show(resp) {
    var m = resp && resp.data && resp.data.model;
    if (!m) return;
    document.getElementById('tp-year').textContent = m.tpYear + '年';
    window.__shopcardShown = (window.__shopcardShown || 0) + 1;
  }`;
  if (transport === 'jsonp') {
    return `${common}
  window.mtopjsonp3 = function (resp) { show(resp); };
  var s = document.createElement('script');
  s.src = base + '&type=jsonp&dataType=jsonp&callback=mtopjsonp3&data=' + data;
  document.head.appendChild(s);`;
  }
  if (transport === 'fetch') {
    return `${common}
  fetch(base + '&type=originaljson&dataType=json&data=' + data).then(function (r) { return r.json(); }).then(show);`;
  }
  if (transport === 'xhr') {
    return `${common}
  var x = new XMLHttpRequest();
  x.open('GET', base + '&type=originaljson&dataType=json&data=' + data);
  x.onload = function () { show(JSON.parse(x.responseText)); };
  x.send();`;
  }
  throw new Error(`unknown transport ${transport}`);
}

function html({ title, head = [], body, nonce }) {
  const n = nonce ? ` nonce="${nonce}"` : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
${head.map((s) => `<script${n}>${s}</script>`).join('\n')}
</head><body>
<div id="site-topbar" style="height:36px;background:#ff4000;color:#fff;font:14px sans-serif;padding:0 12px;line-height:36px">阿里巴巴1688 · 登录 · 购物车</div>
${body}
</body></html>`;
}

// G2 PC layout (title in .title-content .title-first-column .title-text, company name below).
// extra: more page scripts (after the model and the shopcard call) and markup (after the layout).
export function g2Page({ model, shop, nonce, extra = { head: [], body: '' } }) {
  const t = model.globalData.tempModel;
  const body = `<div class="od-pc-layout" style="font:14px sans-serif;padding:12px">
  <div class="od-pc-offer-title-contain"><div class="title-content"><div class="title-first-column"><div class="title-text" style="font-size:20px;font-weight:bold">${esc(t.offerTitle)}</div></div></div></div>
  <div class="company-name" style="margin-top:8px">${esc(t.companyName)} · 入驻<span id="tp-year">?</span></div>
  <button id="buy" type="button">立即订购</button>
</div>${extra.body}`;
  const head = [`window.__INIT_DATA=${scriptJSON(model)}`];
  if (shop) head.push(`(function () {\n  ${shopcardScript({ offerId: t.offerId, memberId: t.sellerMemberId, ...shop })}\n})();`);
  head.push(...extra.head);
  return html({ title: `${t.offerTitle} - 阿里巴巴`, head, body, nonce });
}

// Shopcards served by the fake mtop gateway, by offerId in the request's data param.
export const shopcards = new Map();

/** Every fixture page: path on detail.1688.com -> {html, headers, expect}. */
export function buildPages() {
  const pages = new Map();
  const A = 'offer-597090034012.init-data.json';
  const B = 'offer-833454967766.init-data.json';

  // (a) real G2 model 597090034012 + JSONP shopcard with tpYear 11
  {
    const model = g2Model(A);
    shopcards.set('597090034012', shopcard({ shopName: model.globalData.tempModel.companyName, tpYear: 11 }));
    pages.set('/offer/597090034012.html', { html: g2Page({ model, shop: { transport: 'jsonp' } }) });
  }
  // (b) real G2 model 833454967766 + shopcard via fetch (tpYear 3)
  {
    const model = g2Model(B);
    shopcards.set('833454967766', shopcard({ shopName: model.globalData.tempModel.companyName, tpYear: 3 }));
    pages.set('/offer/833454967766.html', { html: g2Page({ model, shop: { transport: 'fetch' } }) });
  }
  // (c) real G3 page script of offer 943009939489, G3 layout
  {
    const script = readReal('offer-943009939489.g3-context.js.txt');
    const body = `<div id="shopNavigation" style="font:14px sans-serif;padding:12px"><div class="winport-title v-flex"><a class="shop-company-name v-flex" href="#"><h1 style="font-size:16px">店铺公司占位有限公司</h1></a></div></div>
<div id="productTitle" style="font:14px sans-serif;padding:12px"><div class="title-content"><h1 style="font-size:20px">跨境中大型犬边牧拉布拉多柴犬四脚衣冲锋衣防水防风狗狗衣服雨衣</h1></div></div>`;
    pages.set('/offer/943009939489.html', {
      // The real script is inert JS text; it is embedded exactly as shipped.
      html: html({ title: '跨境中大型犬边牧拉布拉多柴犬四脚衣冲锋衣防水防风狗狗衣服雨衣 - 阿里巴巴', head: [script], body }),
    });
  }
  // (d) risky: model B with an attribute asking for WeChat payment, shopcard tpYear 1 (JSONP)
  {
    const model = g2Model(B, (m) => {
      m.globalData.tempModel.offerId = 900000000001;
      component(m, '@ali/tdmod-od-pc-attribute-new').data.push(
        { fid: 999001, name: '付款方式', value: '加微信转账', values: ['加微信转账'], isSpecial: false, outputType: 0, lectotype: false });
    });
    shopcards.set('900000000001', shopcard({ shopName: model.globalData.tempModel.companyName, tpYear: 1 }));
    pages.set('/offer/900000000001.html', { html: g2Page({ model, shop: { transport: 'jsonp' } }) });
  }
  // (e) hostile company name, in the model and in the shopcard (JSONP)
  {
    const model = g2Model(A, (m) => {
      m.globalData.tempModel.offerId = 900000000002;
      m.globalData.tempModel.companyName = XSS;
    });
    shopcards.set('900000000002', shopcard({ shopName: XSS, tpYear: 4 }));
    pages.set('/offer/900000000002.html', { html: g2Page({ model, shop: { transport: 'jsonp' } }) });
  }
  // (f) no model at all (e.g. a login wall or a changed page)
  pages.set('/offer/900000000003.html', {
    html: html({
      title: '阿里巴巴1688.com',
      head: ['window.__GLOBAL_DADA={"isLogin":false};'],
      body: '<div style="font:14px sans-serif;padding:12px"><p>请登录后查看</p></div>',
    }),
  });
  // (g) model A under a strict page CSP: no 'wasm-unsafe-eval', no inline style, nonce'd scripts
  {
    const model = g2Model(A, (m) => { m.globalData.tempModel.offerId = 900000000004; });
    pages.set('/offer/900000000004.html', {
      html: g2Page({ model, nonce: CSP_NONCE }).replace(/ style="[^"]*"/g, ''),
      headers: { 'Content-Security-Policy': CSP },
    });
  }
  // (h) model A whose shopcard (XHR) arrives ~500 ms after load
  {
    const model = g2Model(A, (m) => { m.globalData.tempModel.offerId = 900000000005; });
    shopcards.set('900000000005', shopcard({ shopName: model.globalData.tempModel.companyName, tpYear: 7 }));
    pages.set('/offer/900000000005.html', { html: g2Page({ model, shop: { transport: 'xhr', delayMs: 500 } }) });
  }
  // (i) seller 406915100661872 (the store of the winport fixture) on an offer page without a shopcard
  {
    const model = g2ModelAs({ ...LINGCHEN, offerId: 900000000006 });
    pages.set('/offer/900000000006.html', { html: g2Page({ model }) });
  }
  // (j) another member with the same company name, no shopcard: must not get 406915100661872's facts
  {
    const model = g2ModelAs({ memberId: 'b2b-999999999999999999', company: LINGCHEN.company, offerId: 900000000007 });
    pages.set('/offer/900000000007.html', { html: g2Page({ model }) });
  }
  // (k) a 1-year store (JSONP shopcard tpYear 1) with no other warning: for the planned-order advice
  {
    const model = g2ModelAs({ memberId: 'b2b-3000000000000c0de', company: '东莞市新店示例有限公司', offerId: 900000000008 });
    shopcards.set('900000000008', shopcard({ shopName: model.globalData.tempModel.companyName, tpYear: 1 }));
    pages.set('/offer/900000000008.html', { html: g2Page({ model, shop: { transport: 'jsonp' } }) });
  }
  // (l) the offer page of card 5 of the search fixtures (internal/page/testdata/search/dom-cards-60.json):
  // its supplier, blocked from this page's panel, is then blocked on the search cards. Composed from model A.
  {
    const model = g2ModelAs({ memberId: 'b2b-22000001035f', company: '深圳市第5电子科技有限公司', offerId: 7400000065 });
    shopcards.set('7400000065', shopcard({ shopName: model.globalData.tempModel.companyName, tpYear: 6 }));
    pages.set('/offer/7400000065.html', { html: g2Page({ model, shop: { transport: 'jsonp' } }) });
  }
  // (m) 1688's security check instead of the offer: the real anti-bot page body
  // (testdata/samples/punish-security-check.html: Alibaba.com's, the family 1688
  // serves, <!--rgv587_flag:sm--> and a punish link) served as HTTP 200 at an offer address.
  pages.set('/offer/900000000009.html', { html: readFileSync(join(here, '..', 'testdata', 'samples', 'punish-security-check.html'), 'utf8') });
  return pages;
}

// ---- store pages --------------------------------------------------------------
//
// Served on their real hosts (e2e/server.mjs maps every *.1688.com host here).
// Markup: the winport header as the G3 offer page carries it
// (#shopNavigation .winport-title a.shop-company-name h1, extension/selectors.js)
// followed by the page's real visible text.

/** The real page texts of store 1634230375 (page_type -> {url, title, text}). */
function ccgameTexts() {
  const raw = JSON.parse(readReal('company-b2b-1634230375.page-texts.json'));
  return Object.fromEntries(raw.pages.map((p) => [p.page_type, p]));
}

/** Splits a real store page text into the header (name … "联系方式" nav) and the rest. */
function splitHeader(text, company) {
  const nav = '联系方式';
  const end = text.indexOf(nav) + nav.length;
  const header = text.slice(0, end).replace(company, '').trim();
  return { header, main: text.slice(end).trim() };
}

function storeBody({ company, header, main }) {
  return `<div id="shopNavigation" style="font:14px sans-serif;padding:12px;border-bottom:1px solid #ddd"><div class="winport-title v-flex"><a class="shop-company-name v-flex" href="#"><h1 style="font-size:18px;display:inline">${esc(company)}</h1></a></div>
<div class="winport-info">${esc(header)}</div></div>
<div class="main" style="font:14px sans-serif;padding:12px">${esc(main)}</div>`;
}

// Renders the same markup from a page script some time after load, as the
// client-rendered store pages do (the text arrives after DOMContentLoaded).
function clientRender({ company, header, main, delayMs }) {
  const data = scriptJSON({ company, header, main });
  return `(function () {
  var d = ${data};
  function el(tag, attrs, text) { var n = document.createElement(tag); for (var k in attrs) n.setAttribute(k, attrs[k]); if (text != null) n.textContent = text; return n; }
  document.addEventListener('DOMContentLoaded', function () {
    setTimeout(function () {
      var nav = el('div', { id: 'shopNavigation' });
      var title = el('div', { 'class': 'winport-title v-flex' });
      var a = el('a', { 'class': 'shop-company-name v-flex', href: '#' });
      a.appendChild(el('h1', {}, d.company));
      title.appendChild(a);
      nav.appendChild(title);
      nav.appendChild(el('div', { 'class': 'winport-info' }, d.header));
      var app = document.getElementById('app');
      app.appendChild(nav);
      app.appendChild(el('div', { 'class': 'main' }, d.main));
      window.__rendered = true;
    }, ${delayMs});
  });
})();`;
}

// The store's own mtop calls (what the winport page's lib-mtop does): the
// header module by JSONP, the licence (basic info) module by fetch; the header
// is then rendered into the page.
/**
 * In-page JS (a fixture page's own script) defining el() and shopHeaderNav(h, year): the PC shop
 * header as 1688 renders it from the wp_pc_common_header module's data h (company name, years, category).
 */
export const SHOP_HEADER_JS = `
  function el(tag, attrs, text) { var n = document.createElement(tag); for (var k in attrs) n.setAttribute(k, attrs[k]); if (text != null) n.textContent = text; return n; }
  function shopHeaderNav(h, year) {
    var nav = el('div', { id: 'shopNavigation' });
    var title = el('div', { 'class': 'winport-title v-flex' });
    var a = el('a', { 'class': 'shop-company-name v-flex', href: '#' });
    a.appendChild(el('h1', {}, h.companyName));
    title.appendChild(a);
    nav.appendChild(title);
    nav.appendChild(el('div', { 'class': 'winport-info' }, '入驻' + year + ' 主营类目: ' + h.mainCate));
    return nav;
  }`;

function moduleScript({ memberId }) {
  const params = (componentKey) => encodeURIComponent(JSON.stringify({ componentKey, params: JSON.stringify({ memberId }) }));
  return `(function () {
  var base = 'http://h5api.m.1688.com/h5/${MODULE_API}/1.0/?jsv=2.7.2&appKey=12574478&t=' + Date.now() + '&sign=0&api=${MODULE_API}&v=1.0';
${SHOP_HEADER_JS}
  window.mtopjsonp4 = function (resp) {
    var h = resp && resp.data && resp.data.data;
    if (!h) return;
    var show = function () {
      document.getElementById('app').appendChild(shopHeaderNav(h, h.tpYear));
      window.__headerShown = true;
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show); else show();
  };
  var s = document.createElement('script');
  s.src = base + '&type=jsonp&dataType=jsonp&callback=mtopjsonp4&data=${params('wp_pc_common_header')}';
  document.head.appendChild(s);
  fetch(base + '&type=originaljson&dataType=json&data=${params('wp_pc_shop_basic_info')}').then(function (r) { return r.json(); }).then(function (b) { window.__licenceLoaded = Boolean(b && b.data); });
})();`;
}

// Module responses served by the fake mtop gateway: `${memberId} ${componentKey}` -> body.
export const moduleBodies = new Map();

/** Every store fixture page: host + path -> {html, headers}. */
export function buildStorePages() {
  const pages = new Map();
  const cc = ccgameTexts();

  // Credit profile (公司档案) of 1634230375, real text, rendered ~150 ms after DOMContentLoaded.
  {
    const p = cc.credit_detail;
    const { header, main } = splitHeader(p.text, CCGAME.company);
    pages.set(`${CCGAME.host}/page/creditdetail.html`, {
      html: html({ title: p.title, head: [clientRender({ company: CCGAME.company, header, main, delayMs: 150 })], body: '<div id="app"></div>' }),
    });
  }
  // Contact page (联系方式) of 1634230375, real text ("地址：暂无"), server-rendered.
  {
    const p = cc.contact_info;
    const { header, main } = splitHeader(p.text, CCGAME.company);
    pages.set(`${CCGAME.host}/page/contactinfo.html`, { html: html({ title: p.title, body: storeBody({ company: CCGAME.company, header, main }) }) });
  }
  // Mobile shop home of 406915100661872 (memberId in the address): real header
  // module (JSONP) and real licence module (fetch JSON) from the mtop gateway.
  {
    const headerJsonp = readReal('company-b2b-406915100661872.wp_pc_common_header.moduleasyncservice.jsonp');
    const header = JSON.parse(headerJsonp.slice(headerJsonp.indexOf('(') + 1, headerJsonp.lastIndexOf(')')));
    const licence = JSON.parse(readReal('company-b2b-406915100661872.businessinfo.moduleasyncservice.json'));
    moduleBodies.set(`${LINGCHEN.memberId} wp_pc_common_header`, header);
    moduleBodies.set(`${LINGCHEN.memberId} wp_pc_shop_basic_info`, licence);
    pages.set('winport.m.1688.com/page/index.html', {
      html: html({ title: LINGCHEN.company, head: [moduleScript({ memberId: LINGCHEN.memberId })], body: '<div id="app"></div>' }),
    });
  }
  return pages;
}
