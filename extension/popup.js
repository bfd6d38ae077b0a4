// Popup: the current tab's verdict, as the background recorded it. The page
// cannot reach this view, so it is where a buyer can check what the on-page
// badge says. `popup.html?tabId=N` shows tab N (used by the e2e tests).
(() => {
  'use strict';
  const TL = globalThis.TrustLens;
  const app = document.getElementById('app');

  function empty() {
    const box = TL.el('div', { class: 'empty' });
    box.append(TL.el('h1', { text: 'TrustLens' }));
    box.append(TL.el('p', { text: TL.text.openOffer.en }));
    box.append(TL.el('p', { class: 'zh', text: TL.text.openOffer.zh, attrs: { lang: 'zh-CN' } }));
    return box;
  }

  async function currentTabId() {
    const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
    if (Number.isInteger(fromQuery) && fromQuery >= 0) return fromQuery;
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  }

  async function main() {
    TL.applyStyles(document);
    const tabId = await currentTabId();
    const reply = Number.isInteger(tabId) ? await chrome.runtime.sendMessage({ type: 'getTabVerdict', tabId }) : null;
    const entry = reply?.ok ? reply.entry : null;
    await TL.loadSettings?.(); // the options' language order (settings.js)
    const showChinese = TL.effectiveShowChinese?.(reply?.flags?.prefs?.showChinese) ?? reply?.flags?.prefs?.showChinese !== false;
    if (!entry) { app.replaceChildren(empty()); return; }
    const state = entry.failed ? { phase: 'error', error: entry.failed } : { phase: 'ready', verdict: entry.verdict };
    // Search and list pages: the result cards' counts and the riskiest three (search.js); a search page has no verdict of its own.
    const hasCards = !entry.failed && Array.isArray(entry.verdict?.cards) && entry.verdict.cards.length > 0;
    if (hasCards && entry.verdict.kind === 'search') app.replaceChildren(TL.buildCardsSummary(entry.verdict, showChinese));
    else app.replaceChildren(TL.buildPanel(state, { showChinese, compact: true }));
    if (hasCards && entry.verdict.kind !== 'search') app.append(TL.buildCardsSummary(entry.verdict, showChinese));
    if (!entry.failed) app.append(TL.el('p', { class: 'more', text: TL.text.moreInPanel.en }));
    app.setAttribute('data-level', state.verdict?.level ?? 'unknown');
  }

  main().catch((e) => {
    app.replaceChildren(empty());
    app.append(TL.el('p', { class: 'empty', text: String(e?.message ?? e) }));
  });
})();
