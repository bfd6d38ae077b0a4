// Panel sections for the buyer's list and the supplier report, called by view.js (panelExtras):
//   'facts'    under the supplier facts: the buyer's mark on this supplier and
//              the note when the store is younger than the buyer's minimum
//              (options); also in the popup.
//   'actions'  after the checklist (page panel only): the buyer's supplier
//              list controls (block / trust / note / rating 1-5) and the
//              supplier report export (Markdown, JSON).
// The list is written by the background (setSupplierEntry); the change
// reaches content.js through chrome.storage and re-runs the check. What the
// buyer typed but did not save survives the panel's re-renders (late page
// data re-renders it). Controls carry data-fk so the overlay keeps focus on
// them across re-renders.
import { bi, el } from './dom.js';
import { buildReport } from './report.js';
import { pairText, settingsNow } from './settings.js';
import { minAgeNote, text } from './strings.js';
import { downloadText, list } from './supplier-list.js';
import { isPlain, num, str } from './values.js';

  const drafts = new Map(); // member key -> {action, rating, note} typed, not saved
  const statuses = new Map(); // member key -> {ok, text} of the last save

  const section = (title, showZh, cls, ...children) => el('section', { class: `sec ${cls}` }, bi(title, showZh, 'h3'), ...children);

  function factsPart(state, showZh) {
    const v = isPlain(state.verdict) ? state.verdict : {};
    if (v.kind === 'search') return [];
    const out = [];
    const entry = isPlain(v.buyerEntry) ? v.buyerEntry : null;
    if (entry && entry.action !== 'none') {
      const p = el('p', { class: 'list-mark', attrs: { 'data-list-mark': entry.action } },
        el('span', { text: entry.action === 'block' ? '⊘' : '✓', attrs: { 'aria-hidden': 'true' } }), ' ',
        bi(entry.action === 'block' ? text.blockedByYou : text.trustedByYou, showZh));
      if (num(entry.rating) != null) p.append(` · ${pairText(text.yourRating)} ${entry.rating}/5`);
      if (str(entry.note)) p.append(' · ', el('span', { class: 'list-note', text: entry.note }));
      out.push(p);
    }
    // A store under the minimum is the core's finding store-age-below-minimum; an unknown age cannot be checked.
    const min = settingsNow.minStoreYears;
    const readable = v.readable !== false && !str(v.error);
    if (min > 0 && readable && num(v.supplier?.storeAgeYears) == null) {
      out.push(el('p', { class: 'min-age', attrs: { 'data-min-age': 'unknown' } },
        el('span', { text: '⚠', attrs: { 'aria-hidden': 'true' } }), ' ', bi(minAgeNote(min), showZh)));
    }
    return out;
  }

  function listSection(state, showZh) {
    const v = state.verdict;
    const sup = isPlain(v.supplier) ? v.supplier : {};
    const key = list.memberKey(sup.memberId);
    const sec = section(text.yourList, showZh, 'buyer-list');
    sec.setAttribute('data-buyer-list', key ?? '');
    sec.append(el('p', { class: 'muted' }, bi(text.listHint, showZh)));
    if (!key) {
      sec.append(el('p', { class: 'muted', attrs: { 'data-list-nomember': '' } }, bi(text.listNoMember, showZh)));
      return sec;
    }
    const saved = isPlain(v.buyerEntry) ? v.buyerEntry : { action: 'none', note: '', rating: null };
    const value = drafts.get(key) ?? { action: saved.action ?? 'none', rating: num(saved.rating), note: saved.note ?? '' };
    const form = el('form', { class: 'list-form', attrs: { novalidate: '' } });
    const draft = () => ({
      action: form.querySelector('input[name="tl-list-action"]:checked')?.value ?? 'none',
      rating: rating.value === '' ? null : Number(rating.value),
      note: note.value,
    });
    const keep = () => drafts.set(key, draft());

    const fs = el('fieldset', { class: 'list-action' }, el('legend', {}, bi(text.listAction, showZh)));
    for (const [action, label] of [['none', text.actionNone], ['trust', text.actionTrust], ['block', text.actionBlock]]) {
      const id = `tl-list-${action}`;
      const radio = el('input', { attrs: { type: 'radio', name: 'tl-list-action', id, value: action, 'data-fk': `list-${action}` } });
      radio.checked = value.action === action;
      radio.addEventListener('change', keep);
      fs.append(el('span', { class: 'choice' }, radio, ' ', el('label', { attrs: { for: id } }, bi(label, showZh))), ' ');
    }
    const rating = el('select', { attrs: { id: 'tl-list-rating', 'data-fk': 'list-rating' } },
      el('option', { text: pairText(text.ratingNone), attrs: { value: '' } }),
      ...[1, 2, 3, 4, 5].map((n) => el('option', { text: `${n} ${'★'.repeat(n)}`, attrs: { value: String(n), 'aria-label': `${n} of 5` } })));
    rating.value = value.rating == null ? '' : String(value.rating);
    rating.addEventListener('change', keep);
    const note = el('textarea', { attrs: { id: 'tl-list-note', rows: '2', maxlength: String(list.MAX_NOTE_BYTES), 'data-fk': 'list-note' } });
    note.value = value.note ?? '';
    note.addEventListener('input', keep);
    const save = el('button', { class: 'btn', attrs: { type: 'submit', 'data-fk': 'list-save' } }, bi(text.saveEntry, showZh));
    const st = statuses.get(key);
    const status = el('p', { class: 'list-status', attrs: { role: 'status', 'data-list-status': st ? (st.ok ? 'saved' : 'failed') : '' } });
    if (st) status.append(st.ok ? bi(text.entrySaved, showZh) : el('span', {}, bi(text.entryFailed, showZh), ` ${st.text}`));
    form.append(
      fs,
      el('p', {}, el('label', { attrs: { for: 'tl-list-rating' } }, bi(text.rating, showZh)), ' ', rating),
      el('p', {}, el('label', { attrs: { for: 'tl-list-note' } }, bi(text.note, showZh)), el('br'), note),
      el('p', { class: 'muted' }, bi(text.listTrustHint, showZh)),
      save, status,
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const d = draft();
      let reply;
      try {
        reply = await chrome.runtime.sendMessage({ type: 'setSupplierEntry', memberId: key, company: str(sup.company) ?? '', ...d });
      } catch (err) {
        reply = { ok: false, error: String(err?.message ?? err) };
      }
      if (reply?.ok) drafts.delete(key);
      statuses.set(key, { ok: Boolean(reply?.ok), text: String(reply?.error ?? '') });
      status.setAttribute('data-list-status', reply?.ok ? 'saved' : 'failed');
      status.replaceChildren(reply?.ok ? bi(text.entrySaved, showZh) : el('span', {}, bi(text.entryFailed, showZh), ` ${reply?.error ?? ''}`));
      // The stored change re-runs the check (content.js): the verdict then carries the mark.
    });
    sec.append(form);
    return sec;
  }

  function reportSection(state, showZh) {
    const sec = section(text.report, showZh, 'report');
    sec.append(el('p', { class: 'muted' }, bi(text.reportHint, showZh)));
    const make = (kind) => {
      const b = el('button', { class: 'btn btn-quiet', attrs: { type: 'button', 'data-fk': `report-${kind}`, 'data-report': kind } },
        bi(kind === 'md' ? text.reportMarkdown : text.reportJSON, showZh));
      b.addEventListener('click', async () => {
        const v = state.verdict ?? {};
        let record = {};
        try {
          const r = await chrome.runtime.sendMessage({ type: 'getSupplierRecord', memberId: v.supplier?.memberId ?? null, supplier: state.supplier?.id ?? null });
          if (r?.ok) record = r;
        } catch { /* the report still has the verdict and the panel's own checklist */ }
        const rep = buildReport(state, record);
        const root = b.getRootNode();
        if (kind === 'md') downloadText(rep.markdown, `${rep.base}.md`, 'text/markdown;charset=utf-8', root instanceof ShadowRoot ? root : null);
        else downloadText(rep.json, `${rep.base}.json`, 'application/json', root instanceof ShadowRoot ? root : null);
      });
      return b;
    };
    sec.append(el('p', {}, make('md'), ' ', make('json')));
    return sec;
  }

  // Styles of these sections, added to the overlay's sheet (overlay-style.js)
  // before its first use: this file loads after it, and the sheet is built lazily.
  export const css = `
.list-mark, .min-age { margin: 0.5em 0.9em; padding: 0.2em 0.5em; }
.list-mark { font-weight: 700; border-left: 0.25em solid #6b7280; }
.list-mark[data-list-mark="block"] { border-color: #b91c1c; }
.list-mark .list-note { font-weight: 400; }
.min-age { border-left: 0.25em solid #d97706; background: #fffbeb; }
.list-form fieldset { border: 0.0625em solid #d1d5db; border-radius: 0.3em; margin: 0.3em 0; padding: 0.2em 0.6em 0.4em; }
.list-form legend { font-weight: 600; padding: 0 0.2em; }
.list-form .choice { display: inline-block; margin: 0.15em 0.8em 0.15em 0; }
.list-form label { font-weight: 600; cursor: pointer; }
.list-form select, .list-form textarea { font: inherit; font-size: 0.95em; padding: 0.2em 0.4em; border: 0.0625em solid #6b7280; border-radius: 0.3em; background: #fff; color: #111827; }
.list-form textarea { box-sizing: border-box; width: 100%; resize: vertical; }
.list-form :focus-visible, .report .btn:focus-visible { outline: 0.2em solid #2563eb; outline-offset: 0.1em; }
.list-status { margin: 0.3em 0; font-weight: 600; color: #15803d; }
.list-status[data-list-status="failed"] { color: #b91c1c; }
.list-status:empty { display: none; }
.cards-summary code.evidence { margin-bottom: 0.3em; }
`;

  /** Nodes for a place in the panel ('facts' or 'actions'), never null. */
  export const panelExtras = (where, state, showZh, opts = {}) => {
    if (state?.phase !== 'ready' || !isPlain(state.verdict)) return [];
    try {
      if (where === 'facts') return factsPart(state, showZh);
      if (where === 'actions' && !opts.compact && state.verdict.kind !== 'search') return [listSection(state, showZh), reportSection(state, showZh)];
    } catch { /* a section that fails must not take the panel with it */ }
    return [];
  };
