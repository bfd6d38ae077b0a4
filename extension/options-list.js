// Options: the settings in chrome.storage.sync (language order,
// minimum store age, order currency, what search pages show; settings.js)
// and the buyer's supplier list in chrome.storage.local: a table with
// remove buttons, export as JSON or CSV (a Blob URL download from this page)
// and import from a file (<input type=file>, checked and capped by
// supplier-list.js, written by the background).
import * as settings from './settings.js';
import * as supplierList from './supplier-list.js';

(() => {
  'use strict';
  const L = supplierList.list;
  const msg = (key, subs) => chrome.i18n.getMessage(key, subs);
  /** @type {(id: string) => HTMLInputElement} the page's form controls (inputs and selects) */
  const $ = (id) => /** @type {HTMLInputElement} */ (document.getElementById(id));
  const MAX_ROWS = 200; // rows shown in the table; the export has them all

  // ---- settings --------------------------------------------------------------
  const settingsStatus = $('settingsStatus');
  const fields = {
    language: $('language'),
    minStoreYears: $('minStoreYears'),
    defaultOrder: $('defaultOrder'),
    currency: $('currency'),
    searchBadges: $('searchBadges'),
    dimBlocked: $('dimBlocked'),
  };
  function show(s) {
    fields.language.value = s.language;
    fields.minStoreYears.value = String(s.minStoreYears);
    fields.defaultOrder.value = String(s.defaultOrder);
    fields.currency.value = s.currency;
    fields.searchBadges.checked = s.searchBadges;
    fields.dimBlocked.checked = s.dimBlocked;
  }
  async function saveSettings() {
    const years = Number(fields.minStoreYears.value);
    const bad = fields.minStoreYears.value !== '' && !(Number.isInteger(years) && years >= 0 && years <= 30);
    fields.minStoreYears.setAttribute('aria-invalid', String(bad));
    const next = await settings.saveSettings({
      language: fields.language.value,
      minStoreYears: bad || fields.minStoreYears.value === '' ? settings.settingsNow.minStoreYears : years,
      defaultOrder: fields.defaultOrder.value === '' ? 0 : Number(fields.defaultOrder.value), // settings.js rejects a bad value
      currency: fields.currency.value,
      searchBadges: fields.searchBadges.checked,
      dimBlocked: fields.dimBlocked.checked,
    });
    show(next);
    settingsStatus.textContent = msg('optSaved');
  }
  for (const f of Object.values(fields)) f.addEventListener('change', () => { saveSettings().catch((e) => { settingsStatus.textContent = String(e?.message ?? e); }); });

  // ---- the list ----------------------------------------------------------------
  const listMsg = $('listMsg');
  let list = L.clean(null);
  const say = (text, error = false) => {
    listMsg.textContent = text;
    listMsg.setAttribute('data-state', error ? 'error' : 'ok');
  };
  const markText = (a) => msg(a === 'block' ? 'optMarkBlock' : a === 'trust' ? 'optMarkTrust' : 'optMarkNone');

  function renderList() {
    const ids = Object.keys(list.entries).sort();
    const count = $('listCount');
    count.textContent = msg('optListCount', [String(ids.length)]);
    count.setAttribute('data-count', String(ids.length));
    const rows = $('listRows');
    rows.replaceChildren();
    for (const id of ids.slice(0, MAX_ROWS)) {
      const e = list.entries[id];
      const tr = document.createElement('tr');
      tr.setAttribute('data-member', id);
      for (const text of [id, e.company, markText(e.action), e.rating == null ? '' : `${e.rating}/5`, e.note]) {
        const td = document.createElement('td');
        td.textContent = text ?? '';
        tr.append(td);
      }
      const td = document.createElement('td');
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = '✕';
      b.setAttribute('aria-label', msg('optRemove', [id]));
      b.addEventListener('click', async () => {
        const r = await chrome.runtime.sendMessage({ type: 'setSupplierEntry', memberId: id, action: 'none', note: '', rating: null });
        if (!r?.ok) say(String(r?.error ?? 'error'), true);
      });
      td.append(b);
      tr.append(td);
      rows.append(tr);
    }
    if (ids.length > MAX_ROWS) {
      const tr = document.createElement('tr');
      const td = document.createElement('td');
      td.colSpan = 6;
      td.textContent = msg('optListMore', [String(ids.length - MAX_ROWS)]);
      tr.append(td);
      rows.append(tr);
    }
    $('listTable').hidden = ids.length === 0;
  }

  async function loadList() {
    list = L.clean((await chrome.storage.local.get(L.KEY))[L.KEY]);
    renderList();
  }
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[L.KEY]) { list = L.clean(changes[L.KEY].newValue); renderList(); }
  });

  const fileName = (ext) => `trustlens-supplier-list-${L.today()}.${ext}`;
  $('exportJson').addEventListener('click', () => {
    supplierList.downloadText(L.toJSON(list), fileName('json'), 'application/json', document.body);
    say(msg('optExported'));
  });
  $('exportCsv').addEventListener('click', () => {
    supplierList.downloadText(L.toCSV(list), fileName('csv'), 'text/csv;charset=utf-8', document.body);
    say(msg('optExported'));
  });

  $('importFile').addEventListener('change', async (ev) => {
    const input = /** @type {HTMLInputElement} */ (ev.target);
    const file = input.files?.[0];
    if (!file) return;
    try {
      if (file.size > L.MAX_IMPORT_CHARS * 3) { say(msg('optImportFailed', ['file too large (2 MB at most)']), true); return; }
      const res = L.parseImport(await file.text());
      if (res.error) { say(msg('optImportFailed', [res.error]), true); return; }
      const mode = /** @type {HTMLInputElement | null} */ (document.querySelector('input[name="importMode"]:checked'))?.value === 'replace' ? 'replace' : 'merge';
      const reply = await chrome.runtime.sendMessage({ type: 'importSupplierList', entries: res.entries, mode });
      if (!reply?.ok) { say(msg('optImportFailed', [String(reply?.error ?? 'error')]), true); return; }
      let text = msg('optImported', [String(reply.imported), String(res.bad)]);
      if (res.truncated) text += ` ${msg('optImportTruncated')}`;
      say(text);
      document.body.setAttribute('data-imported', String(reply.imported));
    } catch (e) {
      say(msg('optImportFailed', [String(e?.message ?? e)]), true);
    } finally {
      input.value = ''; // the same file can be chosen again
    }
  });

  Promise.all([settings.loadSettings().then(show), loadList()]).finally(() => document.body.setAttribute('data-list-ready', ''));
})();
