// Result cards of search and list pages: the offer search, the
// supplier search and a store's offer list. content.js calls in at four
// points: prepare() adds the "cards" DOM fragment and the buyer's list for the
// cards' members to each analysis, render() puts each card's verdict on its
// card, start() watches for new cards, refresh() re-renders after a settings
// change.
//
// Cards are found by their offer links (supplier cards by their container),
// whatever the markup (selectors.js groups are GUESSES; a card ends where its
// ancestors start holding another offer's link). New cards are caught by one
// MutationObserver, batched per animation frame; only cards never seen before
// start a (debounced) re-analysis, and a card the page re-renders gets its
// badge back from the verdict already known. No polling.
//
// The work is sliced so that 60 cards never make one long task: badges go on
// in chunks of at most CHUNK_CARDS cards, the cards in view first, with a
// yield to the browser between chunks; the cards' text is read in chunks too,
// and what a captured response holds (member ids, company names) is worked
// out once per response, not again on every analysis.
//
// Each badge lives in its own shadow root (closed in production) on a host
// inside the card: "Caution · 2 yrs · 深度验厂", "Too cheap? 价格异常低" with the
// evidence in a tooltip on hover or focus, suppliers the buyer blocked dimmed
// with the reason in words. Page strings only ever become text nodes.
import { el, sheetStyler } from './dom.js';
import { isTranslated, pages, selectors } from './selectors.js';
import { englishOnly, pairText, settingsNow, zhFirst } from './settings.js';
import { limits } from './snapshot.js';
import * as stringsMod from './strings.js';
import * as supplierList from './supplier-list.js';
import { isPlain, num, squash, str } from './values.js';
import * as vocab from './vocab.js';

  const MAX_CARDS = vocab.limits.cards;
  const MAX_TEXT = 300; // characters of one card text sent
  const MAX_TAGS = 16;
  const MAX_CLIMB = 8; // ancestors tried above an offer link
  // One synchronous chunk handles at most this many cards, and stops early
  // after CHUNK_MS; then the browser gets the main thread back (input, paint).
  const CHUNK_CARDS = 10;
  const CHUNK_MS = 8;
  const MEMBER_IN = new RegExp(`(?:^|[^0-9A-Za-z-])(${vocab.memberIdIn})(?![0-9A-Za-z])`); // a member id inside a longer text
  const MEMBER_ALL = new RegExp(vocab.memberIdIn, 'g');
  const MEMBER_WHOLE = new RegExp(`^${vocab.memberIdIn}$`);
  const OFFER_ID = /(?:detail\.1688\.com)?\/offer\/(\d{6,20})\.html|[?&]offerId=(\d{6,20})/;
  const YEARS_TEXT = /^(?:诚信通|入驻)?\s*\d{1,2}\s*年$/;
  const LEVEL_RANK = { 'high-risk': 0, caution: 1, unknown: 2, trusted: 3 };
  // Badge ids shown on a card, most telling first (TrustPass only when it is the only one).
  const KEY_BADGES = vocab.badges.map((b) => b.id);
  // How a card shows a finding, from the rule's declared role (vocab.js):
  // 'cheap' (the price flag), 'blocked' (the blocked mark), '' (a warning line).
  const CARD_MARK = new Map(vocab.rules.map((r) => [r.id, r.card ?? '']));
  const cardMark = (f) => CARD_MARK.get(f?.id) ?? '';

  const encoder = new TextEncoder();
  const cut = (s, n = MAX_TEXT) => (s.length > n ? s.slice(0, n) : s);

  function sel(name) { return (selectors[name] ?? []).join(','); }

  /**
   * Gives the main thread back to the browser and resumes soon after: the
   * scheduler's yield where there is one (resumes ahead of other tasks),
   * else a message-channel task (no 4 ms clamp as with nested timeouts).
   */
  const yieldNow = typeof globalThis.scheduler?.yield === 'function'
    ? () => globalThis.scheduler.yield()
    : () => /** @type {Promise<void>} */ (new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { ch.port1.close(); resolve(); };
      ch.port2.postMessage(null);
    }));

  /** The offer id an element's link points to, or null. */
  function offerIdOf(a) {
    const m = OFFER_ID.exec(a.getAttribute('href') ?? '');
    return m ? m[1] ?? m[2] : null;
  }

  /** A member id written in one of the card's attributes (render keys, links, data-*), or null. GUESS. */
  function memberIdIn(el) {
    const nodes = [el, ...el.querySelectorAll('[href*="b2b-"],[data-renderkey],[data-member-id],[data-memberid]')];
    for (const n of nodes.slice(0, 24)) {
      for (const name of ['data-member-id', 'data-memberid', 'data-renderkey', 'href']) {
        const v = n.getAttribute?.(name);
        const m = v && MEMBER_IN.exec(v);
        if (m) return m[1];
      }
    }
    return null;
  }

  const firstIn = (el, name) => {
    const s = sel(name);
    return s ? el.querySelector(s) : null;
  };
  const shown = (n) => (n ? squash(n.getAttribute('title') || n.textContent) : '');

  /** TrustPass years shown on the card: the credit tag, else a short "N年" text. GUESS. */
  function yearsIn(el) {
    const tag = firstIn(el, 'cardYears');
    if (tag) return squash(tag.textContent);
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let i = 0, n = walker.nextNode(); n && i < 200; i++, n = walker.nextNode()) {
      const t = squash(n.nodeValue);
      if (t.length <= 8 && YEARS_TEXT.test(t)) return t;
    }
    return '';
  }

  /** A card's key and ids, which a translation leaves as they were (links and attributes). */
  function cardIds(card) {
    const d = { key: card.key };
    if (card.offerId) d.offerId = card.offerId;
    const member = memberIdIn(card.el);
    if (member) d.memberId = member;
    card.company = null;
    card.memberId = member;
    return d;
  }

  /** What one card shows, as the "cards" fragment carries it (docs/verdict.md). */
  function readCard(card) {
    const el = card.el;
    const d = { key: card.key };
    if (card.offerId) d.offerId = card.offerId;
    const member = memberIdIn(el);
    if (member) d.memberId = member;
    const company = shown(firstIn(el, 'cardCompany'));
    if (company) d.company = cut(company);
    card.company = d.company ?? null;
    let title = shown(firstIn(el, 'cardTitle'));
    if (!title && card.link) title = squash(card.link.getAttribute('title') || card.link.textContent);
    if (title) d.title = cut(title);
    const price = squash(firstIn(el, 'cardPrice')?.textContent ?? '');
    if (price) d.price = cut(price, 64);
    const years = yearsIn(el);
    if (years) d.years = cut(years, 32);
    const tagSel = sel('cardTags');
    if (tagSel) {
      const tags = [];
      for (const t of el.querySelectorAll(tagSel)) {
        const text = cut(shown(t), 64);
        if (text && !tags.includes(text)) tags.push(text);
        if (tags.length >= MAX_TAGS) break;
      }
      if (tags.length) d.tags = tags;
    }
    const moq = squash(firstIn(el, 'cardMoq')?.textContent ?? '');
    if (moq) d.moq = cut(moq, 32);
    card.memberId = member;
    return d;
  }

  /**
   * What one captured response says about companies: for each object in its
   * JSON holding a member id, its strings in order (trimmed), children before
   * their parent. Worked out once per response body (cached by the caller).
   */
  function companyRecords(body) {
    const records = [];
    const walk = (v, depth) => {
      if (depth > 12 || v === null || typeof v !== 'object') return;
      if (Array.isArray(v)) { for (const x of v) walk(x, depth + 1); return; }
      const strings = [];
      let hasMember = false;
      for (const x of Object.values(v)) {
        if (typeof x === 'string') {
          const t = x.trim();
          strings.push(t);
          if (MEMBER_WHOLE.test(t)) hasMember = true;
        } else walk(x, depth + 1);
      }
      if (hasMember) records.push(strings);
    };
    const i = body.indexOf('{');
    const j = body.lastIndexOf('}');
    if (i < 0 || j < i) return records;
    try { walk(JSON.parse(body.slice(i, j + 1)), 0); } catch { /* not JSON: the core notes it */ }
    return records;
  }

  /**
   * Member ids of companies named in captured responses: for supplier cards
   * that do not show one, so the core can merge the card with its response
   * entry. Tolerant of renamed paths: any object holding both the company's
   * name and a member id names that member. wanted: Set of company names;
   * recordsOf(r): companyRecords of a response's body (cached per response).
   */
  function membersByCompany(responses, wanted, recordsOf) {
    const out = new Map();
    let budget = 4 << 20;
    for (const r of responses) {
      if (!/companysearch/i.test(r.url) || (budget -= r.body.length) < 0) continue;
      for (const strings of recordsOf(r)) {
        let name = null;
        let member = null;
        for (const t of strings) {
          if (!name && wanted.has(t)) name = t;
          else if (!member && MEMBER_WHOLE.test(t)) member = t;
        }
        if (name && member && !out.has(name)) out.set(name, member);
      }
    }
    return out;
  }

  // ---- card styles (a constructable sheet: page CSP cannot block it) -----------

  const CARD_CSS = `
:host { all: initial; }
.cb { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; line-height: 1.35; }
.cb { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 0.3em; max-width: 100%; margin: 0.3em 0; padding: 0.15em 0.55em;
  font-size: 0.75rem; font-weight: 600; border-radius: 0.8em; border: 0.125em solid transparent; cursor: pointer; text-align: left; background: #e5e7eb; color: #1f2937; }
.cb:focus-visible { outline: 0.2em solid #2563eb; outline-offset: 0.1em; }
.cb.lvl-high-risk { background: #b91c1c; color: #fff; }
.cb.lvl-caution { background: #fbbf24; color: #1f2937; border-color: #92400e; }
.cb.lvl-trusted { background: #15803d; color: #fff; }
.cb.lvl-unknown { background: #6b7280; color: #fff; }
.cb .glyph { font-weight: 700; }
.chip { display: inline-block; padding: 0 0.45em; border-radius: 0.6em; background: #fff; color: #7f1d1d; border: 0.1em dashed #7f1d1d; font-weight: 700; }
.chip.blocked { color: #111827; border-style: solid; border-color: #111827; }
.chip.team { color: #1e3a8a; border-color: #1e3a8a; }
.chip.blocked.team { color: #111827; border-color: #111827; }
.tip { box-sizing: border-box; max-width: min(26em, calc(100vw - 1em)); margin: 0; padding: 0.5em 0.7em; inset: auto;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  font-size: 0.8125rem; line-height: 1.4; color: #111827; background: #fff; border: 0.0625em solid #6b7280; border-radius: 0.4em;
  box-shadow: 0 0.2em 1em rgba(0,0,0,0.3); overflow-wrap: anywhere; position: fixed; z-index: 2147483647; }
.tip[hidden] { display: none; }
.tip p { margin: 0.2em 0; }
.tip .h { font-weight: 700; }
.tip ul { margin: 0.2em 0; padding-left: 1.1em; }
.tip li { margin: 0.25em 0; }
.tip .said { display: block; }
.tip .ev { display: block; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.92em; background: #f3f4f6; padding: 0.1em 0.3em; border-radius: 0.2em; }
.tip .muted { color: #4b5563; }
.tip .sev { font-weight: 700; text-transform: uppercase; font-size: 0.85em; }
.zh { font-weight: inherit; }
.veil { position: absolute; z-index: 2147483647; pointer-events: none; background: rgba(255,255,255,0.62); backdrop-filter: grayscale(1); }
.veil[hidden] { display: none; }
.status { cursor: default; margin: 0; box-shadow: 0 0.1em 0.5em rgba(0,0,0,0.3); font-size: 0.8125rem; }
`;
  const styleRoot = sheetStyler(CARD_CSS);

  // ---- what a card's badge says --------------------------------------------------

  /** A badge id's name: the Chinese term the card itself shows, in every language (the tip explains it). */
  export const badgeWord = (id) => {
    const b = stringsMod.own(stringsMod.badges, id);
    return b ? b.zh : id;
  };

  /**
   * The compact model of one card verdict: {level, word, text, cheap, blocked,
   * trusted, label}. text: "Caution · 2 yrs · 深度验厂".
   */
  export const cardModel = (c) => {
    const levelId = stringsMod.own(stringsMod.levels, c.level) ? c.level : 'unknown';
    const lvl = stringsMod.level(levelId);
    const word = zhFirst ? lvl.zh : lvl.en;
    const years = num(c.storeAgeYears);
    const badges = Array.isArray(c.badges) ? c.badges.filter((b) => typeof b === 'string') : [];
    let keys = KEY_BADGES.filter((b) => b !== 'trustpass' && badges.includes(b)).slice(0, 2);
    if (!keys.length && badges.includes('trustpass')) keys = ['trustpass'];
    const parts = [word, stringsMod.yearsText(years), ...keys.map(badgeWord)];
    const findings = Array.isArray(c.findings) ? c.findings.filter(isPlain) : [];
    const cheap = findings.find((f) => cardMark(f) === 'cheap') ?? null;
    const entry = isPlain(c.buyerEntry) ? c.buyerEntry : null;
    const blocked = entry?.action === 'block' ? entry : null;
    const trusted = entry?.action === 'trust' ? entry : null;
    // The team's mark (team sync, cards.team from the background): shown and dimmed, never raising the level.
    const team = isPlain(c.team) ? c.team : null;
    const teamBlocked = team?.action === 'block' ? team : null;
    const teamTrusted = team?.action === 'trust' ? team : null;
    const teamReports = Number.isInteger(team?.reportCount) && team.reportCount > 0 ? team.reportCount : 0;
    const warn = findings.filter((f) => f.severity !== 'positive' && cardMark(f) === '');
    const label = [
      `TrustLens: ${lvl.en}`,
      years == null ? 'store age unknown' : `${stringsMod.formatYears(years)} on 1688`,
      ...keys.map((k) => stringsMod.own(stringsMod.badges, k)?.en ?? k),
      cheap ? `${stringsMod.text.tooCheap.en} ${str(cheap.title?.en) ?? ''}` : '',
      blocked ? `${stringsMod.text.blockedByYou.en}${blocked.note ? `: ${blocked.note}` : ''}` : '',
      teamBlocked ? `${stringsMod.text.teamBlockedCard.en}${str(teamBlocked.note) ? `: ${teamBlocked.note}` : ''}` : '',
      teamTrusted ? stringsMod.text.teamTrustedCard.en : '',
      teamReports ? teamReportsText(teamReports, false) : '',
      warn.length ? `${warn.length} more warning${warn.length > 1 ? 's' : ''}` : '',
    ].filter(Boolean).join('. ');
    return { level: levelId, glyph: lvl.glyph, text: parts.join(' · '), cheap, blocked, trusted, teamBlocked, teamTrusted, teamReports, findings, label: `${label}. Show details.` };
  };

  /** "Team: blocked · 团队已拉黑" (English only: "Team: blocked"). */
  export const teamCardText = (p, showZh = !englishOnly) => (showZh && p.zh ? `${p.en} · ${p.zh}` : p.en);
  /** "3 team reports · 团队举报 3 条". */
  export const teamReportsText = (n, showZh = !englishOnly) => `${n} team report${n === 1 ? '' : 's'}${showZh ? ` · 团队举报 ${n} 条` : ''}`;

  const pair = (p) => pairText(p);

  /**
   * A card finding's evidence as a buyer reads it (the core's cards[].evidence,
   * English and Chinese), else its technical line: nodes for the tooltip.
   * @param {any} c the card verdict
   * @param {any} f one of its findings
   * @param {string} cls the class of the technical fallback
   * @param {string} [tag] the element of each buyer line
   */
  function evidenceNodes(c, f, cls, tag = 'span') {
    const lines = isPlain(c.evidence) && Array.isArray(c.evidence[f.id]) ? c.evidence[f.id].filter((t) => isPlain(t) && str(t.en)) : [];
    if (lines.length) return lines.map((t) => el(tag, { class: 'said', text: pairText({ en: t.en, zh: str(t.zh) ?? '' }) }));
    return str(f.evidence) ? [el('code', { class: cls, text: f.evidence })] : [];
  }

  /** The tooltip body: level, score, age, badges, every warning with its evidence, the buyer's mark. */
  function tipBody(c, m) {
    const out = [];
    const lvl = stringsMod.level(m.level);
    const score = m.level === 'unknown' ? null : num(c.score);
    out.push(el('p', { class: 'h', text: `TrustLens · ${pair(lvl)} · ${pair(stringsMod.text.score)} ${stringsMod.formatScore(score)}` }));
    const company = str(c.company);
    if (company) out.push(el('p', { text: company }));
    const years = num(c.storeAgeYears);
    out.push(el('p', { text: years == null ? pair(stringsMod.text.storeAgeUnknown) : `${pair(stringsMod.text.storeAge)} ${stringsMod.yearsText(years)}` }));
    const badges = Array.isArray(c.badges) ? c.badges.filter((b) => typeof b === 'string') : [];
    if (badges.length) {
      out.push(el('p', { text: `${pair(stringsMod.text.badges)}: ${badges.map((b) => { const x = stringsMod.own(stringsMod.badges, b); return x ? pairText(x) : b; }).join(', ')}` }));
    }
    if (m.blocked || m.trusted) {
      const e = m.blocked ?? m.trusted;
      const bits = [pair(m.blocked ? stringsMod.text.blockedByYou : stringsMod.text.trustedByYou)];
      if (num(e.rating) != null) bits.push(`${pair(stringsMod.text.yourRating)} ${e.rating}/5`);
      out.push(el('p', { class: 'h', text: bits.join(' · ') }));
      if (str(e.note)) out.push(el('p', {}, `${pair(stringsMod.text.yourNote)}: `, el('span', { text: e.note })));
    }
    if (m.teamBlocked || m.teamTrusted || m.teamReports) {
      const e = m.teamBlocked ?? m.teamTrusted;
      const bits = [];
      if (e) bits.push(teamCardText(m.teamBlocked ? stringsMod.text.teamBlockedCard : stringsMod.text.teamTrustedCard) + (str(e.by) ? ` (${e.by})` : ''));
      if (m.teamReports) bits.push(teamReportsText(m.teamReports));
      out.push(el('p', { class: 'h', attrs: { 'data-team-card': m.teamBlocked ? 'block' : m.teamTrusted ? 'trust' : 'reports' }, text: bits.join(' · ') }));
      if (e && str(e.note)) out.push(el('p', {}, `${pair(stringsMod.text.teamNoteCard)}: `, el('span', { text: e.note })));
    }
    const warn = m.findings.filter((f) => f.severity !== 'positive' && cardMark(f) !== 'blocked');
    if (warn.length) {
      out.push(el('ul', {}, ...warn.map((f) => el('li', { attrs: { 'data-finding-id': String(f.id ?? '') } },
        el('span', { class: 'sev', text: pair(stringsMod.own(stringsMod.severities, f.severity) ?? stringsMod.severities.info) }), ' ',
        el('span', { text: pairText(isPlain(f.title) ? { en: str(f.title.en) ?? String(f.id), zh: str(f.title.zh) ?? '' } : { en: String(f.id) }) }),
        ...evidenceNodes(c, f, 'ev')))));
    } else {
      out.push(el('p', { class: 'muted', text: pair(stringsMod.text.noFindings) }));
    }
    const good = m.findings.filter((f) => f.severity === 'positive').length;
    if (good) out.push(el('p', { class: 'muted', text: `${pair(stringsMod.text.positives)}: ${good}` }));
    out.push(el('p', { class: 'muted', text: pair(stringsMod.text.cardOpenOffer) }));
    return out;
  }

  // ---- one card's badge ------------------------------------------------------------

  let tipSeq = 0;

  function makeBadge(openShadow) {
    const host = document.createElement('trustlens-card');
    host.setAttribute('data-trustlens-ui', '');
    host.setAttribute('data-trustlens-card', '');
    host.style.setProperty('all', 'initial', 'important');
    host.style.setProperty('display', 'block', 'important');
    host.style.setProperty('max-width', '100%', 'important');
    host.style.setProperty('position', 'relative', 'important'); // the veil's frame (every card's host alike)
    const root = host.attachShadow({ mode: openShadow ? 'open' : 'closed' });
    styleRoot(root);
    const id = `tl-tip-${++tipSeq}`;
    // Dimming a blocked supplier's card: a veil over the card drawn in this
    // closed root, so the page cannot tell from its own elements which
    // suppliers the buyer or the team blocked.
    const veil = el('div', { class: 'veil', attrs: { hidden: '', 'aria-hidden': 'true' } });
    const button = el('button', { class: 'cb', attrs: { type: 'button', 'aria-describedby': id } });
    const tip = el('div', { class: 'tip', attrs: { id, role: 'tooltip' } });
    const canPop = typeof tip.showPopover === 'function';
    if (canPop) tip.setAttribute('popover', 'manual');
    else tip.hidden = true;
    root.append(veil, button, tip);
    let pinned = false;
    let over = false;
    const place = () => {
      const r = button.getBoundingClientRect();
      const w = Math.min(tip.offsetWidth || 320, innerWidth - 8);
      tip.style.left = `${Math.max(4, Math.min(r.left, innerWidth - w - 4))}px`;
      const below = r.bottom + 4;
      const h = tip.offsetHeight;
      tip.style.top = `${below + h > innerHeight && r.top - h - 4 > 0 ? r.top - h - 4 : below}px`;
    };
    const show = () => {
      if (canPop) { if (!tip.matches(':popover-open')) tip.showPopover(); } else tip.hidden = false;
      place();
      host.setAttribute('data-tip-open', '');
    };
    const hide = () => {
      if (canPop) { if (tip.matches(':popover-open')) tip.hidePopover(); } else tip.hidden = true;
      host.removeAttribute('data-tip-open');
    };
    const sync = () => (pinned || over || root.activeElement === button ? show() : hide());
    button.addEventListener('mouseenter', () => { over = true; sync(); });
    button.addEventListener('mouseleave', () => { over = false; sync(); });
    button.addEventListener('focus', sync);
    button.addEventListener('blur', () => { pinned = false; sync(); });
    button.addEventListener('click', (e) => {
      // The card is often one big link to the offer: the badge must not follow it.
      e.preventDefault();
      e.stopPropagation();
      pinned = !pinned;
      button.setAttribute('aria-expanded', String(pinned));
      sync();
    });
    button.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { pinned = false; over = false; hide(); }
      if (e.key === 'Enter' || e.key === ' ') e.stopPropagation();
    });
    button.setAttribute('aria-expanded', 'false');
    return { host, root, button, tip, veil, hide };
  }

  function fillBadge(b, c, settings) {
    const m = cardModel(c);
    const showBadge = settings.searchBadges;
    const blocked = (m.blocked || m.teamBlocked) && settings.dimBlocked;
    // The level and the buyer's and team's marks live inside the closed root only (tests open it).
    b.button.setAttribute('data-level', m.level);
    b.button.setAttribute('data-flags', [m.cheap ? 'price-outlier-low' : '', m.blocked ? 'blocked' : '', m.trusted ? 'trusted' : ''].filter(Boolean).join(' '));
    const teamFlags = [m.teamBlocked ? 'team-blocked' : '', m.teamTrusted ? 'team-trusted' : '', m.teamReports ? 'team-reported' : ''].filter(Boolean).join(' ');
    if (teamFlags) b.button.setAttribute('data-team', teamFlags);
    else b.button.removeAttribute('data-team');
    b.button.className = showBadge ? `cb lvl-${m.level}` : 'cb lvl-unknown';
    const parts = [];
    if (showBadge) {
      parts.push(el('span', { class: 'glyph', text: m.glyph, attrs: { 'aria-hidden': 'true' } }), el('span', { class: 'text', text: m.text }));
      if (m.cheap) parts.push(el('span', { class: 'chip cheap', text: `⚠ ${pair(stringsMod.text.tooCheap)}` }));
    }
    if (m.blocked && (showBadge || blocked)) {
      const why = str(m.blocked.note);
      parts.push(el('span', { class: 'chip blocked', text: `⊘ ${pair(stringsMod.text.blockedByYou)}${why ? `: ${why}` : ''}` }));
    }
    // The team's mark (the note is in the tooltip).
    if (m.teamBlocked && (showBadge || blocked)) parts.push(el('span', { class: 'chip blocked team', text: `⊘ ${teamCardText(stringsMod.text.teamBlockedCard)}` }));
    if (showBadge && m.teamTrusted) parts.push(el('span', { class: 'chip team', text: teamCardText(stringsMod.text.teamTrustedCard) }));
    if (showBadge && m.teamReports) parts.push(el('span', { class: 'chip team', text: teamReportsText(m.teamReports) }));
    b.button.replaceChildren(...parts);
    b.button.setAttribute('aria-label', m.label);
    b.tip.replaceChildren(...tipBody(c, m));
    return { visible: parts.length > 0, dim: Boolean(blocked) };
  }

  // ---- the page ----------------------------------------------------------------------

  /** Whether a page (a pages entry) at href shows result cards. */
  function hasCards(page, href) {
    if (page?.search) return true;
    try {
      return page?.id === 'shop' && /^\/page\/offerlist\.html?$/.test(new URL(href).pathname);
    } catch { return false; }
  }

  /**
   * attach({page, signal, onNewCards}) -> controller, or null when the page
   * has no cards. onNewCards() is called (at most once per frame) when cards
   * never seen before appeared; content.js debounces the re-analysis.
   */
  function attach({ page, signal, onNewCards }) {
    if (!hasCards(page, location.href)) return null;
    const cards = new Map(); // key -> {key, el, link, offerId, memberId, badge, sig}
    const byEl = new WeakMap(); // card element -> card
    const seen = new Set(); // every key ever sent to the core
    const multi = new WeakSet(); // ancestors known to hold more than one offer's links
    let verdictCards = new Map(); // key -> card verdict; also "o:<offerId>" and "m:<member key>"
    let openShadow = false;
    let settings = settingsNow;
    let status = null;
    let stats = {
      scanMs: 0, fragmentMs: 0, renderMs: 0, lastRenderMs: 0, lastRenderCards: 0, scriptMs: 0, analyses: 0, captures: 0, analyzeMs: null,
      lastRenderChunks: 0, // synchronous chunks of the last badge pass that built a badge
      maxChunkCards: 0, // the most cards one synchronous chunk handled (badges or card text)
      sliceMaxMs: 0, // the longest of the measured pieces between yields (a scan, a chunk)
    };
    // What each captured response holds, worked out once per response: {body, ids, records}.
    const perResponse = new WeakMap();
    const responseFacts = (r) => {
      let f = perResponse.get(r);
      if (!f || f.body !== r.body) { f = { body: r.body, ids: null, records: null }; perResponse.set(r, f); }
      return f;
    };
    /** The distinct member ids written in a response, in order of first appearance. */
    const idsIn = (r) => {
      const f = responseFacts(r);
      f.ids ??= [...new Set(Array.from(r.body.matchAll(MEMBER_ALL), (m) => m[0]))];
      return f.ids;
    };
    let list = null; // Promise<buyer list>
    let replied = false; // a reply from the background arrived

    const linkSel = sel('cardOfferLinks');
    // The supplier search lists suppliers: its cards are the supplier containers (their offer thumbnails are no cards).
    const companyPage = Boolean(page.search) && /company_search/.test(location.pathname);
    const containerSel = sel('cardContainer');
    const companySel = sel('companyCard');

    /** True when elem holds a link to an offer other than id. */
    function holdsOther(elem, id) {
      for (const a of elem.querySelectorAll(linkSel)) {
        const x = offerIdOf(a);
        if (x && x !== id) return true;
      }
      return false;
    }

    /** The element of the card an offer link belongs to: a named container, else the highest ancestor holding only this offer. */
    function cardElOf(link, id) {
      const named = containerSel ? link.closest(containerSel) : null;
      if (named && named !== document.body && !holdsOther(named, id)) return named;
      let node = link;
      for (let i = 0; i < MAX_CLIMB; i++) {
        const parent = node.parentElement;
        if (!parent || parent === document.body || parent === document.documentElement) break;
        if (multi.has(parent)) break;
        if (holdsOther(parent, id)) { multi.add(parent); break; } // only "holds several" is cached: cards are added, not merged
        node = parent;
      }
      return node;
    }

    function isOurs(n) {
      return n instanceof Element && n.hasAttribute('data-trustlens-ui');
    }

    /** Registers the cards under root (an element or the document); returns how many are new. */
    function scan(root) {
      const t0 = performance.now();
      let fresh = 0;
      const add = (elem, key, link, offerId) => {
        if (byEl.has(elem)) return;
        if (cards.size >= MAX_CARDS && !cards.has(key)) return;
        const prev = cards.get(key);
        if (prev && prev.el !== elem && prev.el.isConnected) return; // the same offer twice on the page: first one wins
        if (prev) { dim(prev, false); byEl.delete(prev.el); inView?.unobserve(prev.el); }
        const card = { key, el: elem, link, offerId, memberId: null, badge: prev?.badge ?? null, sig: '' };
        cards.set(key, card);
        byEl.set(elem, card);
        inView?.observe(elem);
        if (!seen.has(key)) { seen.add(key); fresh++; }
      };
      if (linkSel && !companyPage) {
        const links = root.matches?.(linkSel) ? [root] : [...root.querySelectorAll(linkSel)];
        for (const a of links) {
          if (isOurs(a)) continue;
          const id = offerIdOf(a);
          if (!id) continue;
          const known = cards.get(`o${id}`);
          if (known && known.el.isConnected && known.el.contains(a)) continue;
          const elem = cardElOf(a, id);
          add(elem, `o${id}`, a, id);
        }
      }
      if (companySel && companyPage) {
        const boxes = root.matches?.(companySel) ? [root] : [...root.querySelectorAll(companySel)];
        for (const box of boxes) {
          if (byEl.has(box)) continue;
          const member = memberIdIn(box);
          const company = shown(firstIn(box, 'cardCompany'));
          // Keys stay under the core's 128 bytes (internal/page/search.go maxCardKey), or the echo would not match.
          const key = member ? `m${supplierList.list.memberKey(member) ?? member}` : company ? `c${supplierList.list.cutBytes(company, 120)}` : null;
          if (key) add(box, key, null, null);
        }
      }
      if (fresh) revalidate();
      const ms = performance.now() - t0;
      stats.scanMs += ms;
      stats.sliceMaxMs = Math.max(stats.sliceMaxMs, ms);
      return fresh;
    }

    // A card found by climbing before its neighbours existed (the first card
    // in an empty list) may have climbed too far: once it holds another
    // offer's link, find its element again.
    function revalidate() {
      for (const [key, c] of cards) {
        if (!c.offerId || !c.link?.isConnected || !holdsOther(c.el, c.offerId)) continue;
        const elem = cardElOf(c.link, c.offerId);
        if (elem === c.el) continue;
        dim(c, false);
        byEl.delete(c.el);
        if (byEl.has(elem)) { c.badge?.host.remove(); cards.delete(key); continue; }
        inView?.unobserve(c.el);
        c.el = elem;
        byEl.set(elem, c);
        inView?.observe(elem);
        c.sig = '';
      }
    }

    function connectedCards() {
      const out = [];
      for (const [key, c] of cards) {
        if (c.el.isConnected) out.push(c);
        else if (!c.el.isConnected) { cards.delete(key); inView?.unobserve(c.el); }
      }
      return out;
    }

    function ensureStatus() {
      if (status) return status;
      const host = document.createElement('trustlens-search');
      host.setAttribute('data-trustlens-ui', '');
      host.setAttribute('data-trustlens-search', '');
      host.style.setProperty('all', 'initial', 'important');
      host.style.setProperty('position', 'fixed', 'important');
      host.style.setProperty('bottom', '1em', 'important');
      host.style.setProperty('right', '1em', 'important');
      host.style.setProperty('z-index', '2147483646', 'important');
      const root = host.attachShadow({ mode: openShadow ? 'open' : 'closed' });
      styleRoot(root);
      const box = el('p', { class: 'cb lvl-unknown status', attrs: { role: 'status', 'aria-live': 'polite' } });
      root.append(box);
      document.documentElement.append(host);
      signal.addEventListener('abort', () => host.remove(), { once: true });
      status = { host, box };
      return status;
    }

    function showStatus(text) {
      if (!status && !replied) return; // created with the first reply (it says whether shadow roots are open: test hook)
      const s = ensureStatus();
      if (!s.host.isConnected) document.documentElement.append(s.host);
      const line = `TrustLens · ${text}`;
      if (s.box.textContent !== line) s.box.textContent = line; // a live region: only real changes are announced
      const h = s.host;
      h.setAttribute('data-cards', String(connectedCards().length));
      h.setAttribute('data-annotated', String(countAnnotated()));
      h.setAttribute('data-analyses', String(stats.analyses));
      h.setAttribute('data-captures', String(stats.captures));
      h.setAttribute('data-tl-scan-ms', stats.scanMs.toFixed(2));
      h.setAttribute('data-tl-fragment-ms', stats.fragmentMs.toFixed(2));
      h.setAttribute('data-tl-render-ms', stats.renderMs.toFixed(2));
      h.setAttribute('data-tl-annotate-ms', stats.lastRenderMs.toFixed(2));
      h.setAttribute('data-tl-annotate-cards', String(stats.lastRenderCards));
      h.setAttribute('data-tl-annotate-chunks', String(stats.lastRenderChunks));
      h.setAttribute('data-tl-chunk-cards-max', String(stats.maxChunkCards));
      h.setAttribute('data-tl-slice-max-ms', stats.sliceMaxMs.toFixed(2));
      h.setAttribute('data-tl-script-ms', (stats.scanMs + stats.fragmentMs + stats.renderMs).toFixed(2));
      if (stats.analyzeMs != null) h.setAttribute('data-tl-analyze-ms', stats.analyzeMs.toFixed(1));
    }

    function countAnnotated() {
      let n = 0;
      for (const c of cards.values()) if (c.sig && c.el.isConnected) n++;
      return n;
    }

    // One language in the pill (the first of the language order): both would cover too much of the page.
    function summaryText(vcards) {
      const p = stringsMod.cardsSummary(cardCounts(vcards));
      return zhFirst ? p.zh : p.en;
    }

    // ---- dimming (blocked suppliers): a veil in the badge's closed root, nothing on the page's elements ----

    const veiled = new Set(); // cards whose veil is shown
    function placeVeil(card) {
      const host = card.badge?.host;
      if (!host?.isConnected) return;
      const c = card.el.getBoundingClientRect();
      const h = host.getBoundingClientRect();
      const v = card.badge.veil.style;
      v.left = `${c.left - h.left}px`;
      v.top = `${c.top - h.top}px`;
      v.width = `${c.width}px`;
      v.height = `${c.height}px`;
    }
    const veilSizes = typeof ResizeObserver === 'function' ? new ResizeObserver(() => { for (const c of veiled) placeVeil(c); }) : null;
    addEventListener('resize', () => { for (const c of veiled) placeVeil(c); }, { signal });
    function dim(card, on) {
      const veil = card.badge?.veil;
      if (!veil) return;
      if (on) {
        veil.hidden = false;
        placeVeil(card);
        if (!veiled.has(card)) { veiled.add(card); veilSizes?.observe(card.el); }
      } else if (veiled.has(card)) {
        veil.hidden = true;
        veiled.delete(card);
        veilSizes?.unobserve(card.el);
      }
    }

    function verdictFor(card) {
      return verdictCards.get(card.key) ??
        (card.offerId ? verdictCards.get(`o:${card.offerId}`) : null) ??
        (card.memberId ? verdictCards.get(`m:${supplierList.list.memberKey(card.memberId) ?? card.memberId}`) : null) ?? null;
    }

    const sigs = new WeakMap(); // card verdict -> its JSON (computed once per reply)
    const settingsKey = () => `|${settings.searchBadges}|${settings.dimBlocked}|${settings.language}|${zhFirst}`;
    /** The verdict's JSON: an equal verdict from a later reply rebuilds nothing. */
    function sigOf(v) {
      let vs = sigs.get(v);
      if (vs === undefined) { vs = JSON.stringify(v); sigs.set(v, vs); }
      return vs;
    }

    /** Builds one card's badge from its verdict v (DOM writes only). */
    function build(card, v, set) {
      card.badge ??= makeBadge(openShadow);
      const b = card.badge;
      const r = fillBadge(b, v, settings);
      card.sig = sigOf(v);
      card.setKey = set;
      card.visible = r.visible;
      card.dimOn = r.dim;
      b.host.setAttribute('data-tl-key', card.key);
      if (card.offerId) b.host.setAttribute('data-offer-id', card.offerId);
    }

    /** Puts a built badge where it belongs (the page may have taken it out) and dims the card or not. */
    function place(card) {
      const b = card.badge;
      if (card.visible) {
        wanted.add(b.host);
        if (b.host.parentElement !== card.el) card.el.append(b.host);
      } else {
        wanted.delete(b.host);
        if (b.host.isConnected) b.host.remove();
      }
      dim(card, card.dimOn);
    }

    // Where each card was when it last entered or left the viewport, from an
    // IntersectionObserver: the browser works it out while it renders anyway,
    // where reading getBoundingClientRect here would force a layout of the
    // whole page (60 freshly rendered cards) inside our own task.
    const bands = new WeakMap(); // card element -> {band: 0 in view, 1 below, 2 above; at: px}
    const inView = typeof IntersectionObserver === 'function' ? new IntersectionObserver((entries) => {
      for (const e of entries) {
        const r = e.boundingClientRect;
        const band = e.isIntersecting ? 0 : r.top >= (e.rootBounds?.bottom ?? innerHeight) ? 1 : 2;
        bands.set(e.target, { band, at: band === 2 ? -r.bottom : r.top });
      }
    }) : null;
    signal.addEventListener('abort', () => inView?.disconnect(), { once: true });

    /**
     * The cards in the order their badges go on: those in view (top to
     * bottom), then those below it, then those above, as last observed; a
     * card not observed yet goes after them, in page order. No layout read.
     */
    function viewportOrder(list) {
      const keyed = list.map((card, i) => {
        const b = bands.get(card.el);
        return { card, band: b ? b.band : 3, at: b ? b.at : i };
      });
      keyed.sort((a, b) => a.band - b.band || a.at - b.at);
      return keyed.map((k) => k.card);
    }

    /**
     * One badge pass: every card with a verdict gets its badge, rebuilt only
     * when its verdict or the settings changed. The rebuilds run in chunks of
     * at most CHUNK_CARDS cards (fewer after CHUNK_MS), in viewport order,
     * with a yield between chunks.
     */
    async function paintPass() {
      let t0 = performance.now();
      const set = settingsKey();
      const todo = [];
      for (const card of connectedCards()) {
        const v = verdictFor(card);
        if (!v) continue;
        if (card.badge && card.sig === sigOf(v) && card.setKey === set) place(card);
        else todo.push(card);
      }
      const order = todo.length > CHUNK_CARDS ? viewportOrder(todo) : todo;
      let n = 0;
      let built = 0;
      let chunks = 0;
      let spent = 0;
      const endChunk = () => {
        const ms = performance.now() - t0;
        stats.renderMs += ms;
        stats.sliceMaxMs = Math.max(stats.sliceMaxMs, ms);
        spent += ms;
        if (n) { chunks++; stats.maxChunkCards = Math.max(stats.maxChunkCards, n); }
        n = 0;
      };
      for (const card of order) {
        if (n >= CHUNK_CARDS || (n && performance.now() - t0 >= CHUNK_MS)) {
          endChunk();
          await yieldNow();
          if (signal.aborted) return;
          t0 = performance.now();
        }
        // The page may have moved on during the yield: the card's verdict now, if it is still there.
        const v = card.el.isConnected && cards.get(card.key) === card ? verdictFor(card) : null;
        if (!v) continue;
        if (!card.badge || card.sig !== sigOf(v) || card.setKey !== set) { build(card, v, set); n++; built++; }
        place(card);
      }
      endChunk();
      if (built) { stats.lastRenderMs = spent; stats.lastRenderCards = built; stats.lastRenderChunks = chunks; }
    }

    let painting = null; // the running badge pass, or null
    let paintAgain = false; // asked for while a pass runs: one more pass after it
    /** Puts (or keeps) each card's badge (see paintPass); resolves when the badges are on. */
    function paint() {
      paintAgain = true;
      painting ??= (async () => {
        try {
          while (paintAgain && !signal.aborted) {
            paintAgain = false;
            await paintPass();
          }
          if (!signal.aborted) showStatus(statusText());
        } finally {
          painting = null;
        }
      })();
      return painting;
    }

    // ---- the observer: new cards, re-rendered cards, lost badges, once per frame ----

    let pending = [];
    let queued = false;
    const wanted = new WeakSet(); // badge hosts that belong in their card (the page removing one is a change)
    function onFrame() {
      queued = false;
      if (signal.aborted) return;
      const added = pending;
      pending = [];
      let fresh = 0;
      for (const n of added) if (n.isConnected) fresh += scan(n);
      paint(); // re-rendered cards get their badge from the known verdict; lost badges go back
      showStatus(statusText());
      if (fresh) onNewCards();
    }
    const mo = new MutationObserver((records) => {
      let touched = false;
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (isOurs(n)) continue; // our own badge going in
          touched = true;
          if (n.nodeType === 1) pending.push(n);
        }
        // A page node leaving, or one of our badges the page took out: check the badges again.
        for (const n of r.removedNodes) if (!isOurs(n) || (wanted.has(n) && !n.isConnected)) touched = true;
      }
      if (touched && !queued) {
        queued = true;
        requestAnimationFrame(onFrame);
      }
    });

    let lastVerdict = null;
    function statusText() {
      const total = connectedCards().length;
      const one = (p) => (zhFirst ? p.zh : p.en);
      if (!lastVerdict) return one(total ? stringsMod.text.cardsChecking : stringsMod.text.cardsNone);
      const vc = Array.isArray(lastVerdict.cards) ? lastVerdict.cards : [];
      return summaryText(vc);
    }

    async function readList() {
      list ??= chrome.storage.local.get(supplierList.list.KEY).then((s) => supplierList.list.clean(s[supplierList.list.KEY])).catch(() => supplierList.list.clean(null));
      return list;
    }
    chrome.storage.onChanged.addListener(function onChanged(changes, area) {
      if (signal.aborted) { chrome.storage.onChanged.removeListener(onChanged); return; }
      if (area === 'local' && changes[supplierList.list.KEY]) list = null;
    });

    return {
      start() {
        if (document.body) scan(document.body);
        mo.observe(document.documentElement, { childList: true, subtree: true });
        signal.addEventListener('abort', () => {
          mo.disconnect();
          for (const c of cards.values()) { c.badge?.host.remove(); dim(c, false); }
        }, { once: true });
        showStatus(statusText());
      },
      /** Adds the cards fragment and buyer.entries for the cards' members to an analyze message. */
      async prepare(msg) {
        if (document.body) scan(document.body);
        let t0 = performance.now();
        const live = connectedCards().slice(0, MAX_CARDS);
        // A translated page: the cards' ids only (their shown text is the translation).
        const read = isTranslated() ? cardIds : readCard;
        // Read in chunks (DOM reads only), yielding between them like the badge passes.
        const frag = [];
        let n = 0;
        for (const card of live) {
          if (n >= CHUNK_CARDS || (n && performance.now() - t0 >= CHUNK_MS)) {
            const ms = performance.now() - t0;
            stats.fragmentMs += ms;
            stats.sliceMaxMs = Math.max(stats.sliceMaxMs, ms);
            stats.maxChunkCards = Math.max(stats.maxChunkCards, n);
            n = 0;
            await yieldNow();
            t0 = performance.now();
          }
          frag.push(read(card));
          n++;
        }
        stats.maxChunkCards = Math.max(stats.maxChunkCards, n);
        let text = JSON.stringify(frag);
        const tooBig = (t) => t.length * 3 > limits.domBytes && encoder.encode(t).length > limits.domBytes;
        while (tooBig(text) && frag.length) { frag.pop(); text = JSON.stringify(frag); }
        if (frag.length) msg.snapshot.dom.cards = text;
        // A search page has no offer title or seller of its own: the offer-page fragments would be a card's.
        if (page.search) { delete msg.snapshot.dom.h1; delete msg.snapshot.dom.storeName; }
        const ids = new Set(frag.map((d) => d.memberId).filter(Boolean));
        let budget = 8 << 20;
        for (const r of msg.snapshot.responses) {
          if (budget <= 0) break;
          budget -= r.body.length;
          for (const id of idsIn(r)) { ids.add(id); if (ids.size > 2000) break; }
        }
        if (companyPage) {
          const wanted = new Set(frag.filter((d) => !d.memberId && d.company).map((d) => d.company));
          const recordsOf = (r) => { const f = responseFacts(r); f.records ??= companyRecords(r.body); return f.records; };
          const found = wanted.size ? membersByCompany(msg.snapshot.responses, wanted, recordsOf) : new Map();
          for (let i = 0; i < frag.length; i++) {
            const m = !frag[i].memberId && found.get(frag[i].company);
            if (m) { frag[i].memberId = m; live[i].memberId = m; ids.add(m); }
          }
          if (found.size) msg.snapshot.dom.cards = JSON.stringify(frag);
        }
        const ms = performance.now() - t0;
        stats.fragmentMs += ms;
        stats.sliceMaxMs = Math.max(stats.sliceMaxMs, ms);
        const entries = supplierList.list.entriesFor(await readList(), ids);
        if (Object.keys(entries).length) msg.buyer = { ...(msg.buyer ?? {}), entries };
      },
      /** Shows a reply's card verdicts on the cards. */
      render(reply, info = {}) {
        openShadow = info.openShadow === true;
        replied = true;
        stats.analyses = info.runs ?? stats.analyses;
        stats.captures = info.captures ?? stats.captures;
        if (Number.isFinite(reply?.analyzeMs)) stats.analyzeMs = reply.analyzeMs;
        const v = reply?.ok && isPlain(reply.verdict) ? reply.verdict : null;
        if (!v) { showStatus(zhFirst ? stringsMod.text.cardsFailed.zh : stringsMod.text.cardsFailed.en); return; }
        lastVerdict = v;
        const next = new Map();
        for (const c of Array.isArray(v.cards) ? v.cards : []) {
          if (!isPlain(c) || typeof c.key !== 'string') continue;
          next.set(c.key, c);
          if (str(c.offerId)) next.set(`o:${c.offerId}`, c);
          const mk = str(c.memberId) && (supplierList.list.memberKey(c.memberId) ?? c.memberId);
          if (mk && !next.has(`m:${mk}`)) next.set(`m:${mk}`, c);
        }
        verdictCards = next;
        paint();
        showStatus(statusText());
      },
      /** Re-renders every badge (language or search settings changed). */
      refresh(nextSettings = settingsNow) {
        settings = nextSettings;
        for (const c of cards.values()) c.sig = '';
        paint();
        showStatus(statusText());
      },
    };
  }

  /** Counts of card verdicts: {total, 'high-risk', caution, trusted, unknown, cheap, blocked}. */
  export const cardCounts = (vcards) => {
    const n = { total: 0, 'high-risk': 0, caution: 0, trusted: 0, unknown: 0, cheap: 0, blocked: 0 };
    for (const c of vcards) {
      if (!isPlain(c)) continue;
      n.total++;
      n[stringsMod.own(stringsMod.levels, c.level) ? c.level : 'unknown']++;
      if (Array.isArray(c.findings) && c.findings.some((f) => cardMark(f) === 'cheap')) n.cheap++;
      if (c.buyerEntry?.action === 'block') n.blocked++;
    }
    return n;
  };

  /** The riskiest cards first (blocked by the buyer, high risk, then caution; lower score first). */
  export const riskiestCards = (vcards, k = 3) => vcards.filter(isPlain)
    .filter((c) => c.level === 'high-risk' || c.level === 'caution' || (Array.isArray(c.findings) && c.findings.some((f) => cardMark(f) === 'cheap')))
    .sort((a, b) => Number(b.buyerEntry?.action === 'block') - Number(a.buyerEntry?.action === 'block') || // the buyer's own block first
      (LEVEL_RANK[a.level] ?? 2) - (LEVEL_RANK[b.level] ?? 2) || (num(a.score) ?? 101) - (num(b.score) ?? 101))
    .slice(0, k);

  /** The popup's view of a search or list page: counts and the three riskiest cards with their first warning. */
  export const buildCardsSummary = (verdict, showZh) => {
    const vcards = Array.isArray(verdict?.cards) ? verdict.cards : [];
    const box = el('section', { class: 'sec cards-summary', attrs: { 'data-cards-summary': '' } });
    box.append(el('h3', { text: showZh ? pairText(stringsMod.text.resultCards) : stringsMod.text.resultCards.en }));
    const counts = cardCounts(vcards);
    box.append(el('p', { attrs: { 'data-counts': JSON.stringify(counts) }, text: showZh ? pairText(stringsMod.cardsSummary(counts)) : stringsMod.cardsSummary(counts).en }));
    const top = riskiestCards(vcards);
    if (top.length) {
      box.append(el('ol', { class: 'findings' }, ...top.map((c) => {
        const m = cardModel(c);
        const f = m.findings.filter((x) => x.severity !== 'positive').sort((a, b) => (stringsMod.own(stringsMod.severityRank, a.severity) ?? 3) - (stringsMod.own(stringsMod.severityRank, b.severity) ?? 3))[0];
        return el('li', { class: 'finding', attrs: { 'data-card-key': String(c.key ?? '') } },
          el('p', { class: 'ftitle', text: `${m.text} — ${str(c.company) ?? str(c.offerId) ?? '?'}` }),
          f ? el('p', { text: str(f.title?.en) ?? String(f.id) }) : null,
          ...(f ? evidenceNodes(c, f, 'evidence', 'p') : []));
      })));
    }
    return box;
  };

  export const cardPages = { has: hasCards, attach };
