// Review fixtures for e2e/reviews.test.mjs: offer pages around the real G2
// model of offer 833454967766 (internal/page/testdata/real/) that render their
// own review list, and the mtop gateway answering the review APIs with a
// generated review set (internal/reviews Generate + EncodeCaptures, through
// `go run ./e2e/gen-reviews <scenario>`). The review data is composed: no real
// queryItemRatedListV2 body exists (docs/reviews.md §2); the list markup is a
// GUESS too (extension/selectors.js, reviewList/reviewItem).
//
// Two kinds of page:
//   jsonp  the page fetches queryDsrRateDataV2 and then the list pages by JSONP
//          (window.mtopjsonpN + <script>, as lib-mtop does), 20 reviews per
//          shown page (two API pages of 10); "下一页"/"上一页" load and
//          re-render the list, patching the item elements in place; the
//          "商品详情" / "商品评价" tabs remove and re-create the whole review
//          module, which fetches its current page again.
//   dom    no review request at all: the items are in the HTML with data
//          attributes (data-review-id …); "下一页" re-renders from inline data.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ROOT } from './browser.mjs';
import { readReal } from './pages.mjs';

export const LIST_API = 'mtop.1688.trade.service.MtopRateService.queryItemRatedListV2';
export const DSR_API = 'mtop.1688.trade.service.MtopRateService.queryDsrRateDataV2';
export const PER_PAGE = 20; // reviews per shown page
const API_PAGE = 10; // rows per queryItemRatedListV2 response (documented pageSize)

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const scriptJSON = (v) => JSON.stringify(v).replace(/</g, '\\u003c');
const unwrap = (jsonp) => JSON.parse(jsonp.slice(jsonp.indexOf('(') + 1, jsonp.lastIndexOf(')')));

/**
 * A generated review set: {scenario, dsr (body object), apiPages: [{page, body}]
 * in list order, rows (every list row, newest first), planted (ids), truth}.
 */
export async function generateReviews(scenario) {
  const { stdout } = await promisify(execFile)('go', ['run', './e2e/gen-reviews', scenario, String(API_PAGE)], { cwd: ROOT, maxBuffer: 64 << 20 });
  const out = JSON.parse(stdout);
  const set = { scenario, dsr: null, apiPages: [], rows: [], planted: out.planted, truth: out.truth };
  for (const c of out.captures) {
    const body = unwrap(c.body);
    if (c.url.includes(DSR_API)) { set.dsr = body; continue; }
    const data = JSON.parse(new URL(c.url).searchParams.get('data'));
    const m = body.data.model;
    const rows = Array.isArray(m) ? m : m.commentList;
    set.apiPages.push({ page: data.page, body });
    set.rows.push(...rows);
  }
  return set;
}

/** CST date and time as the list shows it: "2026-11-16 10:06". */
export function shownDate(ms) {
  const d = new Date(ms + 8 * 3600e3);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

function g2Model(offerId) {
  const m = JSON.parse(readReal('offer-833454967766.init-data.json'));
  m.globalData.tempModel.offerId = offerId;
  return m;
}

function pageHtml({ model, module, script }) {
  const t = model.globalData.tempModel;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(t.offerTitle)} - 阿里巴巴</title>
<script>window.__INIT_DATA=${scriptJSON(model)}</script>
<style>
.evaluate-list { list-style: none; margin: 0; padding: 0; }
.evaluate-item { border-bottom: 1px solid #eee; padding: 8px 0; }
.evaluate-user { color: #666; font-size: 12px; }
.evaluate-date { margin-left: 12px; }
.evaluate-sku { color: #999; font-size: 12px; }
</style>
</head><body>
<div id="site-topbar" style="height:36px;background:#ff4000;color:#fff;font:14px sans-serif;padding:0 12px;line-height:36px">阿里巴巴1688 · 登录 · 购物车</div>
<div class="od-pc-layout" style="font:14px sans-serif;padding:12px">
  <div class="od-pc-offer-title-contain"><div class="title-content"><div class="title-first-column"><div class="title-text" style="font-size:20px;font-weight:bold">${esc(t.offerTitle)}</div></div></div></div>
  <div class="company-name" style="margin-top:8px">${esc(t.companyName)}</div>
  <div class="od-pc-offer-tab" role="tablist" style="margin-top:12px">
    <button type="button" id="tab-detail" role="tab">商品详情</button>
    <button type="button" id="tab-reviews" role="tab" aria-selected="true">商品评价</button>
  </div>
  <div id="tab-body">${module}</div>
  <div id="detail" hidden>商品详情内容</div>
</div>
<script>${script}</script>
</body></html>`;
}

// The page's review UI (plain DOM calls, as a framework would leave it).
const renderLib = `
  function el(tag, attrs, text) { var n = document.createElement(tag); for (var k in attrs) n.setAttribute(k, attrs[k]); if (text != null) n.textContent = text; return n; }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function shown(ms) { var d = new Date(ms + 8 * 3600e3); return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + ' ' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()); }
  function stars(n) { var s = ''; for (var i = 0; i < 5; i++) s += i < n ? '★' : '☆'; return s; }
  function textNode(n) { for (var c = n.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) return c; return n.appendChild(document.createTextNode('')); }
  // Fills an item element with a row. An item already built is patched in
  // place, text node by text node (as a virtual-DOM re-render of an unkeyed
  // list does): whatever else sits in it stays.
  function fill(li, r) {
    var content = li.querySelector('.evaluate-content');
    if (content) {
      textNode(li.querySelector('.user-nick')).data = r.raterUserNick;
      textNode(li.querySelector('.evaluate-date')).data = shown(r.gmtPublished);
      textNode(li.querySelector('.evaluate-star')).data = stars(r.starLevel);
      textNode(li.querySelector('.evaluate-sku')).data = r.specInfo + ' ';
      textNode(li.querySelector('.evaluate-quantity')).data = r.quantity + '件';
      textNode(content).data = '\\n        ' + r.content + '\\n      ';
      return;
    }
    li.textContent = '';
    var user = el('div', { 'class': 'evaluate-user' });
    user.appendChild(el('span', { 'class': 'user-nick' }, r.raterUserNick));
    user.appendChild(el('span', { 'class': 'evaluate-date' }, shown(r.gmtPublished)));
    li.appendChild(user);
    li.appendChild(el('div', { 'class': 'evaluate-star' }, stars(r.starLevel)));
    var sku = el('div', { 'class': 'evaluate-sku' }, r.specInfo + ' ');
    sku.appendChild(el('span', { 'class': 'evaluate-quantity' }, r.quantity + '件'));
    li.appendChild(sku);
    // The text as the page shows it: with the line breaks and indentation of a template.
    li.appendChild(el('div', { 'class': 'evaluate-content' }, '\\n        ' + r.content + '\\n      '));
  }`;

/** The jsonp page: fetches the summary and the list pages like lib-mtop. */
function jsonpPage(offerId, pages) {
  const module = `<div class="od-pc-offer-evaluate" id="evaluate"></div>`;
  const script = `(function () {
  ${renderLib}
  var offerId = ${JSON.stringify(String(offerId))};
  var pages = ${pages}; // shown pages
  var seq = 2;
  var cache = {}; // shown page -> rows (a page seen once is not fetched again)
  var current = 0;
  var total = null;
  function mtop(api, data, done) {
    var name = 'mtopjsonp' + (++seq);
    window[name] = function (resp) { done(resp); };
    var s = document.createElement('script');
    s.src = 'http://h5api.m.1688.com/h5/' + api.toLowerCase() + '/1.0/?jsv=2.7.2&appKey=12574478&t=' + Date.now() + '&sign=0&api=' + api +
      '&v=1.0&type=jsonp&dataType=jsonp&callback=' + name + '&data=' + encodeURIComponent(JSON.stringify(data));
    s.onload = function () { s.parentNode && s.parentNode.removeChild(s); };
    document.head.appendChild(s);
  }
  function rowsOf(resp) { var m = resp && resp.data && resp.data.model; return !m ? [] : Array.isArray(m) ? m : (m.commentList || []); }
  function module() {
    var mod = document.getElementById('evaluate');
    if (!mod) return null;
    if (!mod.firstChild) {
      var tabs = el('div', { 'class': 'evaluate-tabs' });
      tabs.appendChild(el('span', { 'class': 'evaluate-total' }, '全部评价 (' + (total == null ? '…' : total) + ')'));
      mod.appendChild(tabs);
      mod.appendChild(el('ul', { 'class': 'evaluate-list' }));
      var pager = el('div', { 'class': 'evaluate-pager' });
      var prev = el('button', { type: 'button', 'class': 'prev' }, '上一页');
      var next = el('button', { type: 'button', 'class': 'next' }, '下一页');
      prev.addEventListener('click', function () { go(current - 1); });
      next.addEventListener('click', function () { go(current + 1); });
      pager.appendChild(prev);
      pager.appendChild(el('span', { 'class': 'page-num' }));
      pager.appendChild(next);
      mod.appendChild(pager);
    }
    return mod;
  }
  function render() {
    var mod = module();
    if (!mod) return;
    var rows = cache[current] || [];
    var list = mod.querySelector('.evaluate-list');
    while (list.children.length > rows.length) list.removeChild(list.lastChild);
    for (var i = 0; i < rows.length; i++) {
      var li = list.children[i] || list.appendChild(el('li', { 'class': 'evaluate-item' }));
      fill(li, rows[i]);
    }
    mod.querySelector('.page-num').textContent = (current + 1) + '/' + pages;
    mod.querySelector('.prev').disabled = current === 0;
    mod.querySelector('.next').disabled = current >= pages - 1;
    mod.setAttribute('data-page', String(current));
    window.__reviewRenders = (window.__reviewRenders || 0) + 1;
  }
  function go(k) {
    if (k < 0 || k >= pages) return;
    current = k;
    if (cache[k]) { render(); return; }
    // Two API pages of 10 per shown page, at the odd upstream indexes (docs 1688-pages.md §4 quirk).
    var got = [];
    var left = 2;
    [0, 1].forEach(function (j) {
      mtop(${JSON.stringify(LIST_API)}, { page: 2 * (2 * k + j) + 1, pageSize: ${API_PAGE}, tagType: 'common', tagName: '全部', scene: 'item', itemId: offerId, loginId: 'seller' }, function (resp) {
        got[j] = rowsOf(resp);
        if (--left === 0) { cache[k] = got[0].concat(got[1]); if (current === k) render(); }
      });
    });
  }
  function showTab(reviews) {
    document.getElementById('detail').hidden = reviews;
    var body = document.getElementById('tab-body');
    var mod = document.getElementById('evaluate');
    if (!reviews && mod) body.removeChild(mod); // the module is unmounted, as a tab switch does
    // Mounted again: the module asks for its current page anew (the same response a second time).
    if (reviews && !mod) { body.appendChild(el('div', { 'class': 'od-pc-offer-evaluate', id: 'evaluate' })); delete cache[current]; render(); go(current); }
  }
  document.getElementById('tab-detail').addEventListener('click', function () { showTab(false); });
  document.getElementById('tab-reviews').addEventListener('click', function () { showTab(true); });
  mtop(${JSON.stringify(DSR_API)}, { offerId: offerId, loginId: 'seller', scene: 'item', site: null }, function (resp) {
    var tags = (resp && resp.data && resp.data.model && resp.data.model.commonTagNodeList) || [];
    tags.forEach(function (t) { if (t.name === '全部') total = t.count; });
    var t = document.querySelector('.evaluate-total');
    if (t) t.textContent = '全部评价 (' + total + ')';
  });
  document.addEventListener('DOMContentLoaded', function () { go(0); });
})();`;
  return pageHtml({ model: g2Model(offerId), module, script });
}

/** The dom page: shown pages of rows in the HTML and in inline data, no review request. */
function domPage(offerId, shownPages) {
  const item = (r) => `<li class="evaluate-item" data-review-id="${esc(r.id)}" data-review-nick="${esc(r.raterUserNick)}" data-review-date="${esc(shownDate(r.gmtPublished))}" data-review-stars="${r.starLevel}">
      <div class="evaluate-user"><span class="user-nick">${esc(r.raterUserNick)}</span><span class="evaluate-date">${esc(shownDate(r.gmtPublished))}</span></div>
      <div class="evaluate-sku">${esc(r.specInfo)} <span class="evaluate-quantity">${r.quantity}件</span></div>
      <div class="evaluate-content" data-review-text>${esc(r.content)}</div>
    </li>`;
  const module = `<div class="od-pc-offer-evaluate" id="evaluate" data-page="0"><ul class="evaluate-list" data-review-list>
    ${shownPages[0].map(item).join('\n    ')}
  </ul><div class="evaluate-pager"><button type="button" class="next">下一页</button></div></div>`;
  const script = `(function () {
  ${renderLib}
  var pages = ${scriptJSON(shownPages)};
  var current = 0;
  document.querySelector('#evaluate .next').addEventListener('click', function () {
    if (current >= pages.length - 1) return;
    current++;
    var list = document.querySelector('#evaluate .evaluate-list');
    list.textContent = '';
    pages[current].forEach(function (r) {
      var li = el('li', { 'class': 'evaluate-item', 'data-review-id': r.id, 'data-review-nick': r.raterUserNick, 'data-review-date': shown(r.gmtPublished), 'data-review-stars': String(r.starLevel) });
      fill(li, r);
      li.querySelector('.evaluate-content').setAttribute('data-review-text', '');
      list.appendChild(li);
    });
    document.getElementById('evaluate').setAttribute('data-page', String(current));
  });
})();`;
  return pageHtml({ model: g2Model(offerId), module, script });
}

/**
 * The review site: add offers, then pass `route` to startServer. Offers:
 *   addJsonp(offerId, set)          the jsonp page and its review API answers
 *   addDom(offerId, shownPages)     the dom page (shownPages: arrays of list rows)
 */
export function createReviewSite() {
  const pages = new Map(); // path -> html
  const sets = new Map(); // offerId -> set
  const requests = []; // review API calls the gateway answered: {api, page}
  return {
    requests,
    addJsonp(offerId, set) {
      sets.set(String(offerId), set);
      pages.set(`/offer/${offerId}.html`, jsonpPage(offerId, Math.ceil(set.rows.length / PER_PAGE)));
    },
    addDom(offerId, shownPages) {
      pages.set(`/offer/${offerId}.html`, domPage(offerId, shownPages));
    },
    route(host, url) {
      if (host === 'detail.1688.com') {
        const html = pages.get(url.pathname);
        return html ? { type: 'text/html; charset=utf-8', body: html } : null;
      }
      if (host !== 'h5api.m.1688.com') return null;
      const api = [LIST_API, DSR_API].find((a) => url.pathname === `/h5/${a.toLowerCase()}/1.0/`);
      if (!api) return null;
      let body = null;
      try {
        const data = JSON.parse(url.searchParams.get('data') ?? '{}');
        const set = sets.get(String(data.itemId ?? data.offerId));
        if (set && api === DSR_API) body = set.dsr;
        // A page past the end: an empty list, as an empty review page would be.
        if (set && api === LIST_API) body = set.apiPages.find((p) => p.page === data.page)?.body ?? { api, v: '1.0', ret: ['SUCCESS::调用成功'], data: { model: [] } };
        requests.push({ api, page: data.page ?? null });
      } catch { /* bad data: the failure below */ }
      body ??= { api, v: '1.0', ret: ['FAIL_SYS_ILLEGAL_ACCESS::非法请求'], data: {} };
      const cb = url.searchParams.get('callback');
      if (!cb || !/^[A-Za-z_$][\w$]*$/.test(cb)) return { status: 400, type: 'text/plain', body: 'callback required' };
      return { type: 'application/javascript; charset=utf-8', body: `${cb}(${JSON.stringify(body)})` };
    },
  };
}

/** Ids of a stored verdict's suspicious review flags. */
export const suspiciousIds = (v) => new Set(v.reviews.flags.filter((f) => f.suspicious).map((f) => f.id));

/** Which items of shown page k (rows of the set) the verdict flags: 1 flagged, 0 not. */
export function expectedFlags(rows, k, ids) {
  return rows.slice(k * PER_PAGE, (k + 1) * PER_PAGE).map((r) => (ids.has(r.id) ? 1 : 0));
}

export const shownPages = (set) => Math.ceil(set.rows.length / PER_PAGE);
/** Responses the page receives when the buyer opens every shown page: the summary and two list pages each. */
export const captureCount = (set) => 1 + 2 * shownPages(set);
