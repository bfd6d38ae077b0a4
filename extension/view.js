// Builds the badge label and the verdict panel as DOM nodes, for the page
// overlay and the popup alike. Page-derived strings only ever go through
// textContent: no HTML parsing anywhere (lint-enforced, e2e/lint.test.mjs).
(() => {
  'use strict';
  const TL = (globalThis.TrustLens ??= {});

  /** createElement with a class, text and attributes; children appended in order. */
  function el(tag, opts = {}, ...children) {
    const node = document.createElement(tag);
    if (opts.class) node.className = opts.class;
    if (opts.text != null) node.textContent = String(opts.text);
    for (const [k, v] of Object.entries(opts.attrs ?? {})) node.setAttribute(k, String(v));
    for (const c of children) if (c) node.append(c);
    return node;
  }
  TL.el = el;

  /** English text, then (optionally) the Chinese in its own lang-tagged span. */
  function bi(pair, showZh, tag = 'span') {
    const node = el(tag, { class: 'bi' }, el('span', { class: 'en', text: pair.en }));
    if (showZh && pair.zh && pair.zh !== pair.en) {
      const zh = el('span', { class: 'zh', text: pair.zh, attrs: { lang: 'zh-CN' } });
      if (TL.zhFirst) node.prepend(zh, ' '); else node.append(' ', zh); // options language "中文": Chinese first (settings.js)
    }
    return node;
  }

  const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const isPlainObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const str = (v) => (typeof v === 'string' && v !== '' ? v : null);

  /**
   * What the badge says for a state: {level, glyph, word, text, label}.
   * state: {phase: 'loading'|'ready'|'error', verdict?, error?}
   */
  TL.badgeModel = (state) => {
    if (state.phase === 'loading') {
      return { level: 'unknown', glyph: '…', text: TL.text.checking.en, label: `TrustLens: ${TL.text.checking.en}` };
    }
    const v = state.phase === 'ready' ? state.verdict : null;
    // An unreadable page or a failed analysis is never shown with a level, whatever else it says.
    const usable = v && v.readable !== false && !v.error;
    const levelId = usable && TL.own(TL.levels, v.level) ? v.level : 'unknown';
    const lvl = TL.level(levelId);
    const score = levelId === 'unknown' ? null : num(v?.score);
    const years = num(v?.supplier?.storeAgeYears);
    const text = `${TL.zhFirst ? lvl.zh : lvl.en} · ${TL.formatScore(score)} · ${TL.yearsText?.(years) ?? TL.formatYears(years)}`;
    const glyph = state.phase === 'error' ? '✗' : lvl.glyph;
    const why = state.phase === 'error' ? ` (${TL.text.coreFailedTitle.en})` : '';
    const label = `TrustLens: ${lvl.en}${why}, score ${score ?? 'unknown'}, ` +
      `${years == null ? 'store age unknown' : `${TL.formatYears(years)} on 1688`}. Show details.`;
    return { level: levelId, score, glyph, text, label };
  };

  function section(titlePair, showZh, ...children) {
    return el('section', { class: 'sec' }, bi(titlePair, showZh, 'h3'), ...children);
  }

  function findingItem(f, showZh) {
    const sev = TL.own(TL.severities, f.severity) ?? TL.severities.info;
    const title = f.title ?? {};
    const advice = f.advice ?? {};
    const li = el('li', { class: `finding sev-${TL.own(TL.severities, f.severity) ? f.severity : 'info'}`, attrs: { 'data-finding-id': String(f.id ?? '') } });
    li.append(el('p', { class: 'sev' }, bi(sev, showZh)));
    li.append(el('p', { class: 'ftitle', text: str(title.en) ?? String(f.id ?? '') }));
    if (showZh && str(title.zh)) {
      const zh = el('p', { class: 'ftitle-zh', text: title.zh, attrs: { lang: 'zh-CN' } });
      if (TL.zhFirst) li.lastChild.before(zh); else li.append(zh);
    }
    if (str(f.evidence)) {
      li.append(el('p', { class: 'label' }, bi(TL.text.evidence, showZh)));
      li.append(el('code', { class: 'evidence', text: f.evidence }));
    }
    if (str(advice.en) || str(advice.zh)) {
      li.append(el('p', { class: 'label' }, bi(TL.text.advice, showZh)));
      if (str(advice.en)) li.append(el('p', { class: 'advice', text: advice.en }));
      if (showZh && str(advice.zh)) {
        const zh = el('p', { class: 'advice-zh', text: advice.zh, attrs: { lang: 'zh-CN' } });
        if (TL.zhFirst && str(advice.en)) li.lastChild.before(zh); else li.append(zh);
      }
    }
    return li;
  }

  function sortFindings(list) {
    const rank = (f) => TL.own(TL.severityRank, f.severity) ?? 3;
    return [...list].sort((a, b) => rank(a) - rank(b) || String(a.id).localeCompare(String(b.id)));
  }

  /**
   * Lines saying where remembered values came from, one per page they were
   * seen on; the store age first, on its own line, right under the years.
   */
  function rememberedLines(remembered, showZh) {
    const groups = new Map(); // "url at" -> {url, at, fields[]}
    for (const [field, src] of Object.entries(remembered)) {
      if (!isPlainObj(src) || !TL.own(TL.factNames, field)) continue;
      const key = `${src.url} ${src.at}`;
      if (!groups.has(key)) groups.set(key, { url: str(src.url) ?? '', at: src.at, fields: [] });
      groups.get(key).fields.push(field);
    }
    const lines = [];
    const line = (fields, g, same) => {
      const seenOn = TL.detectPage?.(g.url); // (the popup has no page detectors: "store")
      const kind = seenOn && !seenOn.store ? 'offer' : 'store';
      const p = el('p', { class: 'remembered', attrs: { 'data-remembered': fields.join(' ') } }, bi(TL.rememberedFrom(fields, kind, g.at, same), showZh));
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

  function supplierBlock(v, showZh, supplier) {
    const sup = v.supplier ?? {};
    const offer = v.offer ?? {};
    const remembered = isPlainObj(supplier?.remembered) ? supplier.remembered : {};
    const box = el('div', { class: 'facts' });
    box.append(el('p', {}, el('span', { class: 'k' }, bi(TL.text.supplier, showZh)), ' ',
      el('span', { class: 'company', text: str(sup.company) ?? '?' })));
    const years = num(sup.storeAgeYears);
    box.append(el('p', { class: 'years' }, years == null
      ? bi(TL.text.storeAgeUnknown, showZh)
      : el('span', {}, el('span', { class: 'k' }, bi(TL.text.storeAge, showZh)), ' ', TL.formatYears(years))));
    // Values this page did not show, remembered from the supplier's other pages: say where from.
    box.append(...rememberedLines(remembered, showZh));
    if (str(offer.title)) {
      box.append(el('p', { class: 'offer' }, el('span', { class: 'k' }, bi(TL.text.offer, showZh)), ' ',
        el('span', { class: 'otitle', text: offer.title })));
    }
    const bits = [];
    const lo = num(offer.priceMin), hi = num(offer.priceMax);
    if (lo != null) bits.push(hi != null && hi !== lo ? `¥${lo}–${hi}` : `¥${lo}`);
    if (num(offer.moq) != null) bits.push(`${TL.text.moq.en} ${offer.moq}`);
    if (str(offer.sales)) bits.push(`${TL.text.sales.en} ${offer.sales}`);
    if (bits.length) box.append(el('p', { class: 'obits', text: bits.join(' · ') }));
    return box;
  }

  function badgesBlock(v, showZh) {
    const ids = Array.isArray(v.supplier?.badges) ? v.supplier.badges.filter((b) => typeof b === 'string') : [];
    if (!ids.length) return section(TL.text.badges, showZh, el('p', { class: 'muted' }, bi(TL.text.noBadges, showZh)));
    const ul = el('ul', { class: 'badges' });
    for (const id of ids) {
      const b = TL.own(TL.badges, id);
      const li = el('li', { attrs: { 'data-badge-id': id } });
      if (!b) { li.append(el('strong', { text: id })); ul.append(li); continue; }
      // The Chinese term stays even when translations are off: it is what the page shows.
      li.append(el('strong', { text: `${b.en} (${b.zh})` }), ' ', el('span', { text: b.means }));
      li.append(el('p', { class: 'notproof', text: b.notProof }));
      ul.append(li);
    }
    return section(TL.text.badges, showZh, ul);
  }

  function notesBlock(v, showZh) {
    const notes = Array.isArray(v?.notes) ? v.notes.filter((n) => typeof n === 'string' && n) : [];
    if (!notes.length) return null;
    return section(TL.text.notes, showZh, el('ul', { class: 'notes' }, ...notes.map((n) => el('li', { text: n }))));
  }

  const fmtUsd = (n) => `${Math.round(n).toLocaleString('en-US')} USD`;

  /** The buyer's planned order (form, when opts.order is given) and the core's orderAdvice. */
  function orderBlock(v, showZh, order) {
    const advice = isPlainObj(v.orderAdvice) ? v.orderAdvice : null;
    if (!order && !advice) return null;
    const sec = section(TL.text.plannedOrder, showZh);
    sec.classList.add('order');
    if (order) {
      const value = order.value ?? {};
      const form = el('form', { class: 'order-form', attrs: { novalidate: '' } });
      const amount = el('input', { attrs: { type: 'number', min: '1', step: 'any', inputmode: 'decimal', 'data-fk': 'amount', 'aria-label': TL.text.amount.en } });
      if (Number.isFinite(value.amount)) amount.value = String(value.amount);
      const currency = el('select', { attrs: { 'data-fk': 'currency', 'aria-label': TL.text.currency.en } },
        el('option', { text: 'USD', attrs: { value: 'USD' } }), el('option', { text: 'CNY', attrs: { value: 'CNY' } }));
      currency.value = (value.currency ?? TL.settingsNow?.currency) === 'CNY' ? 'CNY' : 'USD'; // default from the options
      const submit = el('button', { class: 'btn', attrs: { type: 'submit', 'data-fk': 'submit' } }, bi(TL.text.getAdvice, showZh));
      const error = el('p', { class: 'form-error', attrs: { role: 'alert' } });
      const draft = () => ({ amount: amount.value === '' ? null : Number(amount.value), currency: currency.value });
      amount.addEventListener('input', () => order.onDraft?.(draft()));
      currency.addEventListener('change', () => order.onDraft?.(draft()));
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const n = Number(amount.value);
        if (!(n > 0 && n <= 1e9)) {
          amount.setAttribute('aria-invalid', 'true');
          error.replaceChildren(bi(TL.text.amountInvalid, showZh));
          return;
        }
        order.onSubmit({ amount: n, currency: currency.value });
      });
      form.append(el('p', { class: 'muted' }, bi(TL.text.orderHint, showZh)), amount, ' ', currency, ' ', submit);
      if (order.value) {
        const clear = el('button', { class: 'btn btn-quiet', attrs: { type: 'button', 'data-fk': 'clear' } }, bi(TL.text.clearOrder, showZh));
        clear.addEventListener('click', () => order.onSubmit(null));
        form.append(' ', clear);
      }
      form.append(error);
      sec.append(form);
    }
    if (advice) {
      const tone = TL.own(TL.tones, advice.tone) ? advice.tone : 'careful';
      const box = el('div', { class: `advice-box tone-${tone}`, attrs: { 'data-tone': tone } });
      box.append(el('p', { class: 'tone' }, bi(TL.tones[tone], showZh)));
      const ceiling = num(advice.ceilingUsd);
      if (ceiling != null) {
        box.append(ceiling === 0
          ? el('p', {}, bi(TL.text.ceilingSamples, showZh))
          : el('p', {}, el('span', {}, TL.text.ceilingUpTo.en, ` ${fmtUsd(ceiling)}`),
            showZh ? el('span', { class: 'zh', text: ` ${TL.text.ceilingUpTo.zh}：${fmtUsd(ceiling)}`, attrs: { lang: 'zh-CN' } }) : null));
      }
      const steps = Array.isArray(advice.steps) ? advice.steps.filter(isPlainObj) : [];
      if (steps.length) {
        box.append(el('ol', { class: 'steps' }, ...steps.map((st) => el('li', {},
          el('span', { text: str(st.en) ?? '' }),
          showZh && str(st.zh) ? el('span', { class: 'zh step-zh', text: st.zh, attrs: { lang: 'zh-CN' } }) : null))));
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
    const sec = section(TL.text.checklist, showZh);
    sec.classList.add('checklist');
    const value = { ...(isPlainObj(list.value) ? list.value : {}) };
    const total = TL.checklist.length;
    const progress = el('p', { class: 'chk-progress', attrs: { 'data-chk-progress': '', 'aria-live': 'polite' } });
    const showProgress = () => {
      const n = TL.checklist.filter((i) => value[i.id] === true).length;
      progress.setAttribute('data-done', String(n));
      progress.replaceChildren(bi(TL.checklistProgress(n, total), showZh));
    };
    const ul = el('ul', { class: 'chk', attrs: { 'aria-label': TL.text.checklist.en } });
    for (const item of TL.checklist) {
      const id = `tl-chk-${item.id}`;
      const box = el('input', { attrs: { type: 'checkbox', id, 'data-fk': `chk-${item.id}`, 'data-chk': item.id, 'aria-describedby': `${id}-why` } });
      box.checked = value[item.id] === true;
      box.addEventListener('change', () => {
        if (box.checked) value[item.id] = true;
        else delete value[item.id];
        showProgress();
        list.onToggle?.(item.id, box.checked);
      });
      const why = el('p', { class: 'why', attrs: { id: `${id}-why` } }, el('span', { text: item.why.en }));
      if (showZh) why.append(' ', el('span', { class: 'zh', text: item.why.zh, attrs: { lang: 'zh-CN' } }));
      ul.append(el('li', {}, box, ' ', el('label', { attrs: { for: id } }, bi(item, showZh)), why));
    }
    showProgress();
    sec.append(el('p', { class: 'muted' }, bi(TL.text.checklistHint, showZh)), progress, ul);
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
    const sec = section(TL.text.licenceCheck, showZh);
    sec.classList.add('licence');
    sec.append(el('p', { class: 'muted' }, bi(TL.text.licenceIntro, showZh)));
    const field = el('input', { class: 'licence-name', attrs: { type: 'text', readonly: '', id: 'tl-licence-name', 'data-fk': 'licence-name', 'aria-describedby': 'tl-licence-status' } });
    field.value = lic.name;
    sec.append(el('p', { class: 'licence-field' }, el('label', { attrs: { for: 'tl-licence-name' } }, bi(TL.text.licenceName, showZh)), ' ', field));
    const zhName = el('span', { text: TL.text.licenceButton.zh });
    if (showZh) zhName.setAttribute('lang', 'zh-CN');
    const link = el('a', {
      class: 'btn btn-link',
      attrs: { href: TL.links.gsxt, target: '_blank', rel: 'noopener noreferrer', 'data-fk': 'gsxt' },
    }, el('span', { text: TL.text.licenceButton.en }), ' (', zhName, ') ', el('span', { class: 'newtab', text: TL.text.opensNewTab.en }));
    const status = el('p', { class: 'licence-status', attrs: { id: 'tl-licence-status', role: 'status', 'data-licence-status': lic.status ?? '' } });
    const show = (st) => {
      status.setAttribute('data-licence-status', st ?? '');
      status.replaceChildren(st === 'copied' ? bi(TL.text.licenceCopied, showZh) : st === 'manual' ? bi(TL.text.licenceCopyManual, showZh) : '');
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
      const b = el('button', { class: 'close', attrs: { type: 'button', 'aria-label': TL.text.close.en } }, el('span', { text: '✕', attrs: { 'aria-hidden': 'true' } }), ' ', el('span', { text: TL.text.close.en }));
      b.addEventListener('click', onClose);
      h.append(b);
    }
    return h;
  }

  /**
   * The panel body for a state. opts: {showChinese, compact, onClose, order, checklist, licence}.
   * compact (popup): top three warnings only, no badge explanations, no form.
   * order: {value: {amount, currency} | null, onDraft(draft), onSubmit(value | null)}
   * shows the planned-order form (the core's orderAdvice shows whenever present).
   * state.supplier (from the background): {id, checklist, remembered, licenceCompany}.
   * checklist: {value, onToggle(id, done)} shows the buyer's checklist;
   * licence: {status, onStatus(status)} shows the licence check (when a company name is known).
   */
  TL.buildPanel = (state, opts = {}) => {
    const showZh = opts.showChinese !== false;
    const root = el('div', { class: 'panel-body', attrs: { 'data-phase': state.phase } });

    if (state.phase === 'loading') {
      root.append(header(TL.text.checking, '…', 'unknown', showZh, null, opts.onClose));
      return root;
    }
    if (state.phase === 'error') {
      root.append(header(TL.text.coreFailedTitle, '✗', 'unknown', showZh, null, opts.onClose));
      root.append(el('p', { class: 'state-msg', attrs: { 'data-state-msg': 'core-failed' } }, bi(TL.text.coreFailedBody, showZh)));
      if (str(state.error)) root.append(el('code', { class: 'evidence', text: state.error }));
      return root;
    }

    const v = state.verdict ?? {};
    const m = TL.badgeModel(state);
    const lvl = TL.level(m.level);
    const scoreLine = el('p', { class: 'score' }, bi(TL.text.score, showZh), ` ${TL.formatScore(m.score)} / 100`);
    root.append(header(lvl, lvl.glyph, m.level, showZh, scoreLine, opts.onClose));

    if (v.readable === false || str(v.error)) {
      root.append(el('div', { class: 'state-msg', attrs: { 'data-state-msg': 'unreadable' } },
        bi(TL.text.unreadableTitle, showZh, 'p'), bi(TL.text.unreadableBody, showZh, 'p')));
      if (str(v.error)) root.append(el('p', {}, el('span', { class: 'k' }, bi(TL.text.error, showZh)), ' ', el('code', { class: 'evidence', text: v.error })));
    }

    root.append(supplierBlock(v, showZh, state.supplier));
    // The buyer's minimum store age and list mark (panel-extras.js; issue 5).
    root.append(...(TL.panelExtras?.('facts', state, showZh, opts) ?? []));

    const all = sortFindings(Array.isArray(v.findings) ? v.findings.filter((f) => f && typeof f === 'object') : []);
    let warnings = all.filter((f) => f.severity !== 'positive');
    const positives = all.filter((f) => f.severity === 'positive');
    if (opts.compact) warnings = warnings.slice(0, 3);
    root.append(section(TL.text.findings, showZh, warnings.length
      ? el('ol', { class: 'findings' }, ...warnings.map((f) => findingItem(f, showZh)))
      : el('p', { class: 'muted' }, bi(TL.text.noFindings, showZh))));
    // The review summary (review-panel.js; absent in the popup).
    const reviews = opts.compact ? null : TL.reviewsBlock?.(v, showZh);
    if (reviews) root.append(reviews);
    // A store page's licence and factory facts (store-facts-panel.js; absent in the popup).
    if (!opts.compact) root.append(...(TL.storeFactsBlocks?.(v, showZh) ?? []));
    // Then what the buyer acts on (the planned order), then what the badges mean.
    const readable = v.readable !== false && !str(v.error);
    const order = orderBlock(v, showZh, readable && !opts.compact ? opts.order : null);
    if (order) root.append(order);
    if (readable && !opts.compact) {
      const name = str(state.supplier?.licenceCompany) ?? str(v.facts?.licenceCompany) ?? str(v.supplier?.company);
      if (name && opts.licence) root.append(licenceBlock(showZh, { ...opts.licence, name }));
      if (opts.checklist) root.append(checklistBlock(showZh, opts.checklist));
      // The buyer's supplier list controls and the report export (panel-extras.js; absent in the popup).
      root.append(...(TL.panelExtras?.('actions', state, showZh, opts) ?? []));
      // The team's data and actions while team sync is on (team-panel.js; absent in the popup).
      if (TL.teamSection && isPlainObj(state.supplier?.team)) root.append(TL.teamSection(state, showZh));
    }
    if (!opts.compact) root.append(badgesBlock(v, showZh));
    if (positives.length && !opts.compact) {
      root.append(section(TL.text.positives, showZh, el('ul', { class: 'findings positives' }, ...positives.map((f) => findingItem(f, showZh)))));
    }
    const notes = notesBlock(v, showZh);
    if (notes) root.append(notes);
    root.append(el('p', { class: 'privacy' }, bi(isPlainObj(state.supplier?.team) && TL.text.privacyTeam ? TL.text.privacyTeam : TL.text.privacy, showZh)));
    return root;
  };
})();
