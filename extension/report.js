// The supplier report: the current supplier's verdict, evidence,
// checklist state and the buyer's own notes, as Markdown (to read, to paste
// into a sourcing file) and as JSON (for tools). Built from what the panel
// already holds plus the buyer's record from the background; saved with
// downloadText (a Blob URL, nothing leaves the computer).
//
// Page strings (company names, titles, evidence) are escaped for Markdown:
// a renderer must not turn a company called "<img onerror=…>" or "[x](…)"
// into markup. Evidence goes into code spans, which are never markup.
import * as strings from './strings.js';
import { downloadText, list } from './supplier-list.js';
import { isPlain, num, str } from './values.js';

  /** Text safe in a Markdown line: one line, markup characters escaped. */
  function md(s) {
    const t = String(s ?? '').replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
    // No heading, list or rule at a line start.
    return /^[#+=-]/.test(t) ? `\\${t}` : t.replace(/^(\d+)([.)])/, '$1\\$2');
  }
  /** An inline code span holding s verbatim (the fence is longer than any backtick run inside). */
  function code(s) {
    const t = String(s ?? '').replace(/[\r\n]+/g, ' ');
    const runs = t.match(/`+/g) ?? [];
    const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
    const pad = t.startsWith('`') || t.endsWith('`') || t.startsWith(' ') ? ' ' : '';
    return `${fence}${pad}${t}${pad}${fence}`;
  }
  const both = (p) => (p && p.zh && p.zh !== p.en ? `${p.en} (${p.zh})` : p?.en ?? '');

  /**
   * The report of a panel state. record: {entry, checklist} from the
   * background (getSupplierRecord), either may be missing. Returns
   * {markdown, json, base} where base is the file name without extension.
   */
  export const buildReport = (state, record = {}, now = new Date()) => {
    const v = isPlain(state?.verdict) ? state.verdict : {};
    const sup = isPlain(v.supplier) ? v.supplier : {};
    const offer = isPlain(v.offer) ? v.offer : {};
    const findings = Array.isArray(v.findings) ? v.findings.filter(isPlain) : [];
    const warnings = findings.filter((f) => f.severity !== 'positive');
    const positives = findings.filter((f) => f.severity === 'positive');
    const notes = Array.isArray(v.notes) ? v.notes.filter((n) => typeof n === 'string' && n) : [];
    const entry = isPlain(record.entry) ? record.entry : isPlain(v.buyerEntry) ? v.buyerEntry : null;
    const ticks = isPlain(record.checklist) ? record.checklist : isPlain(state?.supplier?.checklist) ? state.supplier.checklist : {};
    const checklist = strings.checklist.map((i) => ({ id: i.id, label: i.en, labelZh: i.zh, done: ticks[i.id] === true }));
    const level = strings.level(v.readable === false || v.error ? 'unknown' : v.level);
    const levelId = strings.own(strings.levels, v.level) && v.readable !== false && !v.error ? v.level : 'unknown';
    const score = levelId === 'unknown' ? null : num(v.score);
    const years = num(sup.storeAgeYears);
    const member = list.memberKey(sup.memberId) ?? null;
    const date = list.today(now);
    const base = `trustlens-report-${member ?? 'no-member-id'}-${date}`;
    const remembered = isPlain(state?.supplier?.remembered) ? state.supplier.remembered : null;

    const L = [];
    L.push(`# TrustLens supplier report: ${md(str(sup.company) ?? member ?? 'unknown supplier')}`, '');
    L.push(`- Date: ${now.toISOString()}`);
    if (str(v.url)) L.push(`- Page: ${code(v.url)}`);
    L.push(`- Member id: ${member ? code(member) : 'unknown'}`);
    if (str(sup.loginId)) L.push(`- Login id: ${md(sup.loginId)}`);
    L.push(`- Verdict: **${md(both(level))}**, score ${score ?? 'unknown'} / 100`);
    L.push(`- Store age on 1688: ${years == null ? 'unknown' : `${years} ${years === 1 ? 'year' : 'years'}`}`);
    const badges = Array.isArray(sup.badges) ? sup.badges.filter((b) => typeof b === 'string') : [];
    L.push(`- Badges: ${badges.length ? badges.map((b) => md(strings.own(strings.badges, b) ? both(strings.badges[b]) : b)).join(', ') : 'none found'}`);
    if (str(offer.title) || str(offer.id)) {
      const price = num(offer.priceMin) == null ? '' : `, ¥${offer.priceMin}${num(offer.priceMax) != null && offer.priceMax !== offer.priceMin ? `–${offer.priceMax}` : ''}`;
      L.push(`- Offer: ${md(str(offer.title) ?? '')}${str(offer.id) ? ` (${code(offer.id)})` : ''}${md(price)}${num(offer.moq) != null ? `, MOQ ${offer.moq}` : ''}`);
    }
    if (v.readable === false || str(v.error)) L.push('', '> The page could not be read: treat this supplier as unknown, not as clean.');
    L.push('', '## Your mark');
    if (entry) {
      const action = { block: 'Blocked', trust: 'Trusted (your own mark; the verdict still follows the evidence)', none: 'No mark' }[entry.action] ?? 'No mark';
      L.push(`- ${action}`);
      if (num(entry.rating) != null) L.push(`- Rating: ${entry.rating}/5`);
      if (str(entry.note)) L.push(`- Note: ${md(entry.note)}`);
    } else {
      L.push('- Not on your list.');
    }
    L.push('', `## Warnings (${warnings.length})`);
    if (!warnings.length) L.push('', 'No warnings from the data this page carried.');
    for (const f of warnings) {
      const sev = strings.own(strings.severities, f.severity) ?? strings.severities.info;
      const title = isPlain(f.title) ? f.title : {};
      L.push('', `### [${md(sev.en.toUpperCase())}] ${md(str(title.en) ?? String(f.id ?? ''))}`);
      if (str(title.zh)) L.push('', md(title.zh));
      L.push('');
      L.push(`- Rule: ${code(f.id ?? '')}`);
      if (str(f.evidence)) L.push(`- Evidence: ${code(f.evidence)}`);
      const advice = isPlain(f.advice) ? f.advice : {};
      if (str(advice.en)) L.push(`- What to do: ${md(advice.en)}`);
      if (str(advice.zh)) L.push(`- 建议: ${md(advice.zh)}`);
    }
    if (positives.length) {
      L.push('', `## Positive signals (${positives.length})`, '');
      for (const f of positives) L.push(`- ${md(str(f.title?.en) ?? String(f.id ?? ''))}${str(f.evidence) ? `: ${code(f.evidence)}` : ''}`);
    }
    const advice = isPlain(v.orderAdvice) ? v.orderAdvice : null;
    if (advice) {
      L.push('', '## Planned order', '');
      if (num(advice.plannedUsd) != null) L.push(`- Planned: ${Math.round(advice.plannedUsd)} USD`);
      if (num(advice.ceilingUsd) != null) L.push(`- This record supports: ${advice.ceilingUsd === 0 ? 'samples only' : `a first order up to ${Math.round(advice.ceilingUsd)} USD`}`);
      for (const st of Array.isArray(advice.steps) ? advice.steps.filter(isPlain) : []) if (str(st.en)) L.push(`- ${md(st.en)}`);
    }
    const done = checklist.filter((i) => i.done).length;
    L.push('', `## Buyer's checklist (${done} of ${checklist.length} done)`, '');
    for (const i of checklist) L.push(`- [${i.done ? 'x' : ' '}] ${md(i.label)} (${md(i.labelZh)})`);
    if (remembered) {
      L.push('', '## Remembered from other pages', '');
      for (const [field, src] of Object.entries(remembered)) {
        if (!isPlain(src)) continue;
        L.push(`- ${md(strings.own(strings.factNames, field)?.en ?? field)}: seen on ${code(src.url ?? '')}${Number.isFinite(src.at) ? ` (${new Date(src.at).toISOString().slice(0, 10)})` : ''}`);
      }
    }
    if (notes.length) {
      L.push('', "## Couldn't read", '');
      for (const n of notes) L.push(`- ${md(n)}`);
    }
    L.push('', '---', '', 'Made by TrustLens on this computer. Nothing was sent anywhere.', '');

    const json = {
      format: 'trustlens-supplier-report',
      version: 1,
      generatedAt: now.toISOString(),
      url: str(v.url),
      memberId: member,
      company: str(sup.company),
      level: levelId,
      score,
      storeAgeYears: years,
      badges,
      offer,
      findings: warnings,
      positives,
      notes,
      orderAdvice: advice,
      checklist: { done, total: checklist.length, items: checklist },
      buyerEntry: entry ? { action: entry.action, rating: num(entry.rating), note: str(entry.note) ?? '' } : null,
      remembered,
      verdict: v,
    };
    return { markdown: L.join('\n'), json: `${JSON.stringify(json, null, 2)}\n`, base };
  };
