// Builds the badge label and the verdict panel as DOM nodes, for the page
// overlay and the popup alike. Page-derived strings only ever go through
// textContent: no HTML parsing anywhere (lint-enforced, e2e/lint.test.mjs).
import { bi, el, one } from './dom.js';
import { sectionsAt } from './panel-sections.js';
import { detectPage } from './selectors.js';
import { settingsNow, uiLang } from './settings.js';
import * as strings from './strings.js';
import { isPlain, num, str } from './values.js';

  /**
   * What the badge says for a state: {level, glyph, text, label, was, change}
   * (change: "Was Trusted: new warning: …" after a level changed, else null).
   * state: {phase: 'loading'|'checking'|'ready'|'error', verdict?, error?,
   * waitingFor?: ['store-age'|'reviews'], change?: {from, to, reason}}.
   * "checking" never shows a level: the verdict may still change.
   */
  export const badgeModel = (state) => {
    if (state.phase === 'loading' || state.phase === 'checking') {
      const waits = (state.waitingFor ?? []).map((w) => strings.text.waitingShort[w]).filter(Boolean);
      let text = waits.length ? `${one(strings.text.checking)} ${waits.map(one).join(', ')}` : one(strings.text.checking);
      // The last verdict of an earlier visit, while the fresh one is checked:
      // said to be from then, and the badge keeps no level of its own.
      // On another offer of a supplier seen before: what that visit showed about the supplier (its store age), no level.
      const r = state.remembered;
      const known = r && strings.own(strings.levels, r.level);
      const facts = r && !known && r.level == null && Number.isFinite(r.years);
      let label = `TrustLens: ${text}`;
      if (known || facts) {
        // The badge's fixed box holds about 34 characters: "Checking… 14:02 visit: Trusted 94";
        // the whole sentence is its accessible name and tooltip.
        const then = strings.visitTime(r.at);
        const zh = uiLang === 'zh';
        const was = known ? `${one(strings.level(r.level))} ${strings.formatScore(r.score)}` : zh ? `${r.years}年店` : strings.formatYears(r.years);
        const wasLong = known ? was : zh ? `该供应商 ${r.years}年` : `this supplier ${strings.formatYears(r.years)} on 1688`;
        label = zh ? `TrustLens：您 ${then} 访问时：${wasLong} · ${text}` : `TrustLens: from your visit at ${then}: ${wasLong} · ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
        text = zh ? `${one(strings.text.checking)} ${then} 访问时：${was}` : `${one(strings.text.checking)} ${then} visit: ${was}`;
      }
      return { level: 'unknown', score: null, glyph: '…', text, label, was: null, change: null, remembered: known ? r.level : facts ? 'supplier' : null };
    }
    const v = state.phase === 'ready' ? state.verdict : null;
    // An unreadable page or a failed analysis is never shown with a level, whatever else it says.
    const usable = v && v.readable !== false && !v.error;
    const levelId = usable && strings.own(strings.levels, v.level) ? v.level : 'unknown';
    const lvl = strings.level(levelId);
    const score = levelId === 'unknown' ? null : num(v?.score);
    const years = num(v?.supplier?.storeAgeYears);
    const text = `${one(lvl)} · ${strings.formatScore(score)} · ${strings.yearsText(years)}`;
    const glyph = state.phase === 'error' ? '✗' : lvl.glyph;
    const why = state.phase === 'error' ? ` (${one(strings.text.coreFailedTitle)})` : '';
    const reason = str(v?.summary?.reason?.en) ? ` ${one(v.summary.reason)}.` : '';
    const was = state.change && strings.own(strings.levels, state.change.from) ? strings.level(state.change.from) : null;
    // A level changed after it was shown: what it was and why ("Was Trusted: new warning: Copied reviews …").
    const because = was && isPlain(state.change.reason) && str(state.change.reason.en) ? state.change.reason : null;
    const change = was ? (uiLang === 'zh' ? `原为${was.zh}${because ? `（${because.zh}）` : ''}` : `Was ${was.en}${because ? `: ${because.en}` : ''}`) : null;
    const label = uiLang === 'zh'
      ? `TrustLens：${lvl.zh}${why}，评分 ${score ?? '未知'}。${reason}${change ? ` ${change}。` : ''} 显示详情。`
      : `TrustLens: ${lvl.en}${why}, score ${score ?? 'unknown'}, ` +
        `${years == null ? 'store age unknown' : `${strings.formatYears(years)} on 1688`}.${reason}${change ? ` ${change}.` : ''} Show details.`;
    return { level: levelId, score, glyph, text, label, was: was ? one(was) : null, change };
  };

  /**
   * Why a final verdict's level changed, from the findings before and after:
   * {en, zh} ("new warning: Reviews look copied"), or null.
   */
  export const changeReason = (before, after) => {
    const warn = (v) => new Map((Array.isArray(v?.findings) ? v.findings : [])
      .filter((f) => f && ['high', 'medium', 'low'].includes(f.severity)).map((f) => [f.id, f]));
    const a = warn(before), b = warn(after);
    const added = [...b.values()].find((f) => !a.has(f.id));
    if (added) return { en: `${strings.text.newWarning.en}: ${added.title?.en ?? added.id}`, zh: `${strings.text.newWarning.zh}：${added.title?.zh ?? added.id}` };
    const gone = [...a.values()].find((f) => !b.has(f.id));
    if (gone) return { en: `${strings.text.noLonger.en}: ${gone.title?.en ?? gone.id}`, zh: `${strings.text.noLonger.zh}：${gone.title?.zh ?? gone.id}` };
    if (before?.supplier?.storeAgeYears == null && num(after?.supplier?.storeAgeYears) != null) {
      return { en: `${strings.text.storeAgeRead.en}: ${strings.formatYears(after.supplier.storeAgeYears)}`, zh: `${strings.text.storeAgeRead.zh}：${after.supplier.storeAgeYears}年` };
    }
    return null;
  };

  function section(titlePair, showZh, ...children) {
    return el('section', { class: 'sec' }, bi(titlePair, showZh, 'h3'), ...children);
  }

  /**
   * One finding: its title, its evidence in a buyer's words (one line per
   * place it was seen; summary.evidence), what to do, and the technical
   * source behind a disclosure.
   */
  function findingItem(f, showZh, says) {
    const sevOk = strings.own(strings.severities, f.severity);
    const sev = sevOk ?? strings.severities.info;
    const title = f.title ?? {};
    const advice = f.advice ?? {};
    const li = el('li', { class: `finding sev-${sevOk ? f.severity : 'info'}`, attrs: { 'data-finding-id': String(f.id ?? '') } });
    const head = el('p', { class: 'ftitle' }, el('span', { class: 'sev' }, bi(sev, showZh)), ' ',
      bi({ en: str(title.en) ?? String(f.id ?? ''), zh: str(title.zh) ?? '' }, showZh));
    li.append(head);
    const lines = (Array.isArray(says) ? says : []).filter((t) => isPlain(t) && str(t.en));
    if (lines.length) li.append(el('ul', { class: 'says' }, ...lines.map((t) => el('li', {}, bi(t, showZh)))));
    const more = el('details', { class: 'fmore' }, el('summary', {}, bi(strings.text.advice, showZh)));
    if (str(advice.en)) more.append(el('p', { class: 'advice' }, bi({ en: advice.en, zh: str(advice.zh) ?? '' }, showZh)));
    const techs = Array.isArray(f.evidence) ? f.evidence.filter(str) : str(f.evidence) ? [f.evidence] : [];
    if (techs.length) {
      more.append(el('p', { class: 'label' }, bi(strings.text.source, showZh)));
      for (const t of techs) more.append(el('code', { class: 'evidence', text: t }));
    }
    li.append(more);
    return li;
  }

  /** Findings in the core's display order (summary.order: severity, then weight), else by severity. */
  function sortFindings(list, order) {
    const rank = (f) => strings.own(strings.severityRank, f.severity) ?? 3;
    const pos = new Map((Array.isArray(order) ? order : []).map((id, i) => [id, i]));
    const at = (f) => pos.get(f.id) ?? 1e6;
    return [...list].sort((a, b) => rank(a) - rank(b) || at(a) - at(b) || String(a.id).localeCompare(String(b.id)));
  }

  /**
   * Lines saying where remembered values came from, one per page they were
   * seen on; the store age first, on its own line, right under the years.
   */
  function rememberedLines(remembered, showZh) {
    const groups = new Map(); // "url at" -> {url, at, fields[]}
    for (const [field, src] of Object.entries(remembered)) {
      if (!isPlain(src) || !strings.own(strings.factNames, field)) continue;
      const key = `${src.url} ${src.at}`;
      if (!groups.has(key)) groups.set(key, { url: str(src.url) ?? '', at: src.at, fields: [] });
      groups.get(key).fields.push(field);
    }
    const lines = [];
    const line = (fields, g, same) => {
      const seenOn = detectPage(g.url);
      const kind = seenOn && !seenOn.store ? 'offer' : 'store';
      const p = el('p', { class: 'remembered', attrs: { 'data-remembered': fields.join(' ') } }, bi(strings.rememberedFrom(fields, kind, g.at, same), showZh));
      if (g.url && !same) p.append(' ', el('span', { class: 'src', text: g.url }));
      lines.push(p);
    };
    const ageGroup = [...groups.values()].find((g) => g.fields.includes('storeAgeYears'));
    if (ageGroup) {
      line(['storeAgeYears'], ageGroup, false);
      const rest = ageGroup.fields.filter((f) => f !== 'storeAgeYears');
      if (rest.length) line(rest, ageGroup, true);
    }
    for (const g of groups.values()) if (g !== ageGroup) line(g.fields, g, false);
    return lines;
  }

  /**
   * Lines for remembered facts the core did not use: claims from pages that
   * do not prove the supplier and would make it look better (notUsed), and
   * newer claims that differ from the value shown (conflicts).
   */
  function notUsedLines(supplier, remembered, showZh) {
    const ok = (s) => isPlain(s) && strings.own(strings.factNames, s.field) && typeof s.value === 'string' && s.value !== '';
    const kindOf = (url) => { const p = detectPage(url); return p && !p.store ? 'offer' : 'store'; };
    const line = (s, kind, pair) => {
      const p = el('p', { class: 'remembered notused', attrs: { 'data-memory': kind, 'data-field': s.field } }, bi(pair, showZh));
      if (str(s.url)) p.append(' ', el('span', { class: 'src', text: s.url }));
      return p;
    };
    const list = (v) => (Array.isArray(v) ? v.filter(ok) : []);
    return [
      ...list(supplier?.notUsed).map((s) => line(s, 'not-used', strings.memoryNotUsed(s, kindOf(s.url)))),
      ...list(supplier?.conflicts).map((s) => line(s, 'conflict', strings.memoryConflict(s, remembered[s.field]))),
    ];
  }

  function supplierBlock(v, showZh, supplier) {
    const sup = v.supplier ?? {};
    const offer = v.offer ?? {};
    const remembered = isPlain(supplier?.remembered) ? supplier.remembered : {};
    const box = el('div', { class: 'facts' });
    box.append(el('p', {}, el('span', { class: 'k' }, bi(strings.text.supplier, showZh)), ' ',
      el('span', { class: 'company', text: str(sup.company) ?? '?' })));
    const years = num(sup.storeAgeYears);
    box.append(el('p', { class: 'years' }, years == null
      ? bi(strings.text.storeAgeUnknown, showZh)
      : el('span', {}, el('span', { class: 'k' }, bi(strings.text.storeAge, showZh)), ' ', strings.formatYears(years))));
    // Values this page did not show, remembered from the supplier's other pages: say where from.
    box.append(...rememberedLines(remembered, showZh));
    box.append(...notUsedLines(supplier, remembered, showZh));
    if (str(offer.title)) {
      box.append(el('p', { class: 'offer' }, el('span', { class: 'k' }, bi(strings.text.offer, showZh)), ' ',
        el('span', { class: 'otitle', text: offer.title })));
    }
    const bits = [];
    const lo = num(offer.priceMin), hi = num(offer.priceMax);
    if (lo != null) bits.push(hi != null && hi !== lo ? `¥${lo}–${hi}` : `¥${lo}`);
    if (num(offer.moq) != null) bits.push(`${one(strings.text.moq)} ${offer.moq}`);
    if (str(offer.sales)) bits.push(`${one(strings.text.sales)} ${offer.sales}`);
    if (bits.length) box.append(el('p', { class: 'obits', text: bits.join(' · ') }));
    return box;
  }

  function badgesBlock(v, showZh) {
    const ids = Array.isArray(v.supplier?.badges) ? v.supplier.badges.filter((b) => typeof b === 'string') : [];
    if (!ids.length) return section(strings.text.badges, showZh, el('p', { class: 'muted' }, bi(strings.text.noBadges, showZh)));
    const ul = el('ul', { class: 'badges' });
    for (const id of ids) {
      const b = strings.own(strings.badges, id);
      const li = el('li', { attrs: { 'data-badge-id': id } });
      if (!b) { li.append(el('strong', { text: id })); ul.append(li); continue; }
      // The Chinese term stays even when translations are off: it is what the page shows.
      li.append(el('strong', { text: `${b.en} (${b.zh})` }), ' ', el('span', { text: b.means }));
      li.append(el('p', { class: 'notproof', text: b.notProof }));
      ul.append(li);
    }
    return section(strings.text.badges, showZh, ul);
  }

  function notesBlock(v, showZh) {
    const notes = Array.isArray(v?.notes) ? v.notes.filter((n) => typeof n === 'string' && n) : [];
    if (!notes.length) return null;
    return section(strings.text.notes, showZh, el('ul', { class: 'notes' }, ...notes.map((n) => el('li', { text: n }))));
  }

  const fmtUsd = (n) => `${Math.round(n).toLocaleString('en-US')} USD`;

  /** The buyer's planned order (form, when opts.order is given) and the core's orderAdvice. */
  function orderBlock(v, showZh, order) {
    const advice = isPlain(v.orderAdvice) ? v.orderAdvice : null;
    if (!order && !advice) return null;
    const sec = section(strings.text.plannedOrder, showZh);
    sec.classList.add('order');
    if (order) {
      const value = order.value ?? {};
      const form = el('form', { class: 'order-form', attrs: { novalidate: '' } });
      const amount = el('input', { attrs: { type: 'number', min: '1', step: 'any', inputmode: 'decimal', 'data-fk': 'amount', 'aria-label': one(strings.text.amount) } });
      if (Number.isFinite(value.amount)) amount.value = String(value.amount);
      const currency = el('select', { attrs: { 'data-fk': 'currency', 'aria-label': one(strings.text.currency) } },
        el('option', { text: 'USD', attrs: { value: 'USD' } }), el('option', { text: 'CNY', attrs: { value: 'CNY' } }));
      currency.value = (value.currency ?? settingsNow.currency) === 'CNY' ? 'CNY' : 'USD'; // default from the options
      const submit = el('button', { class: 'btn', attrs: { type: 'submit', 'data-fk': 'submit' } }, bi(strings.text.getAdvice, showZh));
      const error = el('p', { class: 'form-error', attrs: { role: 'alert' } });
      const draft = () => ({ amount: amount.value === '' ? null : Number(amount.value), currency: currency.value });
      amount.addEventListener('input', () => order.onDraft?.(draft()));
      currency.addEventListener('change', () => order.onDraft?.(draft()));
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const n = Number(amount.value);
        if (!(n > 0 && n <= 1e9)) {
          amount.setAttribute('aria-invalid', 'true');
          error.replaceChildren(bi(strings.text.amountInvalid, showZh));
          return;
        }
        order.onSubmit({ amount: n, currency: currency.value });
      });
      form.append(el('p', { class: 'muted' }, bi(strings.text.orderHint, showZh)), amount, ' ', currency, ' ', submit);
      if (order.value) {
        const clear = el('button', { class: 'btn btn-quiet', attrs: { type: 'button', 'data-fk': 'clear' } }, bi(strings.text.clearOrder, showZh));
        clear.addEventListener('click', () => order.onSubmit(null));
        form.append(' ', clear);
      }
      form.append(error);
      sec.append(form);
    }
    if (advice) {
      const tone = strings.own(strings.tones, advice.tone) ? advice.tone : 'careful';
      const box = el('div', { class: `advice-box tone-${tone}`, attrs: { 'data-tone': tone } });
      box.append(el('p', { class: 'tone' }, bi(strings.tones[tone], showZh)));
      const ceiling = num(advice.ceilingUsd);
      if (ceiling != null) {
        box.append(ceiling === 0
          ? el('p', {}, bi(strings.text.ceilingSamples, showZh))
          : el('p', {}, bi({ en: `${strings.text.ceilingUpTo.en} ${fmtUsd(ceiling)}`, zh: `${strings.text.ceilingUpTo.zh}：${fmtUsd(ceiling)}` }, showZh)));
      }
      const steps = Array.isArray(advice.steps) ? advice.steps.filter(isPlain) : [];
      if (steps.length) {
        box.append(el('ol', { class: 'steps' }, ...steps.map((st) => el('li', {}, bi({ en: str(st.en) ?? '', zh: str(st.zh) ?? '' }, showZh)))));
      }
      sec.append(box);
    }
    return sec;
  }

  /**
   * The buyer's checklist for this supplier. list: {value: {<item id>: true},
   * onToggle(id, done)}. Each box has its label and its one-line why.
   */
  function checklistBlock(showZh, list) {
    const sec = section(strings.text.checklist, showZh);
    sec.classList.add('checklist');
    const value = { ...(isPlain(list.value) ? list.value : {}) };
    const total = strings.checklist.length;
    const progress = el('p', { class: 'chk-progress', attrs: { 'data-chk-progress': '', 'aria-live': 'polite' } });
    const showProgress = () => {
      const n = strings.checklist.filter((i) => value[i.id] === true).length;
      progress.setAttribute('data-done', String(n));
      progress.replaceChildren(bi(strings.checklistProgress(n, total), showZh));
    };
    const ul = el('ul', { class: 'chk', attrs: { 'aria-label': one(strings.text.checklist) } });
    for (const item of strings.checklist) {
      const id = `tl-chk-${item.id}`;
      const box = el('input', { attrs: { type: 'checkbox', id, 'data-fk': `chk-${item.id}`, 'data-chk': item.id, 'aria-describedby': `${id}-why` } });
      box.checked = value[item.id] === true;
      box.addEventListener('change', () => {
        if (box.checked) value[item.id] = true;
        else delete value[item.id];
        showProgress();
        list.onToggle?.(item.id, box.checked);
      });
      const why = el('p', { class: 'why', attrs: { id: `${id}-why` } }, bi(item.why, showZh));
      ul.append(el('li', {}, box, ' ', el('label', { attrs: { for: id } }, bi(item, showZh)), why));
    }
    showProgress();
    sec.append(el('p', { class: 'muted' }, bi(strings.text.checklistHint, showZh)), progress, ul);
    return sec;
  }

  /**
   * "Check the licence in the National Enterprise Credit Information Publicity
   * System": a link that opens the register in a new tab (the buyer's own
   * navigation; rel=noreferrer, so the register does not learn the 1688 page)
   * and, in the same click, copies the company name to search for. Where the
   * clipboard API is missing or refused (pages without a secure context), the
   * read-only field with the name is selected for the buyer to copy.
   * lic: {name, status: null | 'copied' | 'manual', onStatus(status)}
   */
  function licenceBlock(showZh, lic) {
    const sec = section(strings.text.licenceCheck, showZh);
    sec.classList.add('licence');
    sec.append(el('p', { class: 'muted' }, bi(strings.text.licenceIntro, showZh)));
    const field = el('input', { class: 'licence-name', attrs: { type: 'text', readonly: '', id: 'tl-licence-name', 'data-fk': 'licence-name', 'aria-describedby': 'tl-licence-status' } });
    field.value = lic.name;
    sec.append(el('p', { class: 'licence-field' }, el('label', { attrs: { for: 'tl-licence-name' } }, bi(strings.text.licenceName, showZh)), ' ', field));
    const zhName = el('span', { text: strings.text.licenceButton.zh });
    if (showZh) zhName.setAttribute('lang', 'zh-CN');
    const link = el('a', {
      class: 'btn btn-link',
      attrs: { href: strings.links.gsxt, target: '_blank', rel: 'noopener noreferrer', 'data-fk': 'gsxt' },
    }, el('span', { text: strings.text.licenceButton.en }), ' (', zhName, ') ', el('span', { class: 'newtab', text: strings.text.opensNewTab.en }));
    const status = el('p', { class: 'licence-status', attrs: { id: 'tl-licence-status', role: 'status', 'data-licence-status': lic.status ?? '' } });
    const show = (st) => {
      status.setAttribute('data-licence-status', st ?? '');
      status.replaceChildren(st === 'copied' ? bi(strings.text.licenceCopied, showZh) : st === 'manual' ? bi(strings.text.licenceCopyManual, showZh) : '');
    };
    const selectField = () => {
      field.focus({ preventScroll: true });
      field.select();
      try { return document.execCommand('copy') === true; } catch { return false; }
    };
    link.addEventListener('click', () => {
      // The default action (open the register in a new tab) goes ahead; the copy runs in the same click.
      const done = (copied) => { const st = copied ? 'copied' : 'manual'; show(st); lic.onStatus?.(st); };
      const clip = globalThis.navigator?.clipboard;
      if (clip && typeof clip.writeText === 'function') {
        clip.writeText(lic.name).then(() => done(true), () => done(selectField()));
      } else {
        done(selectField());
      }
    });
    show(lic.status);
    sec.append(el('p', {}, link), status);
    return sec;
  }

  function header(pair, glyph, levelId, showZh, extra, onClose) {
    const h = el('header', { class: `head lvl-${levelId}` });
    const h2 = el('h2', { attrs: { tabindex: '-1' } }, el('span', { class: 'glyph', text: glyph, attrs: { 'aria-hidden': 'true' } }), ' ', bi(pair, showZh));
    h.append(h2);
    if (extra) h.append(extra);
    if (onClose) {
      const b = el('button', { class: 'close', attrs: { type: 'button', 'aria-label': one(strings.text.close) } }, el('span', { text: '✕', attrs: { 'aria-hidden': 'true' } }), ' ', el('span', { text: one(strings.text.close) }));
      b.addEventListener('click', onClose);
      h.append(b);
    }
    return h;
  }

  /**
   * The panel body for a state: the answer first (level, the core's one-line
   * reason, a change of level, the top actions), the first three warnings,
   * then everything else behind "show more" (opts.more: {open, onToggle}).
   * opts: {showChinese, compact, onClose, order, checklist, licence, more}.
   * compact (popup): top three warnings only, no badge explanations, no form.
   * order: {value: {amount, currency} | null, onDraft(draft), onSubmit(value | null)}
   * shows the planned-order form (the core's orderAdvice shows whenever present).
   * state.supplier (from the background): {id, checklist, remembered, licenceCompany}.
   * checklist: {value, onToggle(id, done)} shows the buyer's checklist;
   * licence: {status, onStatus(status)} shows the licence check (when a company name is known).
   */
  export const buildPanel = (state, opts = {}) => {
    const showZh = opts.showChinese !== false;
    const root = el('div', { class: 'panel-body', attrs: { 'data-phase': state.phase, lang: uiLang === 'zh' ? 'zh-CN' : 'en' } });

    if (state.phase === 'loading' || state.phase === 'checking') {
      root.append(header(strings.text.checking, '…', 'unknown', showZh, null, opts.onClose));
      const waits = (state.waitingFor ?? []).map((w) => ({ reviews: strings.text.waitingReviews, 'store-age': strings.text.waitingStoreAge, page: strings.text.waitingPage }[w] ?? null)).filter(Boolean);
      for (const w of waits) root.append(el('p', { class: 'state-msg', attrs: { 'data-state-msg': 'checking' } }, bi(w, showZh)));
      return root;
    }
    if (state.phase === 'error') {
      root.append(header(strings.text.coreFailedTitle, '✗', 'unknown', showZh, null, opts.onClose));
      root.append(el('p', { class: 'state-msg', attrs: { 'data-state-msg': 'core-failed' } }, bi(strings.text.coreFailedBody, showZh)));
      if (str(state.error)) root.append(el('code', { class: 'evidence', text: state.error }));
      return root;
    }

    const v = state.verdict ?? {};
    const m = badgeModel(state);
    const lvl = strings.level(m.level);
    const summary = isPlain(v.summary) ? v.summary : {};
    const readable = v.readable !== false && !str(v.error);

    // 1. The answer, read in seconds: level, the one-line reason, what changed, the top actions.
    const answer = el('section', { class: `answer lvl-${m.level}`, attrs: { 'data-answer': '' } });
    const scoreLine = m.score == null ? null : el('span', { class: 'score' }, bi(strings.text.score, showZh), ` ${strings.formatScore(m.score)}`);
    answer.append(header(lvl, lvl.glyph, m.level, showZh, scoreLine, opts.onClose));
    if (isPlain(summary.reason) && str(summary.reason.en)) {
      answer.append(el('p', { class: 'reason', attrs: { 'data-reason': '' } }, bi(summary.reason, showZh)));
    }
    if (state.change && m.was) {
      const why = isPlain(state.change.reason) ? state.change.reason : null;
      const pair = { en: `${strings.text.changedFrom.en} ${strings.level(state.change.from).en}${why ? `: ${why.en}` : ''}`, zh: `${strings.text.changedFrom.zh}${strings.level(state.change.from).zh}${why ? `（${why.zh}）` : ''}` };
      answer.append(el('p', { class: 'change', attrs: { 'data-change': state.change.from, role: 'status' } }, bi(pair, showZh)));
    }
    if (!readable) {
      answer.setAttribute('data-state-msg', 'unreadable');
      answer.append(el('p', { class: 'state-msg', attrs: { 'data-state-msg': 'unreadable' } }, bi(strings.text.unreadableBody, showZh)));
    }
    const actions = (Array.isArray(summary.actions) ? summary.actions : []).filter((a) => isPlain(a) && str(a.en));
    if (actions.length) {
      answer.append(el('ol', { class: 'actions', attrs: { 'aria-label': one(strings.text.topActions) } }, ...actions.map((a) => el('li', {}, bi(a, showZh)))));
    }
    root.append(answer);

    // 2. The warnings, most important first; the first three here, the rest under "show more".
    const evidence = isPlain(summary.evidence) ? summary.evidence : {};
    const all = sortFindings(Array.isArray(v.findings) ? v.findings.filter((f) => f && typeof f === 'object') : [], summary.order);
    const warnings = all.filter((f) => f.severity !== 'positive' && f.id !== 'page-unreadable');
    const positives = all.filter((f) => f.severity === 'positive');
    const TOP = 3;
    const item = (f) => findingItem(f, showZh, evidence[f.id]);
    if (warnings.length) {
      root.append(section(strings.text.findings, showZh, el('ol', { class: 'findings' }, ...warnings.slice(0, TOP).map(item))));
    }
    if (opts.compact) {
      root.append(supplierBlock(v, showZh, state.supplier));
      root.append(el('p', { class: 'privacy' }, bi(strings.text.privacy, showZh)));
      return root;
    }

    // 3. Everything else, one click away.
    const more = el('div', { class: 'more-body', attrs: { 'data-more': '' } });
    const toggle = el('button', { class: 'btn btn-quiet more-toggle', attrs: { type: 'button', 'data-fk': 'more', 'aria-expanded': String(Boolean(opts.more?.open)) } },
      bi(opts.more?.open ? strings.text.showLess : strings.text.showMore, showZh));
    more.hidden = !opts.more?.open;
    toggle.addEventListener('click', () => {
      const open = more.hidden;
      more.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      toggle.replaceChildren(bi(open ? strings.text.showLess : strings.text.showMore, showZh));
      opts.more?.onToggle?.(open);
    });
    root.append(toggle, more);
    if (warnings.length > TOP) more.append(el('ol', { class: 'findings', attrs: { start: String(TOP + 1) } }, ...warnings.slice(TOP).map(item)));
    if (!warnings.length && readable) more.append(el('p', { class: 'muted' }, bi(strings.text.noFindings, showZh)));
    if (str(v.error)) more.append(el('p', {}, el('span', { class: 'k' }, bi(strings.text.error, showZh)), ' ', el('code', { class: 'evidence', text: v.error })));
    more.append(supplierBlock(v, showZh, state.supplier));
    // The buyer's mark and minimum store age, the reviews, a store's facts (panel-sections.js).
    more.append(...sectionsAt('facts', state, showZh, opts));
    // Then what the buyer acts on (the planned order), then what the badges mean.
    const order = orderBlock(v, showZh, readable ? opts.order : null);
    if (order) more.append(order);
    if (readable) {
      const name = str(state.supplier?.licenceCompany) ?? str(v.facts?.licenceCompany) ?? str(v.supplier?.company);
      if (name && opts.licence) more.append(licenceBlock(showZh, { ...opts.licence, name }));
      if (opts.checklist) more.append(checklistBlock(showZh, opts.checklist));
      // The buyer's supplier list controls and the report export, the team's section (panel-sections.js).
      more.append(...sectionsAt('actions', state, showZh, opts));
    }
    more.append(badgesBlock(v, showZh));
    if (positives.length) {
      more.append(section(strings.text.positives, showZh, el('ul', { class: 'findings positives' }, ...positives.map(item))));
    }
    const notes = notesBlock(v, showZh);
    if (notes) more.append(notes);
    more.append(el('p', { class: 'privacy' }, bi(isPlain(state.supplier?.team) && strings.text.privacyTeam ? strings.text.privacyTeam : strings.text.privacy, showZh)));
    return root;
  };
