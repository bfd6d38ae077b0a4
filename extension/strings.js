// Bilingual UI text shown on 1688 pages and in the popup: English first, with
// the Chinese the buyer will meet on the page. (The browser-locale strings of
// the extension's own chrome - name, options page, toolbar title - live in
// _locales/.) Loaded by the content scripts and by popup.html.
import { uiLang, zhFirst } from './settings.js';
import * as vocab from './vocab.js';

  export const levels = {
    'high-risk': { en: 'High risk', zh: '高风险', glyph: '⚠', short: 'RISK' },
    caution: { en: 'Caution', zh: '谨慎', glyph: '!', short: 'WARN' },
    trusted: { en: 'Trusted', zh: '可信', glyph: '✓', short: 'OK' },
    unknown: { en: 'Unknown', zh: '未知', glyph: '?', short: '?' },
  };

  export const severities = {
    high: { en: 'High', zh: '高' },
    medium: { en: 'Medium', zh: '中' },
    low: { en: 'Low', zh: '低' },
    info: { en: 'Info', zh: '提示' },
    positive: { en: 'Good sign', zh: '正面' },
  };
  export const severityRank = { high: 0, medium: 1, low: 2, info: 3, positive: 4 };

  // Badge ids from docs/verdict.md: what each means and what it does NOT prove (extension/vocab.js, from internal/page).
  export const badges = Object.fromEntries(vocab.badges.map((b) => [b.id, b]));

  // orderAdvice.tone from the core (docs/verdict.md), mildest first.
  export const tones = {
    ok: { en: 'This amount fits the supplier’s record', zh: '该金额与店铺记录相符' },
    careful: { en: 'Be careful with this amount', zh: '该金额需谨慎' },
    strong: { en: 'Too much for this supplier’s record', zh: '金额超出该店铺记录' },
    stop: { en: 'Do not send money to this supplier yet', zh: '暂勿向该供应商付款' },
  };

  // The buyer's checklist (per supplier), from the buyer's guide
  // (the guide to avoiding scams on 1688, steps 1-4): label and one-line why.
  export const checklist = [
    {
      id: 'samples', en: 'Samples tested', zh: '样品已测试',
      why: { en: 'Always get samples before a bulk order: they show the real quality.', zh: '批量下单前务必拿样品，才能看到真实质量。' },
    },
    {
      id: 'reports', en: 'Test reports received (CE/FCC/GB/T)', zh: '已收到检测报告（CE/FCC/GB/T）',
      why: { en: 'No test reports means a higher risk.', zh: '没有检测报告，风险更高。' },
    },
    {
      id: 'video', en: 'Video call or factory visit', zh: '视频看厂或实地验厂',
      why: { en: 'Sellers who will not show you their factory are likely just trading companies.', zh: '不肯让您看工厂的卖家很可能只是贸易公司。' },
    },
    {
      id: 'contract', en: 'Contract with e-signature', zh: '电子签章采购合同',
      why: { en: "1688's contract fixes delivery dates, specifications, after-sales terms and penalties.", zh: '1688在线合同写明交期、规格、售后和违约条款。' },
    },
    {
      id: 'inspection', en: 'Third-party inspection (e.g. Bureau Veritas, Intertek)', zh: '第三方验货（如必维、天祥）',
      why: { en: 'An independent surveyor checks quality and quantity before shipment.', zh: '独立检验机构在出货前核查质量和数量。' },
    },
    {
      id: 'tracking', en: 'Verified carrier tracking (e.g. Cainiao, SF Express)', zh: '可查询的正规物流单号（如菜鸟、顺丰）',
      why: { en: '"Dedicated line" and internal tracking numbers are often fake.', zh: '“专线”和内部单号常常是假的。' },
    },
    {
      id: 'export', en: 'Export documents (invoice, packing list, export declaration)', zh: '出口单据（发票、装箱单、报关单）',
      why: { en: 'Missing papers cause trouble at customs.', zh: '单据不全会导致清关受阻。' },
    },
  ];

  // The one address the overlay links to: the official company register, opened
  // by the buyer's click in a new tab (never requested by the extension).
  export const links = {
    gsxt: 'https://www.gsxt.gov.cn/',
  };

  // Names of remembered facts (verdict.facts fields), for "… from the page you visited on …".
  export const factNames = {
    storeAgeYears: { en: 'Store age', zh: '店铺年限' },
    founded: { en: 'Founding date', zh: '成立时间' },
    businessModel: { en: 'Business model', zh: '经营模式' },
    licenceCompany: { en: 'Licence company name', zh: '执照公司名称' },
    licenceFounded: { en: 'Licence founding date', zh: '执照成立日期' },
    badges: { en: 'Badges', zh: '认证标志' },
  };

  export const text = {
    plannedOrder: { en: 'Planned order', zh: '计划订单金额' },
    amount: { en: 'Amount', zh: '金额' },
    currency: { en: 'Currency', zh: '币种' },
    getAdvice: { en: 'Get payment advice', zh: '获取付款建议' },
    clearOrder: { en: 'Clear', zh: '清除' },
    amountInvalid: { en: 'Enter an amount above 0.', zh: '请输入大于0的金额。' },
    orderHint: { en: 'Type what you plan to pay: TrustLens says how to pay this supplier safely.', zh: '输入您计划支付的金额，TrustLens 会告诉您如何安全付款。' },
    ceilingSamples: { en: 'This record supports: samples only', zh: '店铺记录仅支持：先拿样品' },
    ceilingUpTo: { en: 'This record supports a first order up to', zh: '店铺记录支持的首单上限' },
    checking: { en: 'Checking…', zh: '检查中…' },
    waitingStoreAge: { en: 'waiting for the store card (store age)', zh: '等待店铺卡片（店铺年限）' },
    waitingReviews: { en: 'waiting for the review pages this page is loading', zh: '等待本页正在加载的评价' },
    waitingPage: { en: 'waiting for the page to finish loading', zh: '等待页面加载完成' },
    waitingShort: { 'store-age': { en: 'store age', zh: '店铺年限' }, reviews: { en: 'reviews', zh: '评价' }, page: { en: 'page', zh: '页面' } },
    changedFrom: { en: 'Changed from', zh: '已从此结论变更：' },
    wasLevel: { en: 'was', zh: '原为' },
    showMore: { en: 'Show more: supplier, order advice, checklist', zh: '更多：供应商、下单建议、核查清单' },
    showLess: { en: 'Show less', zh: '收起' },
    moreWarnings: { en: 'more warnings', zh: '条更多风险提示' },
    source: { en: 'Technical source', zh: '技术来源' },
    topActions: { en: 'What to do', zh: '建议操作' },
    newWarning: { en: 'new warning', zh: '新风险提示' },
    noLonger: { en: 'no longer', zh: '不再' },
    storeAgeRead: { en: 'store age read', zh: '已读取店铺年限' },
    score: { en: 'Score', zh: '评分' },
    supplier: { en: 'Supplier', zh: '供应商' },
    storeAge: { en: 'On 1688', zh: '入驻' },
    storeAgeUnknown: { en: 'Store age unknown', zh: '店铺年限未知' },
    offer: { en: 'Offer', zh: '商品' },
    moq: { en: 'MOQ', zh: '起订量' },
    sales: { en: 'Sales', zh: '销量' },
    badges: { en: 'Badges', zh: '认证标志' },
    noBadges: { en: 'No platform badges found on this page.', zh: '本页未发现平台认证标志。' },
    findings: { en: 'Warnings', zh: '风险提示' },
    noFindings: { en: 'No warnings from the data this page carried.', zh: '根据本页数据未发现风险提示。' },
    positives: { en: 'Positive signals', zh: '正面信号' },
    notes: { en: "Couldn't read", zh: '未能读取' },
    evidence: { en: 'Evidence', zh: '证据' },
    advice: { en: 'What to do', zh: '建议' },
    doesNotProve: { en: 'Does not prove', zh: '不能证明' },
    unreadableTitle: { en: 'Could not read this page', zh: '无法读取此页面' },
    unreadableBody: {
      en: 'TrustLens found no supplier data it can read here. Treat this supplier as unknown: this is not a clean result.',
      zh: 'TrustLens 在此页面未找到可读取的供应商数据。请将该供应商视为未知，这不代表没有风险。',
    },
    coreFailedTitle: { en: 'TrustLens core failed to load', zh: 'TrustLens 核心加载失败' },
    // Clicks on a panel the page made invisible or covered, and confirmations (overlay.js).
    clickIgnoredHidden: {
      en: 'A click was ignored: the page had hidden or covered this panel.',
      zh: '已忽略一次点击：页面隐藏或遮挡了此面板。',
    },
    confirmAsk: { en: 'Confirm:', zh: '请确认：' },
    confirmYes: { en: 'Yes, do it', zh: '确认' },
    confirmNo: { en: 'Cancel', zh: '取消' },
    coreFailedBody: {
      en: 'The analysis engine did not start, so this page was not checked. Reload the page; if it persists, reinstall the extension.',
      zh: '分析引擎未能启动，本页未经检查。请刷新页面；如仍失败，请重新安装扩展。',
    },
    error: { en: 'Error', zh: '错误' },
    close: { en: 'Close', zh: '关闭' },
    privacy: { en: 'Checked on your computer. Nothing is sent anywhere.', zh: '在您的电脑上检查，不发送任何数据。' },
    openOffer: { en: 'Open a 1688 offer page or store page to see its check.', zh: '请打开一个1688商品或店铺页面查看检查结果。' },
    moreInPanel: { en: 'More on the page: click the TrustLens badge.', zh: '更多内容：点击页面上的 TrustLens 标记。' },
    noAccessTitle: { en: 'TrustLens cannot read 1688 pages', zh: 'TrustLens 无法读取1688页面' },
    noAccessBody: {
      en: 'Your browser has not allowed TrustLens on 1688.com, so no page is checked and no badge appears.',
      zh: '浏览器尚未允许 TrustLens 访问1688.com，因此不会检查任何页面，也不会显示标记。',
    },
    noAccessButton: { en: 'Allow on 1688.com', zh: '允许访问1688.com' },
    noAccessRefused: { en: 'Not allowed. TrustLens stays off on 1688 until you allow it.', zh: '未允许。在您允许之前，TrustLens 不会在1688上运行。' },
    accessGranted: { en: 'Allowed. 1688 pages are checked from now on.', zh: '已允许。从现在起将检查1688页面。' },
    checklist: { en: "Buyer's checklist", zh: '买家核对清单' },
    checklistHint: { en: 'Tick what you have done with this supplier. Kept on this computer only.', zh: '勾选您已与该供应商完成的事项，仅保存在本机。' },
    licenceCheck: { en: 'Check the business licence', zh: '核验营业执照' },
    licenceIntro: {
      en: 'Compare the name, registered capital, business scope and founding date with the official register.',
      zh: '在官方系统中核对公司名称、注册资本、经营范围和成立日期。',
    },
    licenceButton: {
      en: 'Check the licence in the National Enterprise Credit Information Publicity System',
      zh: '国家企业信用信息公示系统',
    },
    licenceName: { en: 'Company name to search', zh: '要搜索的公司名称' },
    licenceCopied: { en: 'Company name copied — paste it into the search box', zh: '已复制公司名称，请粘贴到搜索框' },
    licenceCopyManual: {
      en: 'Copy the company name above (Ctrl+C or ⌘C), then paste it into the search box',
      zh: '请复制上方的公司名称（Ctrl+C 或 ⌘C），然后粘贴到搜索框',
    },
    opensNewTab: { en: '(opens in a new tab)', zh: '（在新标签页打开）' },
  };

  /** "3 of 7 done" */
  export const checklistProgress = (done, total) => ({ en: `${done} of ${total} done`, zh: `已完成 ${done}/${total}` });

  // Reviews: the flag on a suspicious review in the page's own list
  // (review-flags.js) and the panel's "Reviews" section (review-panel.js).
  export const reviewText = {
    section: { en: 'Reviews', zh: '评价' },
    flag: { en: 'Suspicious review', zh: '可疑评价' },
    flagWhy: { en: 'Why TrustLens flags it', zh: 'TrustLens 标记原因' },
    tooFew: { en: 'Too few reviews to judge', zh: '评价太少，无法判断' },
    groups: { en: 'What looks planted', zh: '疑似刷评' },
    moreGroups: (n) => ({ en: `and ${n} more`, zh: `另有 ${n} 组` }),
    // Names of the verdict's review groups (reviews.groups[].detector).
    detectors: {
      'review-near-duplicate': { en: 'Near-identical texts', zh: '雷同评价' },
      'review-burst': { en: 'Burst of reviews', zh: '集中评价' },
      'review-repeat-reviewer': { en: 'Repeat buyer', zh: '重复买家' },
      'review-generic': { en: 'Empty or template reviews', zh: '默认或模板评价' },
      'review-rating-skew': { en: 'Implausible five-star share', zh: '五星比例异常' },
      'reviews-vs-sales': { en: 'More reviews than sales', zh: '评价多于销量' },
    },
    groupSize: (n) => ({ en: `${n} ${n === 1 ? 'review' : 'reviews'}`, zh: `${n}条` }),
  };
  /** "Rating shown on the page: 4.6 (425 reviews)" and the rating without the suspicious reviews. */
  export const reviewRatings = {
    page: (r, n) => ({ en: `Rating shown on the page: ${r}${n == null ? '' : ` (${n} reviews)`}`, zh: `页面显示评分：${r}${n == null ? '' : `（${n}条评价）`}` }),
    raw: (r, n) => ({ en: `Rating of the ${n} reviews read: ${r}`, zh: `已读取的${n}条评价评分：${r}` }),
    adjusted: (r, n) => ({ en: `Without suspicious and system-default reviews: ${r} (${n} reviews)`, zh: `去除可疑及系统默认评价后：${r}（${n}条评价）` }),
    // When the verdict does not say how many reviews the adjusted rating rests on.
    adjustedOf: (r, total, sus) => ({
      en: `Without the ${sus} suspicious and any system-default reviews: ${r} (of the ${total} read)`,
      zh: `去除${sus}条可疑及系统默认评价后：${r}（共读取${total}条）`,
    }),
  };

  /**
   * Where remembered values came from: "Store age from the store page you
   * visited on 2026-11-24", "Founding date, badges from the store page you
   * visited on …"; sameAsAbove: "Also from that page: founding date, badges".
   * kind: "store" or "offer" (the page they were seen on). The date is the UTC
   * day, as in the core's evidence ("remembered from … (date)").
   */
  export const rememberedFrom = (fields, kind, at, sameAsAbove = false) => {
    const names = fields.map((f) => own(factNames, f) ?? { en: f, zh: f });
    const en = names.map((n, i) => (i === 0 && !sameAsAbove ? n.en : n.en.toLowerCase())).join(', ');
    const zh = names.map((n) => n.zh).join('、');
    if (sameAsAbove) return { en: `Also from that page: ${en}`, zh: `同一页面还提供了：${zh}` };
    const date = Number.isFinite(at) ? new Date(at).toISOString().slice(0, 10) : '?';
    const page = kind === 'offer' ? { en: 'offer', zh: '商品' } : { en: 'store', zh: '店铺' };
    return {
      en: `${en} from the ${page.en} page you visited on ${date}`,
      zh: `${zh}来自您于 ${date} 访问的${page.zh}页面`,
    };
  };

  /**
   * Remembered facts the core did not use (verdict.memory.notUsed,
   * .conflicts), in the buyer's words: "Remembered from your visit on 3 Dec:
   * store age 11 years — not used: …". seen: {field, value, url, at}; kind:
   * the page it was seen on ("store" or "offer"). For a conflict, used is
   * where the value shown came from ({value, at, proves}), when known.
   */
  export const memoryNotUsed = (seen, kind) => {
    const page = kind === 'offer' ? { en: 'that offer page', zh: '那个商品页面' } : { en: 'that page', zh: '那个页面' };
    return memoryLine(seen, {
      en: `${page.en} does not prove it is this supplier's, and it would make the supplier look better`,
      zh: `${page.zh}无法证明属于该供应商，且会让该供应商显得更可靠`,
    });
  };
  export const memoryConflict = (seen, used) => {
    const v = used?.value ? factValue(seen.field, used.value) : null;
    let why;
    if (!v) why = { en: 'another remembered page says otherwise', zh: '另一个记住的页面说法不同' };
    else if (used.proves) {
      const d = visitDay(used.at);
      why = { en: `the supplier's own store page (visited ${d.en}) says ${v.en}`, zh: `该供应商自己的店铺页面（${d.zh}访问）显示 ${v.zh}` };
    } else why = { en: `shown instead: ${v.en}`, zh: `改为显示 ${v.zh}` };
    return memoryLine(seen, why);
  };
  function memoryLine(seen, why) {
    const d = visitDay(seen.at);
    const name = own(factNames, seen.field) ?? { en: seen.field, zh: seen.field };
    const v = factValue(seen.field, seen.value);
    return {
      en: `Remembered from your visit on ${d.en}: ${name.en.toLowerCase()} ${v.en} — not used: ${why.en}`,
      zh: `您${d.zh}访问时记下：${name.zh} ${v.zh}——未采用：${why.zh}`,
    };
  }
  /** A remembered value as text: "11 years", badge names, else the text as the page had it. */
  function factValue(field, value) {
    const text = String(value ?? '');
    if (field === 'storeAgeYears' && /^\d{1,3}$/.test(text)) {
      const n = Number(text);
      return { en: `${n} ${n === 1 ? 'year' : 'years'}`, zh: `${n} 年` };
    }
    if (field === 'badges') {
      const names = text.split(' ').filter(Boolean).map((id) => own(badges, id) ?? { en: id, zh: id });
      return { en: names.map((b) => b.en).join(', '), zh: names.map((b) => b.zh).join('、') };
    }
    return { en: `"${text}"`, zh: `“${text}”` };
  }
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  /** "3 Dec" / "12月3日" (the UTC day; with the year when it is not this year's), "?" when unknown. */
  function visitDay(at) {
    if (!Number.isFinite(at)) return { en: '?', zh: '?' };
    const d = new Date(at);
    const y = d.getUTCFullYear() === new Date().getUTCFullYear() ? null : d.getUTCFullYear();
    return {
      en: `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}${y ? ` ${y}` : ''}`,
      zh: `${y ? `${y}年` : ''}${d.getUTCMonth() + 1}月${d.getUTCDate()}日`,
    };
  }

  /** "1 yr", "11 yrs", or "?" when unknown. */
  export const formatYears = (n) => (Number.isFinite(n) ? `${n} ${n === 1 ? 'yr' : 'yrs'}` : '?');
  /** "2 yrs" / "2年" / "?" in the current language order (a card badge, the page badge). */
  export const yearsText = (n) => (zhFirst ? (Number.isFinite(n) ? `${n}年` : '?') : formatYears(n));
  /** Score as shown on the badge; an en dash when unknown. */
  export const formatScore = (n) => (Number.isFinite(n) ? String(Math.round(n)) : '–');
  /** When an earlier visit was: "14:02" today, else "5 Dec 14:02" (zh: "12月5日 14:02"). */
  export const visitTime = (at) => {
    const d = new Date(at);
    const hm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    if (d.toDateString() === new Date().toDateString()) return hm;
    return uiLang === 'zh' ? `${d.getMonth() + 1}月${d.getDate()}日 ${hm}` : `${d.getDate()} ${d.toLocaleString('en', { month: 'short' })} ${hm}`;
  };
  /** obj[key] only for the object's own entries (never the prototype's, e.g. "constructor"). */
  export const own = (obj, key) => (typeof key === 'string' && Object.hasOwn(obj, key) ? obj[key] : undefined);
  /** Level entry for any value, "unknown" for anything unexpected. */
  export const level = (id) => own(levels, id) ?? levels.unknown;

  // Search and list pages (search.js), the buyer's supplier list and the
  // supplier report in the panel (panel-extras.js, report.js).
  Object.assign(text, {
    tooCheap: { en: 'Too cheap?', zh: '价格异常低' },
    blockedByYou: { en: 'Blocked by you', zh: '您已屏蔽' },
    trustedByYou: { en: 'Trusted by you', zh: '您已信任' },
    teamBlockedCard: { en: 'Team: blocked', zh: '团队已拉黑' },
    teamTrustedCard: { en: 'Team: trusted', zh: '团队已信任' },
    teamNoteCard: { en: 'Team note', zh: '团队备注' },
    yourRating: { en: 'Your rating', zh: '您的评分' },
    yourNote: { en: 'Your note', zh: '您的备注' },
    cardOpenOffer: { en: 'Open the offer page for the full check.', zh: '打开商品页面查看完整检查。' },
    cardsChecking: { en: 'checking the results…', zh: '正在检查搜索结果…' },
    cardsNone: { en: 'no result cards found yet', zh: '尚未找到搜索结果' },
    cardsFailed: { en: 'the results could not be checked', zh: '无法检查搜索结果' },
    resultCards: { en: 'Results on this page', zh: '本页搜索结果' },
    yourList: { en: 'Your supplier list', zh: '我的供应商名单' },
    listHint: {
      en: 'Kept on this computer only. A supplier you block is shown as high risk on all its pages and dimmed in search results.',
      zh: '仅保存在本机。被您屏蔽的供应商在其所有页面显示为高风险，并在搜索结果中变暗。',
    },
    listTrustHint: {
      en: 'Trust is your own mark: the check still shows only what the evidence supports.',
      zh: '“信任”只是您的标记：检查结果仍只以证据为准。',
    },
    listNoMember: {
      en: "This page does not show the supplier's member id, so it cannot go on your list here. Open its store or offer page.",
      zh: '本页未显示该供应商的会员ID，无法在此加入名单。请打开其店铺或商品页面。',
    },
    listAction: { en: 'Mark', zh: '标记' },
    actionNone: { en: 'No mark', zh: '不标记' },
    actionTrust: { en: 'Trust', zh: '信任' },
    actionBlock: { en: 'Block', zh: '屏蔽' },
    rating: { en: 'Rating (1-5)', zh: '评分（1-5）' },
    ratingNone: { en: 'No rating', zh: '不评分' },
    note: { en: 'Note (why)', zh: '备注（原因）' },
    saveEntry: { en: 'Save to my list', zh: '保存到名单' },
    entrySaved: { en: 'Saved to your list.', zh: '已保存到名单。' },
    entryFailed: { en: 'Could not save:', zh: '保存失败：' },
    report: { en: 'Supplier report', zh: '供应商报告' },
    reportHint: {
      en: 'The verdict with its evidence, your checklist and your notes, as a file you keep (Markdown to read, JSON for tools).',
      zh: '包含结论及证据、您的核对清单和备注的文件（Markdown 便于阅读，JSON 便于工具处理）。',
    },
    reportMarkdown: { en: 'Download report (Markdown)', zh: '下载报告（Markdown）' },
    reportJSON: { en: 'Download report (JSON)', zh: '下载报告（JSON）' },
  });

  /** The options' minimum store age on a page whose store age is unknown. */
  export const minAgeNote = (min) => ({ en: `Store age unknown: it cannot be checked against your minimum of ${min} years (options).`, zh: `店铺年限未知，无法与您设定的最低${min}年比较（见设置）。` });

  /** "60 cards: 2 high risk, 21 caution, 37 trusted · 1 too cheap · 1 blocked by you" */
  export const cardsSummary = (n) => {
    const en = [`${n.total} ${n.total === 1 ? 'card' : 'cards'}: ${n['high-risk']} high risk, ${n.caution} caution, ${n.trusted} trusted, ${n.unknown} unknown`];
    const zh = [`${n.total}个结果：高风险${n['high-risk']}，谨慎${n.caution}，可信${n.trusted}，未知${n.unknown}`];
    if (n.cheap) { en.push(`${n.cheap} too cheap?`); zh.push(`价格异常低${n.cheap}`); }
    if (n.blocked) { en.push(`${n.blocked} blocked by you`); zh.push(`已屏蔽${n.blocked}`); }
    return { en: en.join(' · '), zh: zh.join(' · ') };
  };
