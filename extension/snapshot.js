// Builds the Snapshot the core accepts (internal/page/model.go):
// {url, scripts[], responses[{url,body}], dom{name:text}}. Reads the page,
// never changes it. Caps mirror the core's (and the background's checks), so a
// huge or hostile page cannot make the message fail as a whole.
(() => {
  'use strict';
  const TL = (globalThis.TrustLens ??= {});

  TL.limits = {
    scriptChars: 4 << 20, // one inline script (skipped, not cut: a cut model would not parse)
    scripts: 64,
    responseChars: 2 << 20,
    responses: 200,
    domChars: 256 << 10,
    domFragments: 64,
    urlChars: 4096,
  };

  function modelScripts() {
    const out = [];
    for (const s of document.scripts) {
      if (out.length >= TL.limits.scripts) break;
      if (s.src) continue;
      const text = s.text;
      if (!text || text.length > TL.limits.scriptChars) continue;
      if (TL.modelMarkers.some((m) => text.includes(m))) out.push(text);
    }
    return out;
  }

  function visibleText(el) {
    if (!el) return '';
    return (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, TL.limits.domChars);
  }

  function domFragments() {
    const dom = {};
    const title = (document.title || '').trim();
    if (title) dom.title = title.slice(0, TL.limits.domChars);
    const h1 = visibleText(TL.query('offerTitle'));
    if (h1) dom.h1 = h1;
    const store = visibleText(TL.query('storeName'));
    if (store) dom.storeName = store;
    return dom;
  }

  /** The snapshot of the current page plus the responses captured so far. */
  TL.buildSnapshot = (responses) => ({
    url: location.href.slice(0, TL.limits.urlChars),
    scripts: modelScripts(),
    responses: responses.slice(0, TL.limits.responses),
    dom: domFragments(),
  });
})();
