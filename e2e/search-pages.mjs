// Search and list fixture pages for e2e/search.test.mjs, served by
// e2e/server.mjs (searchRoute). The data are the composed search fixtures of
// the core (internal/page/testdata/search/, see its README: not real
// captures), so the extension is tested on exactly what the core's own tests
// pin: 60 offers in three async responses (startIndex 0/20/40) with the
// planted cases (17: ¥2.10 among ~¥6.80 = price-outlier-low), and the
// "cards" DOM fragment those offers render as (dom-cards-60.json: split
// prices "¥ 6 .80", "3年" credit tags, 诚信通 / 深度验商 labels, "≥2件").
//
//   s.1688.com/selloffer/offer_search.htm      the offer search page: fetches
//       the three responses (CORS fetch, as the page's own async loading) and
//       renders 20 cards per response in the 2024-26 card markup
//       (a.search-offer-wrapper, docs 1688-pages.md §3c); a "load more"
//       button (what scrolling does) fetches a fourth response (startIndex 60,
//       composed here from offer-search-20.json) by XHR and appends 20 cards in
//       plain markup (no known class: the tolerant path); "re-render" buttons
//       replace a card element, or drop our badge from a card, as frameworks do
//   search.1688.com/service/marketOfferResultViewService?…&startIndex=N
//       the search data service (JSON, CORS)
//   s.1688.com/company/company_search.htm      the supplier search: 30
//       supplier cards from companySearchBusinessService (company-search.json),
//       rendered without member ids (matched back by company name)
//   shop1416933982155.1688.com/page/offerlist.htm  a store's offer list: the
//       real header module of store 406915100661872 (e2e/pages.mjs) and the
//       composed Wp_pc_common_offerlist module (store-offerlist.jsonp: 30
//       offers, offer 4 at ¥1.50 among ¥5-9.5), both by mtop JSONP
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODULE_API, SHOP_HEADER_JS } from './pages.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const DIR = join(here, '..', 'internal', 'page', 'testdata', 'search');
const read = (name) => readFileSync(join(DIR, name), 'utf8');

export const SEARCH_PATH = '/selloffer/offer_search.htm';
export const SEARCH_URL = `http://s.1688.com${SEARCH_PATH}?keywords=%CA%D6%BB%FA%BF%C7`;
export const SERVICE = '/service/marketOfferResultViewService';
export const COMPANY_PATH = '/company/company_search.htm';
export const COMPANY_URL = `http://s.1688.com${COMPANY_PATH}?keywords=%CA%CE%C6%B7`;
export const COMPANY_SERVICE = '/service/companySearchBusinessService';
export const STORE_HOST = 'shop1416933982155.1688.com';
export const STORE_OFFERLIST_URL = `http://${STORE_HOST}/page/offerlist.htm`;
export const STORE_MEMBER = 'b2b-406915100661872'; // LINGCHEN in e2e/pages.mjs (its real header module)

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const scriptJSON = (v) => JSON.stringify(v).replace(/<\//g, '<\\/');

// Page 2 (cards 60-79): offer-search-20.json and its DOM cards with new offer
// ids, member ids and company numbers (prices and planted cases unchanged:
// 23 is a range, 31 a bulk price; neither is an outlier).
const shiftId = (id) => String(Number(id) + 100000);
const shiftMember = (m) => m.replace(/^b2b-2200/, 'b2b-2300');
const shiftCompany = (c) => c.replace(/第(\d+)/, (_, n) => `第${Number(n) + 40}`);

function page2Response() {
  const r = JSON.parse(read('offer-search-20.json'));
  r.data.data.asyncConfig.startIndex = 60;
  for (const o of r.data.data.offerList) {
    o.id = Number(shiftId(o.id));
    o.information.detailUrl = `https://detail.1688.com/offer/${o.id}.html`;
    o.information.subject = o.information.subject.replace(/款(\d+)/, (_, n) => `款${Number(n) + 40}`);
    o.company.memberId = shiftMember(o.company.memberId);
    o.company.name = shiftCompany(o.company.name);
  }
  return r;
}

/** The offers of the four responses, and the DOM cards (as dom-cards-60.json) by offer id. */
export function searchData() {
  const responses = new Map([0, 20, 40].map((i) => [i, JSON.parse(read(`offer-search-${i}.json`))]));
  responses.set(60, page2Response());
  const dom = new Map();
  const cards60 = JSON.parse(read('dom-cards-60.json'));
  for (const c of cards60) dom.set(c.offerId, c);
  for (const c of cards60.slice(20, 40)) {
    const id = shiftId(c.offerId);
    dom.set(id, { ...c, key: `c${Number(c.key.slice(1)) + 40}`, offerId: id, memberId: shiftMember(c.memberId), company: shiftCompany(c.company) });
  }
  return { responses, dom };
}

// The page's own rendering: what 1688's search front end does with each
// response. Card markup after the 2024-26 scrapers' reading of the real page
// (a.search-offer-wrapper … .offer-title-row .title-text, .offer-price-row
// .price-item with ¥ and the number in separate elements) plus the 2021-22
// tags of docs §3c (.company-name[title], .credit-tag "3年",
// .service-text-tag, .promotion-text-tag, .deal-num). Appended cards use
// plain divs with no class TrustLens knows.
function pageScript({ dom }) {
  const shown = Object.fromEntries([...dom].map(([id, c]) => [id, { price: c.price, years: c.years ?? '', tags: c.tags ?? [], moq: c.moq ?? '' }]));
  return `(function () {
  var shown = ${scriptJSON(shown)};
  var base = 'http://search.1688.com${SERVICE}?keywords=%CA%D6%BB%FA%BF%C7&beginPage=1&pageSize=60&async=true&asyncCount=20&startIndex=';
  function el(tag, attrs, text) { var n = document.createElement(tag); for (var k in attrs) n.setAttribute(k, attrs[k]); if (text != null) n.textContent = text; return n; }
  function strip(s) { return String(s).replace(/<[^>]*>/g, ''); }
  function priceParts(box, text) {
    // "¥ 6 .80": three elements, as the real cards split them
    String(text).split(' ').forEach(function (part, i) { if (i) box.appendChild(document.createTextNode(' ')); box.appendChild(el('span', { 'class': i === 0 ? 'price-units' : i === 1 ? 'text-main' : 'text-decimal' }, part)); });
  }
  function card(o, plain) {
    var s = shown[String(o.id)] || { price: '', years: '', tags: [], moq: '' };
    var href = 'http://detail.1688.com/offer/' + o.id + '.html';
    var title = strip(o.information.subject);
    if (plain) {
      var d = el('div', { 'data-idx': String(o.id) });
      var a = el('a', { href: href, title: title }, title);
      d.appendChild(el('div', {}, null)).appendChild(a);
      var p = el('div', { 'class': 'price' }); priceParts(p, s.price); d.appendChild(p);
      var c = el('div', {}); c.appendChild(el('span', { 'class': 'company-name', title: o.company.name }, o.company.name));
      if (s.years) { c.appendChild(document.createTextNode(' ')); c.appendChild(el('span', { 'class': 'credit-tag' }, s.years)); }
      d.appendChild(c);
      var t = el('div', {}); s.tags.forEach(function (x) { t.appendChild(el('span', { 'class': 'promotion-text-tag' }, x)); }); d.appendChild(t);
      if (s.moq) d.appendChild(el('div', { 'class': 'deal-num' }, s.moq));
      return d;
    }
    var w = el('a', { 'class': 'search-offer-wrapper search-offer-item major-offer', href: href, target: '_blank', 'data-renderkey': '2_60_p4p_' + o.company.memberId + '_' + o.id });
    var tr = el('div', { 'class': 'offer-title-row' }); var tt = el('div', { 'class': 'title-text' }); tt.appendChild(el('div', {}, title)); tr.appendChild(tt); w.appendChild(tr);
    var pr = el('div', { 'class': 'offer-price-row' }); var pi = el('div', { 'class': 'price-item' }); priceParts(pi, s.price); pr.appendChild(pi); w.appendChild(pr);
    var cr = el('div', { 'class': 'company-row' }); cr.appendChild(el('span', { 'class': 'company-name', title: o.company.name }, o.company.name));
    if (s.years) { cr.appendChild(document.createTextNode(' ')); cr.appendChild(el('span', { 'class': 'credit-tag identity-tag' }, s.years)); }
    w.appendChild(cr);
    var tg = el('div', { 'class': 'tag-row' });
    s.tags.forEach(function (x) { tg.appendChild(el('span', { 'class': x === '诚信通' ? 'promotion-text-tag' : 'service-text-tag', title: x }, x)); });
    w.appendChild(tg);
    if (s.moq) w.appendChild(el('div', { 'class': 'deal-num' }, s.moq));
    return w;
  }
  function show(resp, plain) {
    var list = resp && resp.data && resp.data.data && resp.data.data.offerList || [];
    var feed = document.getElementById(plain ? 'more' : 'feeds');
    list.forEach(function (o) { feed.appendChild(card(o, plain)); });
    window.__rendered = (window.__rendered || 0) + list.length;
  }
  var chain = new Promise(function (r) { if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', r); else r(); });
  [0, 20, 40].forEach(function (i) {
    chain = chain.then(function () { return fetch(base + i).then(function (r) { return r.json(); }).then(function (j) { show(j, false); }); })
      .then(function () { return new Promise(function (r) { setTimeout(r, 60); }); });
  });
  document.addEventListener('DOMContentLoaded', function () {
    document.getElementById('load-more').addEventListener('click', function () {
      var x = new XMLHttpRequest();
      x.open('GET', base + '60');
      x.onload = function () { show(JSON.parse(x.responseText), true); };
      x.send();
    });
    // A framework re-render: the card element is replaced by a fresh copy.
    document.getElementById('rerender').addEventListener('click', function () {
      var first = document.querySelector('#feeds > a');
      var copy = first.cloneNode(false);
      Array.prototype.forEach.call(first.childNodes, function (n) { if (n.nodeType !== 1 || n.tagName.indexOf('-') < 0) copy.appendChild(n.cloneNode(true)); });
      first.replaceWith(copy);
      window.__rerendered = copy.getAttribute('href');
    });
    // Another kind: the card keeps its element but its children are rebuilt (our badge goes too).
    document.getElementById('rebuild').addEventListener('click', function () {
      var second = document.querySelectorAll('#feeds > a')[1];
      var kids = Array.prototype.filter.call(second.children, function (n) { return n.tagName.indexOf('-') < 0; });
      second.replaceChildren.apply(second, kids);
      window.__rebuilt = second.getAttribute('href');
    });
  });
})();`;
}

/** The search page HTML. */
export function searchPageHTML() {
  const { dom } = searchData();
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>手机壳_手机壳批发_手机壳供应 - 阿里巴巴</title>
<script>${pageScript({ dom })}</script>
<style>#feeds { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px } #feeds > a { display: block; border: 1px solid #ddd; padding: 6px; color: #333; text-decoration: none } #more > div { border: 1px dashed #ccc; margin: 4px 0; padding: 4px }</style>
</head><body style="font:13px sans-serif;margin:0">
<div style="height:36px;background:#ff4000;color:#fff;line-height:36px;padding:0 12px">阿里巴巴1688 · 搜索 手机壳</div>
<p><button id="load-more" type="button">加载更多</button> <button id="rerender" type="button">rerender</button> <button id="rebuild" type="button">rebuild</button></p>
<div class="feeds-wrapper" id="feeds"></div>
<div id="more"></div>
</body></html>`;
}

// ---- the supplier search ----------------------------------------------------------

function companyPageHTML() {
  const list = JSON.parse(read('company-search.json')).data.data.companyWithOfferLists;
  // What each card shows: name, "N年" when the service knows the years, the badge words of its flags and tags.
  const shown = list.map((e) => {
    const c = e.companyModel;
    const w = e.wrapper;
    const tags = [...(c.memberTags ?? [])];
    if (w.factoryInspection === true) tags.push('深度验厂');
    if (w.businessInspection === true) tags.push('深度验商');
    if (c.factoryTag) tags.push(c.factoryTag);
    return { company: c.company, years: c.tpServiceYear > 0 ? `${c.tpServiceYear}年` : '', tags, city: c.city, offer: w.companyOffers?.[0] };
  });
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>饰品_供应商 - 阿里巴巴</title>
<script>(function () {
  var shown = ${scriptJSON(shown)};
  function el(tag, attrs, text) { var n = document.createElement(tag); for (var k in attrs) n.setAttribute(k, attrs[k]); if (text != null) n.textContent = text; return n; }
  document.addEventListener('DOMContentLoaded', function () {
    fetch('http://search.1688.com${COMPANY_SERVICE}?keywords=%CA%CE%C6%B7&beginPage=1&pageSize=30&pageName=supplier').then(function (r) { return r.json(); }).then(function () {
      var box = document.getElementById('list');
      shown.forEach(function (c) {
        var card = el('div', { 'class': 'company-card' });
        card.appendChild(el('div', { 'class': 'company-name', title: c.company }, c.company));
        var row = el('div', {});
        if (c.years) row.appendChild(el('span', { 'class': 'credit-tag' }, c.years));
        c.tags.forEach(function (t) { row.appendChild(document.createTextNode(' ')); row.appendChild(el('span', { 'class': 'service-text-tag' }, t)); });
        card.appendChild(row);
        card.appendChild(el('div', {}, c.city));
        box.appendChild(card);
      });
      window.__rendered = shown.length;
    });
  });
})();</script>
</head><body style="font:13px sans-serif"><div id="list"></div></body></html>`;
}

// ---- a store's offer list -------------------------------------------------------

function storeOfferListHTML() {
  const params = (componentKey) => encodeURIComponent(JSON.stringify({ componentKey, params: JSON.stringify({ memberId: STORE_MEMBER, appdata: { sortType: 'timedown', pageNum: 1, count: 30 } }) }));
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>广州领宸科技有限公司 - 供应产品</title>
<script>(function () {
  var base = 'http://h5api.m.1688.com/h5/${MODULE_API}/1.0/?jsv=2.7.2&appKey=12574478&t=' + Date.now() + '&sign=0&api=${MODULE_API}&v=1.0&type=jsonp&dataType=jsonp';
${SHOP_HEADER_JS}
  function ready(f) { if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', f); else f(); }
  window.mtopjsonp5 = function (resp) {
    var h = resp && resp.data && resp.data.data;
    if (!h) return;
    ready(function () { document.getElementById('app').prepend(shopHeaderNav(h, h.tpYear + '年')); });
  };
  window.mtopjsonp6 = function (resp) {
    var list = resp && resp.data && resp.data.content && resp.data.content.offerList || [];
    ready(function () {
      var box = el('ul', { 'class': 'offer-list' });
      list.forEach(function (o) {
        var li = el('li', { 'class': 'offer-item' });
        li.appendChild(el('a', { href: 'http://detail.1688.com/offer/' + o.id + '.html', title: o.subject }, o.subject));
        li.appendChild(el('div', { 'class': 'price' }, '¥' + o.offerPrice));
        li.appendChild(el('div', {}, '成交' + o.vagueSaleQuantity + '件'));
        box.appendChild(li);
      });
      document.getElementById('app').appendChild(box);
      window.__rendered = list.length;
    });
  };
  [['wp_pc_common_header', 'mtopjsonp5'], ['Wp_pc_common_offerlist', 'mtopjsonp6']].forEach(function (m) {
    var s = document.createElement('script');
    s.src = base + '&callback=' + m[1] + '&data=' + (m[0] === 'wp_pc_common_header' ? '${params('wp_pc_common_header')}' : '${params('Wp_pc_common_offerlist')}');
    document.head.appendChild(s);
  });
})();</script>
</head><body style="font:13px sans-serif"><div id="app"></div></body></html>`;
}

/** The store offer list module (store-offerlist.jsonp's body). */
function storeOfferList() {
  const t = read('store-offerlist.jsonp');
  return JSON.parse(t.slice(t.indexOf('(') + 1, t.lastIndexOf(')')));
}

/**
 * Routes of the search fixtures: {status, type, body, headers} or null.
 * host: the request's Host (no port); url: its URL; origin: the Origin header.
 */
export function searchRoute(host, url, origin) {
  if (host === 's.1688.com' && url.pathname === SEARCH_PATH) {
    return { status: 200, type: 'text/html; charset=utf-8', body: searchPageHTML() };
  }
  if (host === 's.1688.com' && url.pathname === COMPANY_PATH) {
    return { status: 200, type: 'text/html; charset=utf-8', body: companyPageHTML() };
  }
  if (host === 'search.1688.com' && url.pathname === COMPANY_SERVICE) {
    return {
      status: 200,
      type: 'application/json; charset=utf-8',
      body: read('company-search.json'),
      headers: { 'Access-Control-Allow-Origin': origin ?? '*', 'Access-Control-Allow-Credentials': 'true' },
    };
  }
  if (host === STORE_HOST && url.pathname === '/page/offerlist.htm') {
    return { status: 200, type: 'text/html; charset=utf-8', body: storeOfferListHTML() };
  }
  // The store offer list module; other modules (the header) are answered by e2e/server.mjs.
  if (host === 'h5api.m.1688.com' && url.pathname === `/h5/${MODULE_API}/1.0/`) {
    let key = null;
    try { key = JSON.parse(url.searchParams.get('data') ?? '{}').componentKey; } catch { /* not ours */ }
    const cb = url.searchParams.get('callback');
    if (key === 'Wp_pc_common_offerlist' && cb && /^[A-Za-z_$][\w$]*$/.test(cb)) {
      return { status: 200, type: 'application/javascript; charset=utf-8', body: `${cb}(${JSON.stringify(storeOfferList())})` };
    }
  }
  if (host === 'search.1688.com' && url.pathname === SERVICE) {
    const body = searchData().responses.get(Number(url.searchParams.get('startIndex')));
    if (!body) return { status: 404, type: 'text/plain', body: 'no such page' };
    return {
      status: 200,
      type: 'application/json; charset=utf-8',
      body: JSON.stringify(body),
      headers: { 'Access-Control-Allow-Origin': origin ?? '*', 'Access-Control-Allow-Credentials': 'true' },
    };
  }
  return null;
}
