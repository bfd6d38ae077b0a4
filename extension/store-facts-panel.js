// The panel's store sections (view.js calls storeFactsBlocks when it is
// loaded): on a store page, the business licence as the page showed it
// (holder, founding date, registered capital, credit code, scope …) with
// the check of its name against the store's, and what the factory card or
// profile says of the factory (business model, area, staff, export orders).
// Values come from the verdict's storeFacts (internal/core/storefacts.go);
// each row's source is in its tooltip. Text nodes only.
import * as dom from './dom.js';
import { el } from './dom.js';
import { pairText } from './settings.js';
import { isPlain, str } from './values.js';

  // Row labels by storeFacts key, English then the label 1688 uses.
  const LICENCE = {
    company: { en: 'Company', zh: '公司名称' },
    creditCode: { en: 'Credit code', zh: '统一社会信用代码' },
    founded: { en: 'Founded', zh: '成立日期' },
    regCapital: { en: 'Registered capital', zh: '注册资本' },
    legalRep: { en: 'Legal representative', zh: '法定代表人' },
    companyType: { en: 'Company type', zh: '企业类型' },
    regAuthority: { en: 'Registered at', zh: '登记机关' },
    term: { en: 'Term', zh: '营业期限' },
    address: { en: 'Registered address', zh: '注册地址' },
    scope: { en: 'Business scope', zh: '经营范围' },
    verifiedBy: { en: 'Verified by', zh: '认证机构' },
    verifiedAt: { en: 'Verified on', zh: '认证日期' },
  };
  const FACTORY = {
    businessModel: { en: 'Business model', zh: '经营模式' },
    founded: { en: 'Founded (as the store says)', zh: '成立时间' },
    area: { en: 'Factory area', zh: '厂房面积' },
    employees: { en: 'Staff', zh: '员工人数' },
    exportSupport: { en: 'Takes export orders', zh: '接外贸订单' },
    address: { en: 'Address', zh: '地址' },
    mainCategory: { en: 'Main category', zh: '主营' },
  };
  const T = {
    licence: { en: 'Business licence (as this page shows it)', zh: '营业执照（本页所示）' },
    factory: { en: 'Factory and business (as this page shows it)', zh: '工厂与经营信息（本页所示）' },
    matches: { en: 'Licence name matches the store’s name', zh: '执照名称与店铺名称一致' },
    differs: { en: 'Licence names a different company than the store — see the warning above', zh: '执照公司与店铺不符，见上方警告' },
    unchecked: { en: 'Name not checked: open the store’s home page first so TrustLens knows the store’s own name', zh: '未核对名称：请先打开店铺首页' },
    yes: { en: 'yes', zh: '支持' },
    no: { en: 'no', zh: '不支持' },
  };

  /** A label in the panel language (dom.js bi). */
  const bi = (pair, showZh, tag = 'span', cls = 'bi') => dom.bi(pair, showZh, tag, {}, cls);

  /** A <dl> of the facts whose key has a label, in the labels' order. */
  function factList(facts, labels, showZh, kind) {
    const byKey = new Map();
    for (const f of Array.isArray(facts) ? facts : []) {
      if (isPlain(f) && str(f.key) && str(f.value) && Object.hasOwn(labels, f.key) && !byKey.has(f.key)) byKey.set(f.key, f);
    }
    if (!byKey.size) return null;
    const dl = el('dl', { class: 'store-facts', attrs: { [`data-${kind}`]: '' } });
    for (const key of Object.keys(labels)) {
      const f = byKey.get(key);
      if (!f) continue;
      let value = f.value;
      if (key === 'exportSupport') value = pairText(f.value === 'yes' ? T.yes : T.no);
      dl.append(
        el('dt', {}, bi(labels[key], showZh)),
        el('dd', { text: value, attrs: { 'data-fact': key, title: str(f.source) ?? '' } }),
      );
    }
    return dl;
  }

  /** The store sections for a verdict ([] when it carries no storeFacts). */
  export const storeFactsBlocks = (v, showZh) => {
    const sf = v?.storeFacts;
    if (!isPlain(sf)) return [];
    const out = [];
    const licence = factList(sf.licence, LICENCE, showZh, 'licence-facts');
    if (licence) {
      const check = sf.nameMatchesStore === true ? ['match', '✓', T.matches] : sf.nameMatchesStore === false ? ['mismatch', '✗', T.differs] : ['unchecked', '?', T.unchecked];
      out.push(el('section', { class: 'sec licence-facts' }, bi(T.licence, showZh, 'h3'), licence,
        el('p', { class: 'licence-check', attrs: { 'data-licence-check': check[0] } },
          el('span', { text: check[1], attrs: { 'aria-hidden': 'true' } }), ' ', bi(check[2], showZh))));
    }
    const factory = factList(sf.factory, FACTORY, showZh, 'factory-facts');
    if (factory) out.push(el('section', { class: 'sec factory-facts' }, bi(T.factory, showZh, 'h3'), factory));
    return out;
  };

  // The sections' own styles, added to the overlay's sheet (as review-panel.js does).
  export const css = `
.store-facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15em 0.6em; margin: 0.3em 0; }
.store-facts dt { color: #4b5563; }
.store-facts dd { margin: 0; overflow-wrap: anywhere; }
.licence-check { margin: 0.3em 0; font-weight: 600; }
`;
