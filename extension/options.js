// Options: preferences the overlay reads (via the background's analyze reply).
// Stored in chrome.storage.local under "prefs"; changing "open by default"
// also forgets the panel state remembered from the last toggle.
(() => {
  'use strict';
  const DEFAULTS = { showChinese: true, panelOpenByDefault: false };
  const msg = (key) => chrome.i18n.getMessage(key);

  for (const node of document.querySelectorAll('[data-i18n]')) {
    const text = msg(node.getAttribute('data-i18n'));
    if (text) node.textContent = text;
  }
  document.title = msg('optionsTitle') || document.title;

  const status = document.getElementById('status');
  const boxes = Object.keys(DEFAULTS).map((key) => document.getElementById(key));

  chrome.storage.local.get('prefs').then(({ prefs }) => {
    const p = { ...DEFAULTS, ...(prefs && typeof prefs === 'object' ? prefs : {}) };
    for (const box of boxes) box.checked = p[box.id] === true;
    document.body.setAttribute('data-ready', '');
  });

  for (const box of boxes) {
    box.addEventListener('change', async () => {
      const prefs = Object.fromEntries(boxes.map((b) => [b.id, b.checked]));
      await chrome.storage.local.set({ prefs });
      if (box.id === 'panelOpenByDefault') await chrome.storage.local.remove('panelOpenState');
      status.textContent = msg('optSaved');
    });
  }
})();
