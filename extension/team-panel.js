// The panel's team section, shown while team sync is on (the background's
// analyze reply carries supplier.team, see team-sync.js blockFor): the team's
// list entry and reports for this supplier, the prices the team saw for this
// offer, and the buyer's team actions (block / trust / note, report). The
// core's findings (team-reported, price-below-history) show with the other
// warnings; this section shows the team's data itself. The actions go to the
// background, which accepts them only for the supplier of this tab's verdict.
// Page-derived and team-written strings go through textContent only.
import { bi, el } from './dom.js';
import * as strings from './strings.js';

  const T = {
    title: { en: 'Your team', zh: '我的团队' },
    block: { en: 'On your team’s blocked list', zh: '在团队黑名单中' },
    trust: { en: 'Trusted by your team', zh: '团队标记为可信' },
    none: { en: 'Team note', zh: '团队备注' },
    noEntry: { en: 'Not on your team’s list.', zh: '不在团队名单中。' },
    noReports: { en: 'No team reports on this supplier.', zh: '团队暂无对该供应商的举报。' },
    noPrices: { en: 'Your team has not recorded a price for this offer yet.', zh: '团队尚未记录该商品的价格。' },
    note: { en: 'Note for your team', zh: '给团队的备注' },
    rating: { en: 'Rating', zh: '评分' },
    noRating: { en: 'none', zh: '无' },
    actBlock: { en: 'Block for my team', zh: '团队拉黑' },
    actTrust: { en: 'Trust', zh: '信任' },
    actNote: { en: 'Save note', zh: '保存备注' },
    actReport: { en: 'Report to my team', zh: '向团队举报' },
    reportHint: {
      en: 'A report sends this page’s warnings (rule ids and evidence) with your note.',
      zh: '举报会发送本页的风险提示（规则和证据）及您的备注。',
    },
    saved: { en: 'Saved for your team.', zh: '已为团队保存。' },
    failed: { en: 'Not saved:', zh: '未保存：' },
    pending: (n) => ({ en: `${n} change${n === 1 ? '' : 's'} waiting to be sent to your team.`, zh: `${n} 项更改等待发送给团队。` }),
    status: {
      offline: { en: 'Team server unreachable: showing what was saved on this computer.', zh: '无法连接团队服务器：显示本机保存的数据。' },
      'rate-limited': { en: 'Team server busy: retrying shortly.', zh: '团队服务器繁忙，稍后重试。' },
      unauthorized: { en: 'The team server refused the token: check TrustLens options.', zh: '团队服务器拒绝了令牌，请检查 TrustLens 设置。' },
      forbidden: { en: 'The team server refused this browser: check TrustLens options.', zh: '团队服务器拒绝了此浏览器，请检查 TrustLens 设置。' },
      permission: { en: 'TrustLens may not contact the team server: save the team settings again in TrustLens options.', zh: 'TrustLens 无权访问团队服务器，请在设置中重新保存团队同步。' },
      error: { en: 'The team server answered with an error.', zh: '团队服务器返回错误。' },
      timeout: { en: 'Team service not answering: showing what was saved on this computer; TrustLens keeps retrying.', zh: '团队服务无响应：显示本机保存的数据，TrustLens 会继续重试。' },
    },
    notYet: { en: 'Not synced with your team yet.', zh: '尚未与团队同步。' },
  };
  // The panel's last line while team sync is on (view.js uses it instead of "Nothing is sent anywhere").
  strings.text.privacyTeam = {
    en: 'Checked on your computer. Team sync is on: this supplier’s id, the offer’s price and what you send from here go to your team’s server.',
    zh: '在您的电脑上检查。团队同步已开启：该供应商的ID、商品价格以及您在此发送的内容会发送到团队服务器。',
  };

  const day = (s) => (typeof s === 'string' && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : '?');
  const yuan = (n) => (typeof n === 'number' && Number.isFinite(n) ? `¥${n.toFixed(2)}` : '?');

  // Per supplier: what the buyer typed and the last action's outcome, kept
  // across re-renders (late page data and team updates rebuild the panel).
  const drafts = new Map();

  function entryLine(entry, showZh) {
    if (!entry) return el('p', { class: 'muted', attrs: { 'data-team-entry': '' } }, bi(T.noEntry, showZh));
    const p = el('p', { class: `team-entry team-${entry.action}`, attrs: { 'data-team-entry': entry.action } },
      el('strong', {}, bi(T[entry.action] ?? T.none, showZh)));
    const bits = [];
    if (entry.rating) bits.push(`${entry.rating}/5`);
    if (entry.by) bits.push(`${entry.by}, ${day(entry.updatedAt)}`);
    if (bits.length) p.append(` (${bits.join(' · ')})`);
    if (entry.note) p.append(el('br'), el('span', { class: 'team-note', text: entry.note }));
    return p;
  }

  function reportsBlock(view, showZh) {
    const n = view.reportCount;
    if (!n) return el('p', { class: 'muted', attrs: { 'data-team-reports': '0' } }, bi(T.noReports, showZh));
    const box = el('div', { attrs: { 'data-team-reports': String(n) } },
      el('p', {}, bi({ en: `${n} team report${n === 1 ? '' : 's'}`, zh: `团队举报 ${n} 条` }, showZh)));
    const ul = el('ul', { class: 'team-reports' });
    for (const r of view.reports) {
      const li = el('li', {}, el('span', { class: 'k', text: `${day(r.at)} ${r.by || '?'}` }));
      if (r.ruleIds?.length) li.append(' ', el('code', { text: r.ruleIds.join(', ') }));
      if (r.evidence) {
        const ev = el('span', { class: 'team-evidence', text: r.evidence });
        ev.style.whiteSpace = 'pre-line'; // a report's lines (note, then one per finding)
        li.append(el('br'), ev);
      }
      ul.append(li);
    }
    if (view.reports.length) box.append(ul);
    return box;
  }

  function pricesLine(prices, showZh) {
    if (!prices) return null;
    if (!prices.count) return el('p', { class: 'muted', attrs: { 'data-team-prices': '0' } }, bi(T.noPrices, showZh));
    const { count, lowest, median, lastSeenAt } = prices;
    const text = {
      en: `Your team saw this offer ${count} time${count === 1 ? '' : 's'}: lowest ${yuan(lowest)}, median ${yuan(median)}, last seen ${day(lastSeenAt)}.`,
      zh: `团队记录该商品 ${count} 次：最低 ${yuan(lowest)}，中位 ${yuan(median)}，最近 ${day(lastSeenAt)}。`,
    };
    return el('p', { class: 'team-prices', attrs: { 'data-team-prices': String(count), 'data-lowest': String(lowest ?? ''), 'data-median': String(median ?? '') } }, bi(text, showZh));
  }

  function actions(view, showZh) {
    const d = drafts.get(view.memberId) ?? { note: view.entry?.note ?? '', rating: view.entry?.rating ?? null, outcome: null };
    drafts.set(view.memberId, d);
    const form = el('form', { class: 'team-actions', attrs: { novalidate: '' } });
    const note = el('textarea', { attrs: { id: 'tl-team-note', rows: '2', maxlength: '2000', 'data-fk': 'team-note' } });
    note.value = d.note;
    note.addEventListener('input', () => { d.note = note.value; });
    const rating = el('select', { attrs: { id: 'tl-team-rating', 'data-fk': 'team-rating' } },
      el('option', { text: `– ${T.noRating.en}`, attrs: { value: '' } }),
      ...[1, 2, 3, 4, 5].map((n) => el('option', { text: `${n}/5`, attrs: { value: String(n) } })));
    rating.value = d.rating ? String(d.rating) : '';
    rating.addEventListener('change', () => { d.rating = rating.value ? Number(rating.value) : null; });
    const outcome = el('p', { class: 'team-outcome', attrs: { role: 'status', 'data-team-outcome': d.outcome?.kind ?? '' } });
    const showOutcome = () => {
      outcome.setAttribute('data-team-outcome', d.outcome?.kind ?? '');
      if (!d.outcome) outcome.replaceChildren();
      else if (d.outcome.kind === 'ok') outcome.replaceChildren(bi(view.pending ? T.pending(view.pending) : T.saved, showZh));
      else outcome.replaceChildren(bi(T.failed, showZh), ' ', el('span', { text: d.outcome.error }));
    };
    const button = (act, pair, cls = 'btn') => {
      const b = el('button', { class: cls, attrs: { type: 'button', 'data-team-action': act, 'data-fk': `team-${act}` } }, bi(pair, showZh));
      b.addEventListener('click', async () => {
        const msg = { type: 'teamAction', action: act, memberId: view.memberId, note: d.note };
        if (act !== 'report') msg.rating = d.rating;
        let reply;
        try { reply = await chrome.runtime.sendMessage(msg); } catch (e) { reply = { ok: false, error: String(e?.message ?? e) }; }
        d.outcome = reply?.ok ? { kind: 'ok' } : { kind: 'error', error: String(reply?.error ?? 'no reply') };
        // After a report the box shows the team entry's note again (what Block / Trust / Save note would keep).
        if (reply?.ok && act === 'report') d.note = view.entry?.note ?? '';
        showOutcome();
      });
      return b;
    };
    form.append(
      el('p', {}, el('label', { attrs: { for: 'tl-team-note' } }, bi(T.note, showZh)), el('br'), note),
      el('p', {}, el('label', { attrs: { for: 'tl-team-rating' } }, bi(T.rating, showZh)), ' ', rating),
      el('p', {}, button('block', T.actBlock), ' ', button('trust', T.actTrust), ' ', button('note', T.actNote, 'btn btn-quiet')),
      el('p', {}, button('report', T.actReport), el('br'), el('small', { class: 'muted' }, bi(T.reportHint, showZh))),
      outcome,
    );
    form.addEventListener('submit', (e) => e.preventDefault());
    showOutcome();
    return form;
  }

  /** The team section for a ready state whose supplier.team is set (view.js). */
  export const teamSection = (state, showZh) => {
    const view = state.supplier.team;
    const sec = el('section', { class: 'sec team', attrs: { 'data-team': view.status || 'ok' } }, bi(T.title, showZh, 'h3'));
    const status = T.status[view.status];
    if (status) sec.append(el('p', { class: 'team-status', attrs: { role: 'status' } }, bi(status, showZh)));
    else if (!view.syncedAt && !view.entry && !view.reportCount) sec.append(el('p', { class: 'muted' }, bi(T.notYet, showZh)));
    sec.append(entryLine(view.entry, showZh), reportsBlock(view, showZh));
    const prices = pricesLine(view.prices, showZh);
    if (prices) sec.append(prices);
    sec.append(actions(view, showZh));
    return sec;
  };
