// The panel's "Reviews 评价" section (view.js calls reviewsBlock when it is
// loaded): the core's headline ("N of M reviews look suspicious …"), the rating
// shown on the page against the rating without the suspicious reviews, with how
// many reviews each rests on, "too few reviews to judge", and the groups behind
// the flags (clusters, bursts, repeat buyers). The review findings themselves
// are in the panel's warnings like every other finding. Text nodes only.
import * as dom from './dom.js';
import { el } from './dom.js';
import { own, reviewRatings, reviewText } from './strings.js';
import { num, str } from './values.js';

  const MAX_GROUPS = 8;
  const int = (v) => (Number.isInteger(v) && v >= 0 ? v : null);
  const fmt = (r) => r.toFixed(1);

  /** A label in the panel language (dom.js bi). */
  const bi = (pair, showZh, tag = 'span', cls = 'bi') => dom.bi(pair, showZh, tag, {}, cls);

  /** The section for a verdict, or null when the page carried no reviews (verdict.reviews null). */
  export const reviewsBlock = (v, showZh) => {
    const r = v?.reviews;
    if (!r || typeof r !== 'object' || Array.isArray(r)) return null;
    const T = reviewText;
    const R = reviewRatings;
    const total = int(r.total) ?? 0;
    const suspicious = int(r.suspicious) ?? 0;
    const sec = el('section', {
      class: 'sec reviews',
      attrs: { 'data-reviews': '', 'data-reviews-total': total, 'data-reviews-suspicious': suspicious, 'data-reviews-too-few': String(r.tooFew === true) },
    }, bi(T.section, showZh, 'h3'));

    const head = r.headline && typeof r.headline === 'object' ? r.headline : {};
    if (str(head.en)) sec.append(bi({ en: head.en, zh: str(head.zh) ?? '' }, showZh, 'p', 'rv-headline'));
    if (r.tooFew === true) sec.append(el('p', { class: 'rv-toofew', attrs: { 'data-reviews-too-few-note': '' } }, bi(T.tooFew, showZh)));

    // Ratings: as the page shows it, as the reviews read give it, and without the suspicious ones.
    const lines = [];
    const page = num(r.pageRating);
    if (page != null) lines.push(['page', R.page(fmt(page), int(r.declared))]);
    const raw = num(r.rawRating);
    if (raw != null) lines.push(['raw', R.raw(fmt(raw), int(r.ratedRaw) ?? total)]);
    const adj = num(r.adjustedRating);
    if (adj != null) {
      const rested = int(r.ratedAdjusted); // not in every verdict: then say what was left out
      lines.push(['adjusted', rested != null ? R.adjusted(fmt(adj), rested) : R.adjustedOf(fmt(adj), total, suspicious)]);
    }
    if (lines.length) {
      sec.append(el('ul', { class: 'rv-ratings' }, ...lines.map(([k, pair]) => el('li', { attrs: { 'data-rating': k } }, bi(pair, showZh)))));
    }

    const groups = Array.isArray(r.groups) ? r.groups.filter((g) => g && typeof g === 'object') : [];
    if (groups.length) {
      sec.append(el('p', { class: 'label' }, bi(T.groups, showZh)));
      const ul = el('ul', { class: 'rv-groups' });
      for (const g of groups.slice(0, MAX_GROUPS)) {
        const name = own(T.detectors, g.detector) ?? { en: String(g.detector ?? ''), zh: '' };
        const li = el('li', { attrs: { 'data-group': String(g.detector ?? '') } }, el('strong', {}, bi(name, showZh)));
        // The core's detail says how many reviews and buyers ("7 reviews from 7 different buyers, …"); else the size.
        if (str(g.detail)) li.append(el('span', { class: 'rv-detail', text: ` · ${g.detail}` }));
        else if (int(g.size) != null) li.append(' · ', bi(T.groupSize(g.size), showZh));
        if (str(g.label)) li.append(el('span', { class: 'rv-label', text: g.label }));
        ul.append(li);
      }
      if (groups.length > MAX_GROUPS) ul.append(el('li', { class: 'muted' }, bi(T.moreGroups(groups.length - MAX_GROUPS), showZh)));
      sec.append(ul);
    }

    const notes = Array.isArray(r.notes) ? r.notes.filter((n) => typeof n === 'string' && n) : [];
    if (notes.length) sec.append(el('ul', { class: 'notes rv-notes' }, ...notes.slice(0, 6).map((n) => el('li', { text: n }))));
    return sec;
  };

  // The section's own styles, added to the overlay's sheet (overlay-style.js
  // builds it from css on first use, after every content script has loaded).
  export const css = `
.rv-headline { font-weight: 700; margin: 0.3em 0; }
.rv-toofew { margin: 0.3em 0; padding: 0.2em 0.5em; border-left: 0.25em solid #6b7280; background: #f3f4f6; }
.rv-ratings, .rv-groups { margin: 0.3em 0; padding-left: 1.2em; }
.rv-ratings li, .rv-groups li { margin: 0.2em 0; }
.rv-groups .rv-label { display: block; color: #374151; font-size: 0.9em; }
.rv-groups .rv-detail { color: #4b5563; }
.rv-notes { font-size: 0.9em; }
`;
