// Every 1688-specific page detector, selector and marker lives here, each with
// the page it was written against. Real pages are partly client-rendered, so a
// selector that finds nothing is normal: callers fall back and keep watching.
//
// "e2e g2" = the e2e fixture pages built around the real G2 models
// (e2e/pages.mjs), whose markup copies the real G2 layout as read by public
// scrapers; "e2e g3" = the fixture around the real G3 script of offer
// 943009939489. docs/architecture.md describes the page generations.

  // Hosts under 1688.com that are never a store, whatever their path. Any
  // other single label is an old vanity store host ({loginname}.1688.com,
  // e.g. ccgame.1688.com, wwm16888.1688.com). Mirrors serviceHosts in
  // internal/page/kind.go (the core classifies the same way).
  export const serviceHosts = new Set([
    'www', 'detail', 'm', 's', 'search', 'login', 'passport', 'work', 'trade', 'order', 'offer',
    'sale', 'air', 'show', 'rate', 'h5api', 'cybert', 'mindx', 'peixun', 'page', 'club', 'info',
    'news', 'help', 'service', 'widget', 're', 'cart', 'p4p', 'res', 'img', 'cbu01', 'shop',
    'winport', 'wp', 'member', 'buyer', 'seller', 'login-test', 'air-test', 'go', 'b2b', 'exodus',
    'smartkey', 'dj', 'data', 'i', 'aliqin', 'fuwu', 'ad', 'u', 'tbm',
  ]);

  /** The store label of a PC shop host (shop{id} or a vanity name), or null. */
  function shopLabel(u) {
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    const m = /^([a-z0-9][a-z0-9-]{0,62})\.1688\.com$/.exec(u.hostname);
    if (!m) return null;
    const label = m[1];
    if (/^shop[0-9a-z]+$/.test(label)) return label; // shop1467652076311.1688.com (docs 1688-pages.md §1)
    return serviceHosts.has(label) ? null : label; // ccgame.1688.com (real, 1634230375 page texts)
  }

  // Store pages on a shop host: the home page and the sub-pages that carry
  // trust data (docs 1688-pages.md §1). Other sub-pages (albumlist,
  // feedback …) are left alone.
  const SHOP_PATH = /^\/(?:page\/(?:index|creditdetail|contactinfo|offerlist)\.html?)?$/;

  // Pages we handle: every entry needs the manifest's content_scripts to
  // match its URLs (e2e/selectors.test.mjs checks both against the same URLs).
  //   anchors  element groups (selectors) the badge is placed after
  //   store    a store page: its visible text is sent, and re-sent when the
  //            client-rendered page changes (content.js)
  //   offerTitles  the page lists the store's own offers
  export const pages = [
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
    {
      id: 'shop',
      // https://shop1467652076311.1688.com/ (real, sellerWinportUrl); https://ccgame.1688.com/page/index.html,
      // /page/creditdetail.html, /page/contactinfo.html (real, 1634230375 page texts);
      // /page/creditdetail.htm, /page/contactinfo.htm, /page/offerlist.htm (public scrapers); e2e store pages
      test: (u) => shopLabel(u) != null && SHOP_PATH.test(u.pathname),
      anchors: ['storeHeading'],
      store: true,
      offerTitles: true,
    },
    {
      id: 'shop-mobile',
      // https://winport.m.1688.com/page/index.html?memberId=b2b-406915100661872 (real, header commonUrl.shopUrl);
      // https://m.1688.com/winport/b2b-….html (public code); e2e remembered-supplier store page
      test: (u) => u.hostname === 'winport.m.1688.com' ||
        (u.hostname === 'm.1688.com' && /^\/winport\/(?:a-)?b2b-[0-9A-Za-z]{1,40}\.html$/.test(u.pathname)),
      anchors: ['storeHeading'],
      store: true,
      offerTitles: true,
    },
    {
      id: 'licence',
      // https://wp.m.1688.com/page/businessinfor.html?memberId=b2b-1634230375&bizCode=winport (real, page texts)
      test: (u) => u.hostname === 'wp.m.1688.com' && u.pathname === '/page/businessinfor.html',
      anchors: ['storeHeading'],
      store: true,
    },
    {
      id: 'factory-card',
      // https://sale.1688.com/factory/card.html?memberId=b2b-1634230375&__recSource__=win_port&facMemId=… (real, page texts).
      // It also lists other factories ("为你推荐相似工厂"): no offer titles, and no generic name selectors.
      test: (u) => u.hostname === 'sale.1688.com' && u.pathname === '/factory/card.html',
      anchors: ['storeHeading'],
      store: true,
    },
    {
      id: 'search',
      // https://s.1688.com/selloffer/offer_search.htm?keywords=… (offers) and
      // https://s.1688.com/company/company_search.htm?keywords=… (suppliers) (docs 1688-pages.md §1); e2e search page.
      // No page badge: every result card gets its own (extension/search.js). Needs its own
      // manifest content_scripts entries (the rest of s.1688.com stays excluded).
      test: (u) => u.hostname === 's.1688.com' && /^\/(?:selloffer\/offer_search|company\/company_search)\.htm$/.test(u.pathname),
      anchors: [],
      search: true,
    },
  ];

  /** The page entry for a URL, or null when TrustLens has nothing to do there. */
  export const detectPage = (href) => {
    let u;
    try { u = new URL(href); } catch { return null; }
    return pages.find((p) => p.test(u)) ?? null;
  };

  // Element selectors, tried in order; the first match wins.
  export const selectors = {
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
    // Offer pages: the rendered description (商品详情), read by the core only
    // when the description response (offer_details) was not captured. No real
    // rendered description was available: every entry is a GUESS.
    offerDescription: [
      '[data-module="od_description"]', // GUESS: 2026 modules carry od_* data-module names (real offer 983002962097 page), e2e description page
      '#description', // GUESS: the same module's id
      '#detailContentContainer', // GUESS: G2 PC description container
      '.content-detail', // GUESS
    ],
    // Store pages: the store's own name heading. No generic ".company-name":
    // the factory card and shop pages also list other suppliers by name.
    storeHeading: [
      '#shopNavigation a.shop-company-name h1', // the winport header shared by G3 offer pages and shop pages
      // (public scrapers read ".shop-company-name h1" / ".winport-title h1" as the seller), e2e store pages
      '.winport-title .shop-company-name', // same header, name without an h1 (public scraper test markup)
      '.winport-title h1', // GUESS: older winport header
    ],
    // Store pages: the store header (name, years, service score, badges). Only
    // this fragment and "badges" are read for badge words (the body lists other stores).
    storeHeader: [
      '#shopNavigation', // winport header (G3 offer pages' copy of it, e2e g3 and store pages)
      '.winport-header', // GUESS: older winport header container
    ],
    // Store pages: the main content whose visible text is sent as "body"; else document.body.
    storeMain: [
      'main', // GUESS: semantic main where a page has one; e2e store pages use document.body
    ],
    // Store pages: links to the offers the store lists (their titles become "offerTitles").
    storeOfferLinks: [
      'a[href*="detail.1688.com/offer/"]', // shop home and offer list cards link to the offer pages (public scrapers), e2e shop page
    ],
    // Store pages: the store's slogan / self-description.
    storeSlogan: [
      '.shop-slogan', // GUESS
      '.company-slogan', // GUESS
    ],

    // ---- result cards of search and list pages (extension/search.js) ----------
    // No real search-card markup was available: every group below is a GUESS
    // from public scrapers (docs 1688-pages.md §3c: 2021-22 markup copied by an
    // extension; newer a.search-offer-wrapper cards read by 2024-26 scrapers)
    // plus the e2e fixture (e2e/search-pages.mjs). Cards are found by their
    // offer links; a named container only refines where a card ends.
    cardOfferLinks: [
      'a[href*="detail.1688.com/offer/"]', // every card links its offer page (public scrapers), e2e search page
      'a[href*="/offer/"][data-renderkey]', // GUESS: newer cards with a relative href and a render key
    ],
    // Card containers, tried with closest() from an offer link.
    cardContainer: [
      'a.search-offer-wrapper', // GUESS (2024-26 scrapers: the whole card is one link), e2e search page
      '.search-offer-item', // GUESS, same generation
      '.sm-offer-item', // GUESS (older search list, li.sm-offer-item)
      '.offer-item', // GUESS
      '.space-offer-card-box', // GUESS
      '[data-offer-id]', // GUESS
    ],
    // Supplier-search cards (company_search.htm): no offer link of their own.
    companyCard: [
      '.company-item', // GUESS
      '.sm-company-item', // GUESS
      '.company-card', // GUESS, e2e company search page
    ],
    cardTitle: [
      '.offer-title-row .title-text', // GUESS (2024-26 scrapers), e2e search page
      '.title-text', // GUESS
      '.offer-title', // GUESS (older list)
      '.sm-offer-title', // GUESS (older list)
    ],
    cardPrice: [
      '.offer-price-row .price-item', // GUESS (2024-26 scrapers: ¥ and the number in separate elements), e2e search page
      '.sm-offer-priceNum', // GUESS (older list)
      '.price-num', // GUESS
      '.price', // GUESS
    ],
    cardCompany: [
      '.company-name', // docs §3c (.company-name[title], 2021-22 markup), e2e search page
      '.sm-offer-companyName', // GUESS (older list)
      '.offer-shop-row', // GUESS
    ],
    // The TrustPass years tag, text "3年" (docs §3c: a.credit-tag.identity-tag linking creditdetail.htm).
    cardYears: [
      '.credit-tag', // docs §3c (a.credit-tag.identity-tag; any element here), e2e search page
      '.identity-tag', // docs §3c
      '[href*="creditdetail.htm"]', // docs §3c: the tag links the credit page
    ],
    // The card's labels (badge words among them count for the card's supplier).
    cardTags: [
      '.service-text-tag', // docs §3c (a.service-text-tag title="深度验商"; any element here), e2e search page
      '.promotion-text-tag', // docs §3c (span.promotion-text-tag "包邮"), e2e search page
      '.offer-tag', // GUESS
      '.desc-text', // GUESS (2024-26 cards put labels in desc-text)
    ],
    // Minimum order text "≥2件" (docs §3c: .deal-num).
    cardMoq: [
      '.deal-num', // docs §3c, e2e search page
      '.offer-moq', // GUESS
    ],
  };

  // Inline scripts that carry page models (sent to the core verbatim).
  export const modelMarkers = [
    '__INIT_DATA', // G2 PC and mobile: window.__INIT_DATA={...} (mobile sometimes __INIT_DATA__)
    'window.context=', // G3 PC: window.context=(function(b,d){...})(window.contextPath,{"result":...})
    '__STORE_DATA', // G2 store header components
    'pageData', // store pages: window.pageData={components,globalData}
    'iDetailConfig', // G1 globals (obsolete, last-resort fallback for the core)
  ];

  // ---- the offer page's own review list (extension/review-flags.js) -----------
  // No real review-list markup is known (docs 1688-pages.md §4: reviews arrive
  // by mtop; the G2 module is @ali/tdmod-od-pc-offer-evaluate, slot "comment").
  // Every group below is a GUESS except the data attributes, which are what the
  // e2e review fixtures carry (e2e/review-pages.mjs). Items are filtered in
  // code: wrappers holding several matches and matches inside another are dropped.
  Object.assign(selectors, {
    // The review module / list container: watched for re-renders (paging, tabs).
    reviewList: [
      '[data-review-list]', // e2e review pages
      '.od-pc-offer-evaluate', // GUESS: G2 module class after its componentType, e2e review pages
      '[class*="offer-evaluate"]', // GUESS: same, hashed or prefixed class
      '.module-od-evaluate', // GUESS: G3 module-od-* naming
      '[class*="od-evaluate"]', // GUESS
      '[class*="evaluate-list"]', // GUESS
      '[class*="comment-list"]', // GUESS
      '[class*="rate-list"]', // GUESS
    ],
    // One rendered review, inside the list container.
    reviewItem: [
      '[data-review-id]', // e2e review pages (DOM-only fixture)
      '.evaluate-item', // GUESS, e2e review pages
      '.comment-item', // GUESS
      '.rate-item', // GUESS
      '.review-item', // GUESS
      '[class*="evaluate-item"]', // GUESS: hashed class (CSS modules)
      '[class*="evaluateItem"]', // GUESS
      '[class*="comment-item"]', // GUESS
      '[class*="commentItem"]', // GUESS
    ],
    // Inside an item: the review text.
    reviewText: [
      '[data-review-text]', // e2e review pages (DOM-only fixture)
      '.evaluate-content', // GUESS, e2e review pages
      '[class*="evaluate-content"]', // GUESS
      '[class*="comment-content"]', // GUESS
      '[class*="rate-content"]', // GUESS
      '[class*="content"]', // GUESS
    ],
    // Inside an item: the masked buyer nick ("t**8").
    reviewNick: [
      '[data-review-nick]', // e2e review pages (DOM-only fixture)
      '.user-nick', // GUESS, e2e review pages
      '[class*="nick"]', // GUESS
      '[class*="user-name"]', // GUESS
      '[class*="userName"]', // GUESS
      '[class*="buyer-name"]', // GUESS
    ],
    // Inside an item: the review date ("2026-11-16", "2026.11.16", "2026年11月16日").
    reviewDate: [
      '[data-review-date]', // e2e review pages (DOM-only fixture)
      '.evaluate-date', // GUESS, e2e review pages
      'time', // GUESS
      '[class*="date"]', // GUESS
      '[class*="time"]', // GUESS
    ],
    // Inside an item: the stars ("★★★★☆", "5星", class "star-4", style "width: 80%").
    reviewStars: [
      '[data-review-stars]', // e2e review pages (DOM-only fixture)
      '.evaluate-star', // GUESS, e2e review pages
      '[class*="star"]', // GUESS
    ],
    // Inside an item: the variant bought ("颜色:黑色;尺码:XL").
    reviewSpec: [
      '[data-review-spec]', // e2e review pages (DOM-only fixture)
      '.evaluate-sku', // GUESS, e2e review pages
      '[class*="sku"]', // GUESS
      '[class*="spec"]', // GUESS
    ],
    // Inside an item: the quantity bought ("100件", "数量: 2").
    reviewQuantity: [
      '[data-review-quantity]', // e2e review pages (DOM-only fixture)
      '.evaluate-quantity', // GUESS, e2e review pages
      '[class*="quantity"]', // GUESS
    ],
    // Inside an item: the buyer's photos.
    reviewImages: [
      '[class*="pic"] img', // GUESS
      '[class*="image"] img', // GUESS
      '[class*="photo"] img', // GUESS
    ],
  });
  // Item attributes that carry a review id (never a generic data-id: it may be anything).
  export const reviewIdAttrs = [
    'data-review-id', // e2e review pages (DOM-only fixture)
    'data-rate-id', // GUESS
    'data-rateid', // GUESS
  ];

  /**
   * Whether the browser translated this page. Chrome marks the root
   * <html class="translated-ltr"> (translated-rtl for right-to-left
   * languages) and wraps each translated run in <font style="vertical-align:
   * inherit;"> (real capture: offer 983002962097 translated to Turkish, public
   * repository tilbehome/tedarikapp). The text is then in the buyer's language:
   * no Chinese label matches, and a translated name is not the seller's. Model
   * scripts and captured responses stay Chinese and are still read.
   */
  export const isTranslated = () => {
    const cl = document.documentElement?.classList;
    if (cl && (cl.contains('translated-ltr') || cl.contains('translated-rtl'))) return true;
    return document.querySelector('font[style*="vertical-align: inherit"]') !== null;
  };

  /** Every element matching the named group's selectors, in document order, without duplicates. */
  export const queryAll = (name, root = document) => {
    const sels = selectors[name] ?? [];
    return sels.length ? [...root.querySelectorAll(sels.join(','))] : [];
  };

  /** First element matching any selector of the named group, or null. */
  export const query = (name, root = document) => {
    for (const sel of selectors[name] ?? []) {
      const el = root.querySelector(sel);
      if (el) return el;
    }
    return null;
  };
