// Generated from internal/vocab (UPDATE_DOCS=1 go test ./internal/vocab/): do not edit.
// The vocabulary the Go core and the extension share: caps, the member-id
// pattern, page kinds, levels, severities, badges, rule ids and roles.
/** @template T @param {T} o @returns {Readonly<T>} */
const deepFreeze = (o) => { Object.values(o).forEach((v) => { if (v && typeof v === 'object') deepFreeze(v); }); return Object.freeze(o); };

export const limits = deepFreeze({
  "urlChars": 4096,
  "scripts": 64,
  "scriptChars": 4194304,
  "scriptsChars": 8388608,
  "responses": 1000,
  "responseChars": 2097152,
  "responsesChars": 16777216,
  "domFragments": 64,
  "domChars": 262144,
  "domBytes": 262144,
  "offerTitles": 200,
  "offerTitleChars": 300,
  "cards": 200
});

export const memberId = "^(?:a-)?b2b-[0-9A-Za-z]{1,40}$";

export const memberIdIn = "(?:a-)?b2b-[0-9A-Za-z]{6,40}";

export const kinds = deepFreeze([
  "offer",
  "store",
  "search",
  "unknown"
]);

export const storePages = deepFreeze([
  "home",
  "credit",
  "contact",
  "licence",
  "factory-card",
  "offer-list"
]);

export const levels = deepFreeze([
  "high-risk",
  "caution",
  "trusted",
  "unknown"
]);

export const severities = deepFreeze([
  "high",
  "medium",
  "low",
  "info",
  "positive"
]);

export const badges = deepFreeze([
  {
    "id": "super-factory",
    "en": "Super Factory",
    "zh": "超级工厂",
    "phrase": "Super Factory",
    "means": "1688's top factory tier, with verified production capacity.",
    "notProof": "Does not prove this listing is made there or that quality is checked per order."
  },
  {
    "id": "powerful-factory",
    "en": "Powerful Factory",
    "zh": "实力工厂",
    "phrase": "Powerful Factory",
    "means": "Factory membership with verified production facilities.",
    "notProof": "Does not prove product quality or compliance for your market."
  },
  {
    "id": "deep-factory-audit",
    "en": "Deep Factory Audit",
    "zh": "深度验厂",
    "phrase": "factory audited on site",
    "means": "A third-party inspector visited the factory.",
    "notProof": "Does not prove the audit is recent or covers this product."
  },
  {
    "id": "deep-merchant-audit",
    "en": "Deep Merchant Audit",
    "zh": "深度验商",
    "phrase": "merchant audited on site",
    "means": "A third party checked the company's registration and premises.",
    "notProof": "Does not prove it makes the goods: it may be a trader."
  },
  {
    "id": "powerful-merchant",
    "en": "Powerful Merchant",
    "zh": "实力商家",
    "phrase": "Powerful Merchant",
    "means": "Higher-tier paid membership with extra checks of the company.",
    "notProof": "Does not prove it owns a factory or that this product meets your standard."
  },
  {
    "id": "brand-authorization",
    "en": "Brand Authorization",
    "zh": "品牌授权",
    "phrase": "own licensable brand",
    "means": "The seller says it can license its own brand.",
    "notProof": "Does not prove it is authorised for any other brand shown."
  },
  {
    "id": "trustpass",
    "en": "TrustPass",
    "zh": "诚信通",
    "phrase": "TrustPass",
    "means": "Paid 1688 membership; the business registration was checked once.",
    "notProof": "Does not prove the goods are good or the seller is honest: any registered business can buy it."
  }
]);

export const rules = deepFreeze([
  {
    "id": "page-unreadable",
    "severity": "info",
    "scope": "page"
  },
  {
    "id": "store-age-new",
    "severity": "high",
    "scope": "supplier",
    "storeAge": true,
    "action": "samples"
  },
  {
    "id": "store-age-young",
    "severity": "medium",
    "scope": "supplier",
    "storeAge": true,
    "action": "samples"
  },
  {
    "id": "store-age-established",
    "severity": "positive",
    "scope": "supplier",
    "storeAge": true
  },
  {
    "id": "store-age-below-minimum",
    "severity": "medium",
    "scope": "supplier",
    "preference": true,
    "storeAge": true,
    "action": "samples"
  },
  {
    "id": "payment-off-platform",
    "severity": "high",
    "scope": "supplier",
    "action": "escrow"
  },
  {
    "id": "upfront-full-payment",
    "severity": "medium",
    "scope": "supplier",
    "action": "no-full-pay"
  },
  {
    "id": "logistics-dedicated-line",
    "severity": "medium",
    "scope": "supplier",
    "action": "tracking"
  },
  {
    "id": "certs-missing",
    "severity": "info",
    "scope": "supplier"
  },
  {
    "id": "factory-claim-unverified",
    "severity": "medium",
    "scope": "supplier",
    "action": "inspection"
  },
  {
    "id": "licence-mismatch",
    "severity": "high",
    "scope": "supplier",
    "action": "licence"
  },
  {
    "id": "licence-young-company",
    "severity": "medium",
    "scope": "supplier",
    "action": "licence"
  },
  {
    "id": "factory-address-withheld",
    "severity": "medium",
    "scope": "supplier",
    "action": "inspection"
  },
  {
    "id": "export-not-supported",
    "severity": "low",
    "scope": "supplier"
  },
  {
    "id": "moq-above-trial",
    "severity": "info",
    "scope": "supplier"
  },
  {
    "id": "low-repurchase-rate",
    "severity": "low",
    "scope": "supplier"
  },
  {
    "id": "high-dispute-rate",
    "severity": "medium",
    "scope": "supplier"
  },
  {
    "id": "low-service-score",
    "severity": "medium",
    "scope": "supplier"
  },
  {
    "id": "review-near-duplicate",
    "severity": "medium",
    "scope": "supplier"
  },
  {
    "id": "review-burst",
    "severity": "medium",
    "scope": "supplier"
  },
  {
    "id": "review-rating-skew",
    "severity": "low",
    "scope": "supplier"
  },
  {
    "id": "review-generic",
    "severity": "info",
    "scope": "supplier"
  },
  {
    "id": "review-repeat-reviewer",
    "severity": "medium",
    "scope": "supplier"
  },
  {
    "id": "reviews-vs-sales",
    "severity": "high",
    "scope": "supplier"
  },
  {
    "id": "supplier-blocked",
    "severity": "high",
    "scope": "supplier",
    "decidesUnread": true,
    "card": "blocked",
    "action": "walk-away"
  },
  {
    "id": "team-reported",
    "severity": "high",
    "scope": "supplier",
    "action": "team"
  },
  {
    "id": "price-below-history",
    "severity": "medium",
    "scope": "offer",
    "action": "ask-price"
  },
  {
    "id": "price-outlier-low",
    "severity": "medium",
    "scope": "offer",
    "card": "cheap",
    "action": "ask-price"
  },
  {
    "id": "hidden-characters",
    "severity": "medium",
    "scope": "supplier"
  },
  {
    "id": "warning-signs-combined",
    "severity": "high",
    "scope": "supplier",
    "aggregate": true,
    "action": "walk-away"
  },
  {
    "id": "order-exceeds-store-trust",
    "severity": "high",
    "scope": "order",
    "action": "samples"
  },
  {
    "id": "badge-powerful-merchant",
    "severity": "positive",
    "scope": "supplier"
  },
  {
    "id": "badge-super-factory",
    "severity": "positive",
    "scope": "supplier"
  },
  {
    "id": "badge-deep-factory-audit",
    "severity": "positive",
    "scope": "supplier"
  },
  {
    "id": "badge-deep-merchant-audit",
    "severity": "positive",
    "scope": "supplier"
  },
  {
    "id": "badge-trustpass",
    "severity": "positive",
    "scope": "supplier"
  },
  {
    "id": "badge-brand-authorization",
    "severity": "positive",
    "scope": "supplier"
  }
]);

export const ruleIds = deepFreeze({
  "badgeBrandAuthorization": "badge-brand-authorization",
  "badgeDeepFactoryAudit": "badge-deep-factory-audit",
  "badgeDeepMerchantAudit": "badge-deep-merchant-audit",
  "badgePowerfulMerchant": "badge-powerful-merchant",
  "badgeSuperFactory": "badge-super-factory",
  "badgeTrustpass": "badge-trustpass",
  "certsMissing": "certs-missing",
  "exportNotSupported": "export-not-supported",
  "factoryAddressWithheld": "factory-address-withheld",
  "factoryClaimUnverified": "factory-claim-unverified",
  "hiddenCharacters": "hidden-characters",
  "highDisputeRate": "high-dispute-rate",
  "licenceMismatch": "licence-mismatch",
  "licenceYoungCompany": "licence-young-company",
  "logisticsDedicatedLine": "logistics-dedicated-line",
  "lowRepurchaseRate": "low-repurchase-rate",
  "lowServiceScore": "low-service-score",
  "moqAboveTrial": "moq-above-trial",
  "orderExceedsStoreTrust": "order-exceeds-store-trust",
  "pageUnreadable": "page-unreadable",
  "paymentOffPlatform": "payment-off-platform",
  "priceBelowHistory": "price-below-history",
  "priceOutlierLow": "price-outlier-low",
  "reviewBurst": "review-burst",
  "reviewGeneric": "review-generic",
  "reviewNearDuplicate": "review-near-duplicate",
  "reviewRatingSkew": "review-rating-skew",
  "reviewRepeatReviewer": "review-repeat-reviewer",
  "reviewsVsSales": "reviews-vs-sales",
  "storeAgeBelowMinimum": "store-age-below-minimum",
  "storeAgeEstablished": "store-age-established",
  "storeAgeNew": "store-age-new",
  "storeAgeYoung": "store-age-young",
  "supplierBlocked": "supplier-blocked",
  "teamReported": "team-reported",
  "upfrontFullPayment": "upfront-full-payment",
  "warningSignsCombined": "warning-signs-combined"
});
