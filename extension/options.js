// Options: preferences the overlay reads (via the background's analyze reply),
// and a button that forgets the remembered suppliers and the buyer's checklists.
// Stored in chrome.storage.local under "prefs".
// The page's other parts: the buyer's supplier list and team sync.
import './options-list.js';
import './options-team.js';

(() => {
  'use strict';
  const DEFAULTS = { panelOpenByDefault: false };
  const msg = (key) => chrome.i18n.getMessage(key);

  for (const node of document.querySelectorAll('[data-i18n]')) {
    const text = msg(node.getAttribute('data-i18n'));
    if (text) node.textContent = text;
  }
  document.title = msg('optionsTitle') || document.title;

  const status = document.getElementById('status');
  const boxes = Object.keys(DEFAULTS).map((key) => /** @type {HTMLInputElement} */ (document.getElementById(key)));

  chrome.storage.local.get('prefs').then(({ prefs }) => {
    const p = { ...DEFAULTS, ...(prefs && typeof prefs === 'object' ? prefs : {}) };
    for (const box of boxes) box.checked = p[box.id] === true;
    document.body.setAttribute('data-ready', '');
  });

  // Supplier memory and checklists (background.js: sup:*, supIndex, chk:*) stay on this computer; this clears them.
  document.getElementById('forgetSuppliers').addEventListener('click', async () => {
    const all = await chrome.storage.local.get(null);
    await chrome.storage.local.remove(Object.keys(all).filter((k) => k.startsWith('sup:') || k.startsWith('chk:') || k.startsWith('order:') || k === 'supIndex'));
    status.textContent = msg('optForgotten');
  });

  for (const box of boxes) {
    box.addEventListener('change', async () => {
      const prefs = Object.fromEntries(boxes.map((b) => [b.id, b.checked]));
      await chrome.storage.local.set({ prefs });
      status.textContent = msg('optSaved');
    });
  }
})();
