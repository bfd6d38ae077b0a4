// TrustLens capture (MAIN world, document_start).
//
// Passively copies the data responses the page itself receives (mtop JSONP,
// fetch, XHR to *.1688.com, the offer description) and hands each {url, body}
// to the isolated content script with window.postMessage. It never requests anything, never changes
// what the page receives, and never throws into the page: every hook calls the
// original first-class and swallows its own errors.
//
// Hand-over protocol (both directions carry the fixed tag below):
//   MAIN -> isolated  {tag, kind: 'capture', seq, url, body}
//   MAIN -> isolated  {tag, kind: 'request', seq, req, url, done}  a data request
//                     started (done false) or ended (done true, with or without a body):
//                     the content script waits for what is in flight before a verdict
//   isolated -> MAIN  {tag, kind: 'hello'}   => MAIN replays its buffer
// The isolated script dedupes by seq. The page can read or forge these
// messages; that is fine: captured data is the page's own data, and the core
// treats the whole snapshot as untrusted input.
(() => {
  'use strict';
  const TAG = 'trustlens-capture-v1';
  if (window[Symbol.for(TAG)]) return; // injected twice (e.g. re-injection): keep the first
  Object.defineProperty(window, Symbol.for(TAG), { value: true });

  // Limits, matching the background's schema checks (page/model.go caps).
  const MAX_BODY = 2 * 1024 * 1024; // characters of one body
  const MAX_BUFFERED = 200; // responses kept for replay
  const MAX_URL = 4096;

  // Originals, saved before any page script can replace them.
  const postMessage = window.postMessage.bind(window);
  const stringify = JSON.stringify;
  const addEventListener = EventTarget.prototype.addEventListener;
  const fnToString = Function.prototype.toString;
  const URLCtor = URL;

  const buffer = [];
  let seq = 0;

  function emit(url, body) {
    try {
      if (typeof body !== 'string' || body.length === 0 || body.length > MAX_BODY) return;
      const msg = { tag: TAG, kind: 'capture', seq: ++seq, url: String(url).slice(0, MAX_URL), body };
      if (buffer.length < MAX_BUFFERED) buffer.push(msg);
      postMessage(msg, '*');
    } catch { /* never throw into the page */ }
  }

  // Data requests in flight, announced when they start and when they end.
  let reqSeq = 0;
  function emitRequest(req, url, done) {
    try {
      const msg = { tag: TAG, kind: 'request', seq: ++seq, req, url: String(url).slice(0, MAX_URL), done };
      if (buffer.length < MAX_BUFFERED) buffer.push(msg);
      postMessage(msg, '*');
    } catch { /* never throw into the page */ }
  }
  /** Announces a request to url; returns the function that announces its end (once). */
  function started(url) {
    const req = ++reqSeq;
    emitRequest(req, url, false);
    let ended = false;
    return () => { if (!ended) { ended = true; emitRequest(req, url, true); } };
  }

  addEventListener.call(window, 'message', (event) => {
    try {
      const d = event.data;
      if (event.source !== window || !d || d.tag !== TAG || d.kind !== 'hello') return;
      for (const msg of buffer) postMessage(msg, '*');
    } catch { /* ignore */ }
  });

  // The offer description: the page loads it from the detailUrl of its
  // offer-description component, https://itemcdn.tmall.com/1688offer/icoss…,
  // a script `var offer_details={"content":"…"}` (internal/page/description.go).
  function isDescriptionURL(href) {
    let u;
    try { u = new URLCtor(href, location.href); } catch { return false; }
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname === 'itemcdn.tmall.com' &&
      u.pathname.startsWith('/1688offer/');
  }

  // Which URLs carry page data worth reading. Absolute URL in, boolean out.
  function isDataURL(href) {
    if (isDescriptionURL(href)) return true; // when the page fetches it (fetch / XHR)
    let u;
    try { u = new URLCtor(href, location.href); } catch { return false; }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
    const host = u.hostname;
    if (host !== '1688.com' && !host.endsWith('.1688.com')) return false;
    return host.startsWith('h5api.') || /mtop/i.test(u.pathname + u.search) || u.pathname.endsWith('.json') ||
      // The search data services of the offer and supplier searches (docs 1688-pages.md §1: marketOfferResultViewService,
      // companySearchBusinessService, internal/page/search.go).
      (host === 'search.1688.com' && u.pathname.startsWith('/service/'));
  }

  // Make a wrapper look like the function it replaces (name, length, toString).
  function disguise(wrapper, original) {
    try {
      Object.defineProperty(wrapper, 'name', { value: original.name, configurable: true });
      Object.defineProperty(wrapper, 'length', { value: original.length, configurable: true });
      const toString = function toString() { return fnToString.call(original); };
      Object.defineProperty(toString, 'toString', { value: toString, configurable: true, writable: true });
      Object.defineProperty(wrapper, 'toString', { value: toString, configurable: true, writable: true });
    } catch { /* cosmetic only */ }
    return wrapper;
  }

  // ---- mtop JSONP --------------------------------------------------------
  // lib-mtop defines window.mtopjsonpN, then inserts <script src=".../h5/<api>/<v>/?...&callback=mtopjsonpN">.
  // At insertion we wrap window[callback] so the argument is copied (as JSON)
  // before the page's own callback runs with the very same object.
  const wrappedCallbacks = new WeakSet();
  const seenScripts = new WeakSet();

  function wrapCallback(name, url, end) {
    const original = /** @type {any} */ (window)[name];
    if (typeof original !== 'function' || wrappedCallbacks.has(original)) return false;
    const wrapper = disguise(function (...args) {
      let body;
      try { body = stringify(args[0]); } catch { /* cyclic or odd: skip */ }
      try {
        return original.apply(this, args);
      } finally {
        if (body) emit(url, body);
        end();
      }
    }, original);
    wrappedCallbacks.add(wrapper);
    try { window[name] = wrapper; } catch { return false; /* non-writable: leave the page alone */ }
    return true;
  }

  // A description loaded as a script defines window.offer_details; once the
  // script has run (its load event) that object is copied, in the body's own
  // form. The page reads the same global.
  function watchDescription(node, src) {
    addEventListener.call(node, 'load', () => {
      try {
        const d = window.offer_details;
        if (d && typeof d === 'object') emit(src, `var offer_details=${stringify(d)};`);
      } catch { /* ignore */ }
    });
  }

  function inspectScript(node) {
    try {
      if (!(node instanceof HTMLScriptElement) || seenScripts.has(node)) return;
      const src = node.src;
      if (src && isDescriptionURL(src)) {
        seenScripts.add(node);
        watchDescription(node, src);
        return;
      }
      if (!src || !isDataURL(src)) return;
      const name = new URLCtor(src, location.href).searchParams.get('callback');
      if (!name || !/^[A-Za-z_$][\w$]{0,63}$/.test(name)) return;
      seenScripts.add(node);
      const end = started(src);
      if (!wrapCallback(name, src, end)) { end(); return; }
      // A script that failed (or ran without calling back) ends the request too.
      addEventListener.call(node, 'load', end);
      addEventListener.call(node, 'error', end);
    } catch { /* ignore */ }
  }

  function inspectInserted(nodes) {
    for (const n of nodes) {
      if (n instanceof HTMLScriptElement) inspectScript(n);
      else if (n instanceof DocumentFragment) for (const s of n.querySelectorAll('script[src]')) inspectScript(s);
    }
  }

  function hookMethod(proto, key, pick) {
    const original = proto[key];
    if (typeof original !== 'function') return;
    const wrapper = disguise(function (...args) {
      try { inspectInserted(pick(args)); } catch { /* ignore */ }
      return original.apply(this, args);
    }, original);
    try { Object.defineProperty(proto, key, { ...Object.getOwnPropertyDescriptor(proto, key), value: wrapper }); } catch { /* ignore */ }
  }

  hookMethod(Node.prototype, 'appendChild', (a) => [a[0]]);
  hookMethod(Node.prototype, 'insertBefore', (a) => [a[0]]);
  hookMethod(Node.prototype, 'replaceChild', (a) => [a[0]]);
  hookMethod(Element.prototype, 'append', (a) => a);
  hookMethod(Element.prototype, 'prepend', (a) => a);
  hookMethod(Element.prototype, 'after', (a) => a);
  hookMethod(Element.prototype, 'before', (a) => a);

  // A script already in the document that gets its src set later starts loading then.
  try {
    const desc = Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, 'src');
    if (desc && desc.set) {
      const set = desc.set;
      Object.defineProperty(HTMLScriptElement.prototype, 'src', {
        ...desc,
        set: disguise(function (v) {
          const r = set.call(this, v);
          try { if (this.isConnected) inspectScript(this); } catch { /* ignore */ }
          return r;
        }, set),
      });
    }
  } catch { /* ignore */ }

  // ---- fetch -------------------------------------------------------------
  async function readCapped(response) {
    const len = Number(response.headers.get('content-length'));
    if (len > MAX_BODY * 4) return null; // bytes: even all-ASCII would exceed the cap
    if (!response.body) return null;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (text.length > MAX_BODY) { reader.cancel().catch(() => {}); return null; }
    }
    return text + decoder.decode();
  }

  const originalFetch = window.fetch;
  if (typeof originalFetch === 'function') {
    window.fetch = disguise(function fetch(...args) {
      const promise = originalFetch.apply(this, args);
      try {
        const input = args[0];
        const url = typeof input === 'string' ? input : input instanceof Request ? input.url : String(input);
        if (isDataURL(url)) {
          const end = started(url);
          promise.then((response) => {
            try {
              if (!response || response.type === 'opaque') { end(); return; }
              const copy = response.clone();
              readCapped(copy).then((body) => { if (body) emit(response.url || url, body); end(); }, end);
            } catch { end(); }
          }, end);
        }
      } catch { /* ignore */ }
      return promise; // the page gets the very same promise and response
    }, originalFetch);
  }

  // ---- XMLHttpRequest ----------------------------------------------------
  const xhrURL = new WeakMap();
  const XHR = window.XMLHttpRequest && XMLHttpRequest.prototype;
  if (XHR) {
    const open = XHR.open;
    const send = XHR.send;
    XHR.open = disguise(function (...args) {
      try { xhrURL.set(this, String(args[1])); } catch { /* ignore */ }
      return open.apply(this, args);
    }, open);
    XHR.send = disguise(function (...args) {
      try {
        const url = xhrURL.get(this);
        if (url && isDataURL(url)) {
          const xhr = this;
          const end = started(url);
          addEventListener.call(xhr, 'loadend', () => {
            try {
              if (xhr.status < 200 || xhr.status >= 300) return;
              const type = xhr.responseType;
              let body = null;
              if (type === '' || type === 'text') body = xhr.responseText;
              else if (type === 'json') body = stringify(xhr.response);
              if (body) emit(xhr.responseURL || url, body);
            } catch { /* ignore */ } finally { end(); }
          });
        }
      } catch { /* ignore */ }
      return send.apply(this, args);
    }, send);
  }
})();
