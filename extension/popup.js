// Popup: the current tab's verdict, as the background recorded it. The page
// cannot reach this view, so it is where a buyer can check what the on-page
// badge says. `popup.html?tabId=N` shows tab N (used by the e2e tests).
import { el } from './dom.js';
import { applyStyles } from './overlay-style.js';
import { buildCardsSummary } from './search.js';
import { loadSettings, showZh } from './settings.js';
import { siteAccess } from './site-access.js';
import * as strings from './strings.js';
import { buildPanel } from './view.js';

(() => {
  'use strict';
  const app = document.getElementById('app');

  function empty() {
    const box = el('div', { class: 'empty' });
    box.append(el('h1', { text: 'TrustLens' }));
    box.append(el('p', { text: strings.text.openOffer.en }));
    box.append(el('p', { class: 'zh', text: strings.text.openOffer.zh, attrs: { lang: 'zh-CN' } }));
    return box;
  }

  /**
   * The notice shown while the browser withholds access to 1688 pages
   * (site-access.js): says so, and asks for it in one click. Once allowed, the
   * tab is reloaded when it shows a 1688 page, so it is checked at once.
   */
  function accessNotice(tabId, showChinese) {
    const line = (t, tag = 'p') => {
      const box = el('div');
      box.append(el(tag, { text: t.en }));
      if (showChinese) box.append(el(tag === 'p' ? 'p' : 'div', { class: 'zh', text: t.zh, attrs: { lang: 'zh-CN' } }));
      return box;
    };
    const box = el('section', { class: 'access', attrs: { 'data-site-access': 'off', role: 'alert' } });
    const button = el('button', { text: strings.text.noAccessButton.en, attrs: { type: 'button', 'data-site-access-allow': '' } });
    const msg = el('p', { class: 'access-msg', attrs: { 'aria-live': 'polite' } });
    button.addEventListener('click', () => {
      // In the click's own handler: the browser asks only during the user's gesture.
      siteAccess.request().then(async (granted) => {
        const t = granted ? strings.text.accessGranted : strings.text.noAccessRefused;
        msg.textContent = showChinese ? `${t.en} ${t.zh}` : t.en;
        if (!granted) return;
        box.setAttribute('data-site-access', 'on');
        button.remove();
        const tab = Number.isInteger(tabId) ? await chrome.tabs.get(tabId).catch(() => null) : null;
        if (tab?.url && /^https?:\/\/([^/]+\.)?1688\.com\//.test(tab.url)) chrome.tabs.reload(tabId).catch(() => {});
      }, (e) => { msg.textContent = String(e?.message ?? e); });
    });
    box.append(line(strings.text.noAccessTitle, 'h1'), line(strings.text.noAccessBody), button, msg);
    return box;
  }

  async function currentTabId() {
    const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
    if (Number.isInteger(fromQuery) && fromQuery >= 0) return fromQuery;
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  }

  async function main() {
    applyStyles(document);
    const tabId = await currentTabId();
    const reply = Number.isInteger(tabId) ? await chrome.runtime.sendMessage({ type: 'getTabVerdict', tabId }) : null;
    const entry = reply?.ok ? reply.entry : null;
    await loadSettings(); // the options' language order (settings.js)
    const showChinese = showZh(); // the options' language (settings.js)
    if (!(await siteAccess.granted())) app.before(accessNotice(tabId, showChinese));
    if (!entry) { app.replaceChildren(empty()); return; }
    const state = entry.failed ? { phase: 'error', error: entry.failed } : entry.held ? { phase: 'checking', waitingFor: [] } : { phase: 'ready', verdict: entry.verdict };
    // Search and list pages: the result cards' counts and the riskiest three (search.js); a search page has no verdict of its own.
    const hasCards = !entry.failed && Array.isArray(entry.verdict?.cards) && entry.verdict.cards.length > 0;
    if (hasCards && entry.verdict.kind === 'search') app.replaceChildren(buildCardsSummary(entry.verdict, showChinese));
    else app.replaceChildren(buildPanel(state, { showChinese, compact: true }));
    if (hasCards && entry.verdict.kind !== 'search') app.append(buildCardsSummary(entry.verdict, showChinese));
    if (!entry.failed) app.append(el('p', { class: 'more', text: strings.text.moreInPanel.en }));
    app.setAttribute('data-level', state.verdict?.level ?? 'unknown');
  }

  // Team sync's state, when the team service is not answering (team-sync.js
  // writes teamStatus): the buyer sees it here too, not only in the panel.
  const TEAM_DOWN = {
    timeout: { en: 'Team service not answering: team data may be out of date; TrustLens keeps retrying.', zh: '团队服务无响应：团队数据可能不是最新的，TrustLens 会继续重试。' },
    offline: { en: 'Team server unreachable: team data may be out of date; TrustLens keeps retrying.', zh: '无法连接团队服务器：团队数据可能不是最新的，TrustLens 会继续重试。' },
  };
  async function teamLine() {
    /** @type {{teamConfig?: {enabled?: boolean}, teamStatus?: {state?: string}}} */
    const { teamConfig, teamStatus } = await chrome.storage.local.get(['teamConfig', 'teamStatus']);
    const text = teamConfig?.enabled === true ? TEAM_DOWN[teamStatus?.state] : null;
    if (!text) return;
    const p = el('p', { class: 'team-status', attrs: { role: 'status', 'data-team-status': teamStatus.state } }, el('span', { text: text.en }));
    p.append(' ', el('span', { class: 'zh', text: text.zh, attrs: { lang: 'zh-CN' } }));
    app.append(p);
  }

  main().catch((e) => {
    app.replaceChildren(empty());
    app.append(el('p', { class: 'empty', text: String(e?.message ?? e) }));
  }).then(teamLine).catch(() => {});
})();
