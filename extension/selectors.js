// Every 1688-specific page detector, selector and marker lives here, each with
// the page it was written against. Real pages are partly client-rendered, so a
// selector that finds nothing is normal: callers fall back and keep watching.
//
// "e2e g2" = the e2e fixture pages built around the real G2 models
// (e2e/pages.mjs), whose markup copies the real G2 layout as read by public
// scrapers; "e2e g3" = the fixture around the real G3 script of offer
// 943009939489. See /work/shared/docs/1688-pages.md for the page generations.
(() => {
  'use strict';
  const TL = (globalThis.TrustLens ??= {});

  // Pages we handle. Adding store or search pages = one entry here plus its
  // match pattern in manifest.json content_scripts.
  TL.pages = [
    {
      id: 'offer',
      // https://detail.1688.com/offer/597090034012.html (real), e2e g2/g3 pages
      test: (u) => u.hostname === 'detail.1688.com' && /^\/offer\/\d+\.html$/.test(u.pathname),
      anchors: ['offerTitle', 'storeName'],
    },
    {
      id: 'offer-mobile',
      // https://m.1688.com/offer/597090034012.html (real URL form, globalData.qrCode)
      test: (u) => u.hostname === 'm.1688.com' && /^\/offer\/\d+\.html$/.test(u.pathname),
      anchors: ['offerTitle'],
    },
  ];

  /** The page entry for a URL, or null when TrustLens has nothing to do there. */
  TL.detectPage = (href) => {
    let u;
    try { u = new URL(href); } catch { return null; }
    return TL.pages.find((p) => p.test(u)) ?? null;
  };

  // Element selectors, tried in order; the first visible match wins.
  TL.selectors = {
    offerTitle: [
      '#productTitle h1', // G3 (od-version-2025, module-od-* layout), e2e g3; public scrapers 2026-05
      '.title-content h1', // G3 variant without #productTitle
      '.title-content .title-first-column .title-text', // G2 PC (2021-2025), e2e g2
      '#mod-detail-title h1.d-title', // G1 PC (before 2019), docs 2d
      '#mod-detail-title h1', // G1 variant
    ],
    storeName: [
      '#shopNavigation a.shop-company-name h1', // G3 header, e2e g3
      '.shop-company-name h1', // G3 without #shopNavigation
      '.supplierinfo-common .company-name a', // G1 sidebar, docs 2d
      '.company-name', // G1/G2 fallback (e2e g2 uses .company-name)
    ],
  };

  // Inline scripts that carry page models (sent to the core verbatim).
  TL.modelMarkers = [
    '__INIT_DATA', // G2 PC and mobile: window.__INIT_DATA={...} (mobile sometimes __INIT_DATA__)
    'window.context=', // G3 PC: window.context=(function(b,d){...})(window.contextPath,{"result":...})
    '__STORE_DATA', // G2 store header components
    'pageData', // store pages: window.pageData={components,globalData}
    'iDetailConfig', // G1 globals (obsolete, last-resort fallback for the core)
  ];

  /** First element matching any selector of the named group, or null. */
  TL.query = (name, root = document) => {
    for (const sel of TL.selectors[name] ?? []) {
      const el = root.querySelector(sel);
      if (el) return el;
    }
    return null;
  };
})();
