// Reviews on offer pages (isolated world), besides the captured review
// responses that content.js forwards like any other mtop response:
//  - the DOM fallback: the page's rendered review items as the snapshot's
//    "reviews" fragment (JSON array of {id?, text, stars?, date?, nick?, spec?,
//    quantity?, images?}, internal/page/reviews.go), sent only while no review
//    list response was captured; items seen on earlier list pages are kept,
//    as the captured responses are;
//  - the flags: a small "⚑ Suspicious review · 可疑评价" on each item of the
//    page's own review list that verdict.reviews.flags marks suspicious,
//    matched by review id, else by nick + date + start of the text. Each flag
//    is an inert element in its own shadow root (closed in production), placed
//    inline at the start of the item's text; its reasons show on hover and on
//    keyboard focus. A MutationObserver on the list container re-applies the
//    flags once per animation frame after the page re-renders the list (paging,
//    tab switches); flags whose item is gone or changed are removed.
// Page strings only ever become text nodes (no HTML parsing anywhere).
import { el, sheetStyler } from './dom.js';
import { isTranslated, query, queryAll, reviewIdAttrs } from './selectors.js';
import { reviewText } from './strings.js';

  const LIMITS = {
    items: 500, // the core reads at most 500 DOM reviews (reviews.MaxPerResponse)
    textChars: 2000, // the core keeps 2,000 runes of a review (MaxContentRunes)
    fieldChars: 256,
    fragmentBytes: 256 << 10, // the core's DOM fragment cap (UTF-8 bytes)
    applies: 5000, // re-applications that inserted or removed flags: a page fighting the flags cannot loop forever
    domReruns: 40, // re-analyses asked for because the rendered reviews changed (DOM fallback only)
  };

  // Substrings of the addresses that carry reviews: mirrors reviewAPIs in
  // internal/page/reviews.go (queryDsrRateDataV2, queryItemRatedListV2, old rates.json).
  const REVIEW_APIS = ['rateservice', 'queryitemratedlist', 'querydsrratedata', 'rates.json', 'rate.1688.com'];

  /** True when a captured response's address carries reviews (the core parses it for reviews). */
  export const isReviewURL = (url) => {
    const l = String(url).toLowerCase();
    return REVIEW_APIS.some((a) => l.includes(a));
  };

  // Of those, the ones that carry review rows (not the queryDsrRateDataV2 summary).
  const LIST_APIS = ['queryitemratedlist', 'rates.json'];
  /**
   * True when a review list response was captured that did not fail (a failed
   * mtop call, e.g. FAIL_SYS_USER_VALIDATE after a captcha, is short and says FAIL_).
   */
  function hasListResponse(responses) {
    return responses.some((r) => {
      const l = r.url.toLowerCase();
      return LIST_APIS.some((a) => l.includes(a)) && !(r.body.length < 4096 && r.body.includes('FAIL_'));
    });
  }

  /** True on the pages whose review list we read and flag (offer pages). */
  export const reviewPage = (page) => page?.id === 'offer' || page?.id === 'offer-mobile';

  const squash = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();
  const cut = (s, n) => (s.length > n ? s.slice(0, n) : s);
  const pad = (n) => String(n).padStart(2, '0');

  /**
   * A shown date as YYYY-MM-DD (China time), "MM-DD" when the page shows no
   * year, or '' when none is recognised. Accepts 2026-11-16, 2026/11/16,
   * 2026.11.16, 2026年11月16日 (with or without a time) and epoch milliseconds.
   */
  function normDate(s) {
    const t = squash(s);
    let m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(t);
    if (m) return `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
    if (/^\d{12,13}$/.test(t)) {
      const d = new Date(Number(t) + 8 * 3600e3); // CST, as the core's flag dates
      return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
    }
    m = /(?:^|\D)(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\D|$)/.exec(t);
    return m ? `${pad(m[1])}-${pad(m[2])}` : '';
  }

  function attrOf(el, names) {
    for (const n of names) {
      const v = el.getAttribute(n);
      if (v != null && v.trim() !== '') return v.trim();
    }
    return '';
  }

  // ---- the rendered review list ----------------------------------------------

  /** The review list container, or null. */
  const findContainer = () => query('reviewList');

  /**
   * The review items inside a container: matches of the reviewItem group,
   * without wrappers (a match holding two or more other matches) and without
   * matches nested inside another kept one.
   */
  function findItems(container) {
    if (!container) return [];
    const all = queryAll('reviewItem', container).slice(0, 2 * LIMITS.items);
    if (all.length < 2) return all;
    // Document order: an element's matched descendants follow it directly. A
    // wrapper holds two matches side by side (list items); an item may hold a
    // chain of nested matches (its own parts) and is kept.
    const isWrapper = (i) => {
      const el = all[i];
      const first = all[i + 1];
      if (!first || !el.contains(first)) return false;
      for (let k = i + 2; k < all.length && el.contains(all[k]); k++) if (!first.contains(all[k])) return true;
      return false;
    };
    const kept = all.filter((_, i) => !isWrapper(i));
    const keptSet = new Set(kept);
    return kept.filter((el) => {
      for (let p = el.parentElement; p && p !== container; p = p.parentElement) if (keptSet.has(p)) return false;
      return true;
    });
  }

  // Our own flag hosts never count as page content.
  const FLAG_TAG = 'trustlens-review-flag';
  const isOurs = (n) => n instanceof Element && n.localName === FLAG_TAG;

  /** Text of an element without our flags (their content is in shadow roots: textContent already skips it). */
  const textOf = (el) => (el ? squash(el.textContent) : '');

  function starsOf(item) {
    const v = attrOf(item, ['data-review-stars']);
    if (v) return v;
    const el = query('reviewStars', item);
    if (!el) return '';
    const a = el.getAttribute('data-review-stars');
    if (a) return a;
    const t = textOf(el);
    if (/★|[1-5]/.test(t)) return t;
    const cls = /star-?([0-5])\b/.exec(el.getAttribute('class') ?? '');
    if (cls) return `star-${cls[1]}`;
    const w = /width:\s*[\d.]+%/.exec(el.getAttribute('style') ?? '') ?? /width:\s*[\d.]+%/.exec(el.firstElementChild?.getAttribute('style') ?? '');
    return w ? w[0] : '';
  }

  /** What one rendered item shows. textEl is null when no text element was recognised. */
  function readItem(item) {
    const textEl = query('reviewText', item);
    const nickEl = query('reviewNick', item);
    const dateEl = query('reviewDate', item);
    return {
      el: item,
      textEl,
      id: cut(attrOf(item, reviewIdAttrs ?? []), LIMITS.fieldChars),
      text: cut(textOf(textEl), LIMITS.textChars),
      nick: cut(attrOf(item, ['data-review-nick']) || textOf(nickEl), LIMITS.fieldChars),
      date: cut(attrOf(item, ['data-review-date']) || dateEl?.getAttribute('datetime') || textOf(dateEl), 64),
      stars: cut(starsOf(item), 64),
      spec: cut(attrOf(item, ['data-review-spec']) || textOf(query('reviewSpec', item)), LIMITS.fieldChars * 2),
      quantity: cut(attrOf(item, ['data-review-quantity']) || textOf(query('reviewQuantity', item)), 64),
      images: Math.min(queryAll('reviewImages', item).length, 50),
    };
  }

  /** The core's DOMReview for an item (internal/reviews/parse.go), or null without a text element. */
  function domReview(r) {
    if (!r.textEl) return null; // the whole item's text would mix the nick and date into the review
    const o = { text: r.text };
    for (const k of ['id', 'stars', 'date', 'nick', 'spec', 'quantity']) if (r[k]) o[k] = r[k];
    if (r.images) o.images = r.images;
    return o;
  }
  const itemKey = (o) => (o.id ? `id:${o.id}` : `k:${squash(o.nick)}|${normDate(o.date)}|${o.text}`);

  // ---- the DOM fallback fragment ---------------------------------------------

  // Every review item rendered on this page so far (key -> DOMReview), in the
  // order first seen: paging through the list accumulates, as the responses do.
  const seenItems = new Map();
  // The rendered items as last read (their keys): a change asks for a re-check.
  let lastSignature = '';
  const signature = (reads) => reads.map(itemKey).join('\n');

  function collectItems() {
    const reads = findItems(findContainer()).map(readItem);
    lastSignature = signature(reads);
    for (const r of reads) {
      if (seenItems.size >= LIMITS.items) break;
      const o = domReview(r);
      if (o && !seenItems.has(itemKey(o))) seenItems.set(itemKey(o), o);
    }
  }

  const encoder = new TextEncoder();
  /**
   * Adds the "reviews" DOM fragment to a snapshot when the page is an offer
   * page, no review list response was captured (a summary alone carries no
   * reviews), and review items are (or were) rendered. Whole items only,
   * within the core's byte cap.
   */
  export const addReviewFragment = (snapshot, responses, page) => {
    // A translated page shows the reviews in the buyer's language: not the buyers' words.
    if (!reviewPage(page) || hasListResponse(responses) || isTranslated()) return;
    collectItems();
    if (!seenItems.size) return;
    const parts = [];
    let bytes = 2;
    for (const o of seenItems.values()) {
      const json = JSON.stringify(o);
      const n = encoder.encode(json).length + 1;
      if (bytes + n > LIMITS.fragmentBytes) break;
      bytes += n;
      parts.push(json);
    }
    if (parts.length) snapshot.dom.reviews = `[${parts.join(',')}]`;
  };

  /** True when a captured response with the same address kind and body is already held (a list page loaded again). */
  export const isRepeatedReviewResponse = (responses, url, body) =>
    isReviewURL(url) && responses.some((r) => r.body === body && isReviewURL(r.url));

  // ---- flags ---------------------------------------------------------------------

  const FLAG_CSS = `
:host { all: initial; }
.flag {
  display: inline-block; margin: 0 0.4em 0 0; padding: 0 0.45em; border-radius: 0.3em;
  font: 600 0.75rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  background: #fef3c7; color: #7c2d12; border: 0.0625rem solid #b45309; white-space: nowrap; cursor: help; vertical-align: baseline;
}
.flag:focus-visible { outline: 0.15rem solid #2563eb; outline-offset: 0.1rem; }
.tip {
  display: none; position: absolute; left: 0; top: 100%; margin-top: 0.25rem; z-index: 2147483646;
  box-sizing: border-box; width: max-content; max-width: min(24rem, 90vw); padding: 0.4rem 0.6rem;
  font: 400 0.8125rem/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  color: #111827; background: #fff; border: 0.0625rem solid #9ca3af; border-radius: 0.3rem; box-shadow: 0 0.2rem 0.8rem rgba(0,0,0,0.25);
  white-space: normal; overflow-wrap: anywhere; text-align: left;
}
:host(:hover) .tip, .flag:focus + .tip { display: block; }
.tip.dismissed { display: none !important; }
.tip p { margin: 0.15rem 0; }
.tip .head { font-weight: 700; }
.tip .zh { color: #4b5563; }
`;
  const styleFlag = sheetStyler(FLAG_CSS);

  const T = () => reviewText;

  /** The text pairs a flag shows: its label and its reasons (deduplicated). */
  function flagReasons(flag) {
    const seen = new Set();
    const out = [];
    for (const r of Array.isArray(flag.reasons) ? flag.reasons : []) {
      if (!r || typeof r !== 'object' || typeof r.en !== 'string' || seen.has(r.en)) continue;
      seen.add(r.en);
      out.push({ en: r.en, zh: typeof r.zh === 'string' ? r.zh : '' });
      if (out.length >= 6) break;
    }
    return out;
  }

  /** A new flag host for a verdict flag. */
  function buildFlag(flag, showZh, mode) {
    const host = document.createElement(FLAG_TAG);
    host.setAttribute('data-trustlens-flag', '');
    if (typeof flag.id === 'string' && flag.id) host.setAttribute('data-flag-id', flag.id);
    for (const [k, v] of Object.entries({ all: 'initial', display: 'inline-block', position: 'relative', 'vertical-align': 'baseline', 'max-width': '100%' })) {
      host.style.setProperty(k, v, 'important');
    }
    const root = host.attachShadow({ mode });
    styleFlag(root);
    const label = showZh ? `${T().flag.en} · ${T().flag.zh}` : T().flag.en;
    const chip = el('span', {
      class: 'flag',
      text: `⚑ ${label}`,
      attrs: { tabindex: '0', role: 'img', 'aria-label': label, 'aria-describedby': 'tl-flag-tip' },
    });
    const tip = el('span', { class: 'tip', attrs: { id: 'tl-flag-tip', role: 'tooltip' } });
    tip.append(el('p', { class: 'head', text: showZh ? `${T().flagWhy.en} · ${T().flagWhy.zh}` : T().flagWhy.en }));
    for (const r of flagReasons(flag)) {
      tip.append(el('p', { class: 'en', text: r.en }));
      if (showZh && r.zh && r.zh !== r.en) tip.append(el('p', { class: 'zh', text: r.zh, attrs: { lang: 'zh-CN' } }));
    }
    // Escape hides the reasons until the flag loses focus or the pointer leaves (WCAG 1.4.13).
    chip.addEventListener('keydown', (e) => { if (e.key === 'Escape') tip.classList.add('dismissed'); });
    chip.addEventListener('blur', () => tip.classList.remove('dismissed'));
    host.addEventListener('mouseleave', () => tip.classList.remove('dismissed'));
    root.append(chip, tip);
    return host;
  }

  /** Index of a verdict's suspicious flags: by id, and by nick + date. */
  function indexFlags(verdict) {
    const list = Array.isArray(verdict?.reviews?.flags) ? verdict.reviews.flags : [];
    const byId = new Map();
    const byNickDate = new Map(); // "nick|date" -> flags (either part may be '')
    const all = [];
    for (const f of list) {
      if (!f || typeof f !== 'object' || f.suspicious !== true) continue;
      const g = {
        raw: f,
        id: typeof f.id === 'string' ? f.id : '',
        nick: squash(f.nick),
        date: typeof f.date === 'string' ? f.date : '',
        snippet: squash(f.snippet),
      };
      g.key = `${g.id}|${g.nick}|${g.date}|${g.snippet}`;
      if (g.id) byId.set(g.id, g);
      const k = `${g.nick}|${g.date}`;
      if (!byNickDate.has(k)) byNickDate.set(k, []);
      byNickDate.get(k).push(g);
      all.push(g);
    }
    return all.length ? { byId, byNickDate, all } : null;
  }

  /** Whether an item's shown text is the review the snippet starts. */
  function textMatches(r, snippet) {
    if (!r.textEl) return snippet.length >= 10 && squash(r.el.textContent).includes(snippet); // no text element: anywhere in the item
    if (!snippet) return r.text === '';
    if (r.text.startsWith(snippet)) return true;
    // A list that cuts long texts ("…" / "..."): the shown start must begin the snippet.
    const shown = r.text.replace(/(?:…|\.{3})$/, '').trim();
    return shown.length >= 10 && shown !== r.text && snippet.startsWith(shown);
  }

  /** The verdict flag for a rendered item, or null. */
  function matchFlag(idx, r) {
    if (r.id && idx.byId.has(r.id)) return idx.byId.get(r.id);
    const nick = squash(r.nick);
    const date = normDate(r.date);
    const nickOk = (g) => !nick || !g.nick || nick === g.nick || (g.nick.length >= 3 && nick.includes(g.nick));
    const dateOk = (g) => !date || !g.date || (date.length === 10 ? date === g.date : g.date.endsWith(`-${date}`));
    // Without both a nick and a date on the item, the text must say more.
    const candidates = nick && date.length === 10 ? idx.byNickDate.get(`${nick}|${date}`) ?? idx.all : idx.all;
    for (const g of candidates) {
      if (!nickOk(g) || !dateOk(g)) continue;
      if (!nick && !date && g.snippet.length < 10) continue;
      if (!g.snippet && !(nick && date)) continue;
      if (textMatches(r, g.snippet)) return g;
    }
    return null;
  }

  /**
   * Starts the review watch on an offer page. opts:
   *   signal          AbortSignal: aborting removes every flag and observer
   *   responses       content.js's captured responses (read, never changed)
   *   onItemsChanged  called when the rendered reviews changed while no review
   *                   list response was captured (the DOM fallback needs a re-check)
   * Returns {update(verdict, {showChinese, openShadow}), flagged()}.
   */
  export const createReviewFlags = ({ signal, responses, onItemsChanged }) => {
    let idx = null;
    let showZh = true;
    let mode = 'closed';
    let container = null;
    let queued = false;
    let findQueued = false;
    let applies = 0;
    let reruns = 0;
    const live = new Set(); // our flag hosts in the page
    const keyOf = new WeakMap(); // host -> the flag key and language it shows
    const hostOf = new WeakMap(); // item -> its host

    const stop = () => { listObserver.disconnect(); docObserver.disconnect(); for (const h of live) h.remove(); live.clear(); };

    function apply() {
      if (signal.aborted) return;
      const items = findItems(container);
      let changes = 0;
      const keep = new Set();
      const reads = items.map(readItem);
      if (idx) {
        for (const r of reads) {
          const g = matchFlag(idx, r);
          if (!g) continue;
          const key = `${g.key}|${showZh}|${mode}`;
          const target = r.textEl ?? r.el;
          let host = hostOf.get(r.el);
          if (!host || keyOf.get(host) !== key) {
            host = buildFlag(g.raw, showZh, mode);
            keyOf.set(host, key);
            hostOf.set(r.el, host);
          }
          if (host.parentNode !== target) { target.prepend(host); changes++; }
          keep.add(host);
        }
      }
      for (const h of live) if (!keep.has(h)) { h.remove(); changes++; } // stale: its item is gone, changed, or no longer flagged
      live.clear();
      for (const h of keep) live.add(h);
      // A page that keeps removing our flags would have us re-insert them forever: stop watching after a while.
      if (changes && ++applies >= LIMITS.applies) { listObserver.disconnect(); docObserver.disconnect(); }
      // DOM fallback: the rendered reviews changed and no review list response was captured.
      if (reads.length && !hasListResponse(responses)) {
        const sig = signature(reads);
        if (sig !== lastSignature) {
          lastSignature = sig;
          if (reruns++ < LIMITS.domReruns) onItemsChanged?.();
        }
      }
    }

    // Re-find the container (the page may have replaced it), then re-apply.
    function tick() {
      queued = false;
      if (signal.aborted) return;
      if (findQueued || !container?.isConnected) {
        findQueued = false;
        const c = findContainer();
        if (c !== container) {
          container = c;
          listObserver.disconnect();
          if (c) listObserver.observe(c, { childList: true, subtree: true, characterData: true });
        }
      }
      apply();
    }
    const queue = (find) => {
      if (find) findQueued = true;
      if (!queued) { queued = true; requestAnimationFrame(tick); }
    };
    const onlyOurs = (rec) => rec.type === 'childList' && [...rec.addedNodes, ...rec.removedNodes].every(isOurs);
    // Mutations inside the list: re-apply.
    const listObserver = new MutationObserver((records) => { if (!records.every(onlyOurs)) queue(false); });
    // Elsewhere: only whether the list container appeared, moved or was replaced.
    const docObserver = new MutationObserver((records) => {
      if (records.every(onlyOurs)) return;
      if (!container?.isConnected || records.some((rec) => rec.type === 'childList' && !container.contains(rec.target))) queue(true);
    });
    docObserver.observe(document.documentElement, { childList: true, subtree: true });
    signal.addEventListener('abort', stop, { once: true });
    queue(true);

    return {
      /** New verdict (or null): re-index its flags and re-apply at the next frame. */
      update(verdict, opts = {}) {
        idx = indexFlags(verdict);
        showZh = opts.showChinese !== false;
        mode = opts.openShadow ? 'open' : 'closed';
        queue(true);
      },
      /** How many flags are on the page now. */
      flagged: () => live.size,
    };
  };
