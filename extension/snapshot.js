// Builds the Snapshot the core accepts (internal/page/model.go):
// {url, scripts[], responses[{url,body}], dom{name:text}}. Reads the page,
// never changes it. Caps mirror the core's (and the background's checks), so a
// huge or hostile page cannot make the message fail as a whole.
import { isTranslated, modelMarkers, pages, query, queryAll } from './selectors.js';
import { squash } from './values.js';
import * as vocab from './vocab.js';

  // The core's caps (extension/vocab.js, generated from internal/page).
  export const limits = vocab.limits;

  function modelScripts() {
    const out = [];
    let chars = 0; // all scripts together (limits.scriptsChars)
    for (const s of document.scripts) {
      if (out.length >= limits.scripts) break;
      if (s.src) continue;
      const text = s.text;
      if (!text || text.length > limits.scriptChars || chars + text.length > limits.scriptsChars) continue;
      if (modelMarkers.some((m) => text.includes(m))) {
        out.push(text);
        chars += text.length;
      }
    }
    return out;
  }

  const encoder = new TextEncoder();
  /** text cut to at most max UTF-8 bytes, on a character boundary (so the core adds no "cap hit" note). */
  function capBytes(text, max = limits.domBytes) {
    if (text.length * 3 <= max) return text; // no UTF-16 unit takes more than 3 UTF-8 bytes
    const { read } = encoder.encodeInto(text, new Uint8Array(max));
    return text.slice(0, read);
  }

  function visibleText(el) {
    if (!el) return '';
    return capBytes(squash(el.textContent));
  }

  /**
   * A store page's visible text: innerText (rendered text only, no hidden
   * templates or scripts) of the main content, else of the body, whitespace
   * squashed like the real page captures the core is tested on.
   */
  export const storeText = () => {
    const root = query('storeMain') ?? document.body;
    return root ? capBytes(squash(root.innerText)) : '';
  };

  /** Titles of the offers a shop page lists, one per line (at most 200). */
  function offerTitles() {
    const seen = new Set();
    for (const a of queryAll('storeOfferLinks')) {
      const t = squash(a.getAttribute('title') || a.textContent).slice(0, limits.offerTitleChars);
      if (t) seen.add(t);
      if (seen.size >= limits.offerTitles) break;
    }
    return [...seen].join('\n');
  }

  /**
   * The words of the rendered description as a buyer reads them: its text
   * and the alt text of its images (description images often carry their
   * words there), scripts and styles left out.
   */
  const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'em', 'font', 'i', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'u']);
  function descriptionText(el) {
    if (!el) return '';
    const parts = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = walker.currentNode; n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) {
        const p = n.parentElement?.localName;
        if (p !== 'script' && p !== 'style' && p !== 'template' && p !== 'noscript') parts.push(/** @type {Text} */ (n).data);
        continue;
      }
      const e = /** @type {Element} */ (n); // SHOW_ELEMENT | SHOW_TEXT: the rest are elements
      if (e.localName === 'img' || e.localName === 'area') {
        const alt = e.getAttribute('alt');
        if (alt) parts.push(` ${alt} `);
      } else if (!INLINE.has(e.localName)) {
        parts.push(' '); // block elements separate words; inline ones do not (<span>对公</span><span>转账</span>)
      }
    }
    return capBytes(squash(parts.join('')));
  }

  /** The page's comments, link addresses and short inline scripts, one a line (16 KB at most). */
  function pageMarkers() {
    const out = [];
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_COMMENT);
    for (let n = walker.nextNode(), i = 0; n && i < 50; n = walker.nextNode(), i++) out.push(`<!--${/** @type {Comment} */ (n).data.slice(0, 512)}-->`);
    for (const a of [...document.querySelectorAll('a[href]')].slice(0, 50)) out.push(a.getAttribute('href').slice(0, 512));
    for (const sc of [...document.scripts].slice(0, 20)) if (!sc.src) out.push(sc.text.slice(0, 2048));
    return capBytes(out.join('\n'), 16 << 10);
  }

  function domFragments(page) {
    const dom = {};
    const title = (document.title || '').trim();
    if (title) dom.title = capBytes(title);
    if (page?.store) {
      // Store pages: the fragments the core reads on store pages (internal/page/dom.go).
      const name = visibleText(query('storeHeading'));
      if (name) dom.storeName = name;
      const header = visibleText(query('storeHeader'));
      if (header) dom.header = header;
      const body = storeText();
      if (body) dom.body = body;
      if (page.offerTitles) {
        const titles = offerTitles();
        if (titles) dom.offerTitles = capBytes(titles);
      }
      const slogan = visibleText(query('storeSlogan'));
      if (slogan) dom.slogan = slogan;
      return dom;
    }
    // No page model: what says why (1688's security check carries
    // <!--rgv587_flag:sm-->, a "punish" link, an x5secdata cookie script; a
    // login wall its text). The core reads it (internal/page/blocked.go).
    if (!modelScripts().length) {
      const markers = pageMarkers();
      if (markers) dom.html = markers;
    }
    const h1 = visibleText(query('offerTitle'));
    if (h1) dom.h1 = h1;
    const store = visibleText(query('storeName'));
    if (store) dom.storeName = store;
    const description = descriptionText(query('offerDescription'));
    if (description) dom.description = description;
    return dom;
  }

  // The DOM fragments last read while the page was not yet translated, with
  // its address: after the browser translates the page (Chrome does so after
  // it loads), they are still the page's own words.
  let untranslated = null;

  /**
   * The snapshot of the current page (entry of pages) plus the responses
   * captured so far. On a page the browser translated, the fragments read
   * before the translation are sent again; failing those, no visible text
   * (it is no longer the page's own) and "translated", which tells the core
   * to read the models and responses only and to say what stayed unknown.
   */
  export const buildSnapshot = (responses, page) => {
    const url = location.href.slice(0, limits.urlChars);
    let dom = {};
    let translated = false;
    if (!isTranslated()) {
      dom = domFragments(page);
      untranslated = { url, dom };
    } else if (untranslated?.url === url) {
      dom = { ...untranslated.dom };
    } else {
      translated = true;
    }
    const snapshot = { url, scripts: modelScripts(), responses: responses.slice(0, limits.responses), dom };
    if (translated) snapshot.translated = true;
    return snapshot;
  };
