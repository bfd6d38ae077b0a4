// Background side of the buyer's supplier list (extension/supplier-list.js):
// the one writer of chrome.storage.local "buyerList". Loaded before
// background.js (importScripts in Chrome's service worker, background.scripts
// in Firefox); background.js registers the handlers and asks entryFor() before
// it judges a page. Every message is untrusted: fixed shapes, sender checks.
import { checks } from './checks.js';
import * as supplierList from './supplier-list.js';
import { isPlain } from './values.js';

  const L = supplierList.list;

  let queue = Promise.resolve(); // writes run one after another
  let cache = null; // Promise<list>
  function read() {
    cache ??= chrome.storage.local.get(L.KEY).then((s) => L.clean(s[L.KEY])).catch(() => L.clean(null));
    return cache;
  }
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[L.KEY]) cache = null;
  });

  /** Runs change(list) -> list in the write queue and stores the result. */
  function write(change) {
    const job = queue.then(async () => {
      const list = L.clean((await chrome.storage.local.get(L.KEY))[L.KEY]);
      const next = change(list);
      await chrome.storage.local.set({ [L.KEY]: next });
      cache = Promise.resolve(next);
      return next;
    });
    queue = job.catch(() => {});
    return job;
  }

  const { fromContentScript, fromExtensionPage } = checks; // extension/checks.js, loaded first

  /** The buyer's entry for a verdict's supplier ({memberId, ...entry}), or null. */
  async function entryFor(memberId) {
    const key = L.memberKey(memberId);
    if (!key) return null;
    const e = (await read()).entries[key];
    return e ? { key, entry: e } : null;
  }

  /**
   * buyer.entries sent by a content script, cleaned for the core: member ids
   * and entries checked, at most MAX_CORE_ENTRIES. Returns an object or null.
   */
  function cleanCoreEntries(raw) {
    if (!isPlain(raw)) return null;
    const out = {};
    let n = 0;
    for (const [id, e] of Object.entries(raw)) {
      if (n >= L.MAX_CORE_ENTRIES) break;
      const key = L.memberKey(id);
      const clean = key && L.cleanEntry(e);
      if (!clean) continue;
      out[key] = L.forCore(clean);
      n++;
    }
    return n ? out : null;
  }

  // {type: 'setSupplierEntry', memberId, company?, action, note?, rating?} from the panel on a
  // 1688 page, or from the options page (remove: action none, no note, no rating).
  async function handleSetSupplierEntry(msg, sender) {
    if (!fromContentScript(sender) && !fromExtensionPage(sender)) return { ok: false, error: 'setSupplierEntry is only accepted from TrustLens' };
    const key = L.memberKey(msg.memberId);
    if (!key) return { ok: false, error: 'memberId must be a 1688 member id' };
    const entry = L.cleanEntry({ action: msg.action, note: msg.note ?? '', rating: msg.rating ?? null, company: msg.company ?? '' });
    if (!entry) return { ok: false, error: 'action must be block, trust or none; rating 1-5; note and company strings' };
    const list = await write((list) => {
      const entries = { ...list.entries };
      if (L.isEmpty(entry)) delete entries[key];
      else {
        if (!entry.company && entries[key]?.company) entry.company = entries[key].company;
        if (!(key in entries) && Object.keys(entries).length >= L.MAX_ENTRIES) throw new Error(`the list is full (${L.MAX_ENTRIES} suppliers)`);
        entries[key] = entry;
      }
      return { v: 1, entries };
    });
    return { ok: true, memberId: key, entry: list.entries[key] ?? null };
  }

  // {type: 'importSupplierList', entries: {<id>: entry}, mode: 'merge' | 'replace'} from the options page.
  async function handleImport(msg, sender) {
    if (!fromExtensionPage(sender)) return { ok: false, error: 'importSupplierList is only accepted from TrustLens pages' };
    if (!isPlain(msg.entries) || !['merge', 'replace'].includes(msg.mode)) return { ok: false, error: 'entries must be an object; mode merge or replace' };
    const incoming = L.clean({ entries: msg.entries }).entries;
    const list = await write((list) => {
      const entries = msg.mode === 'replace' ? {} : { ...list.entries };
      for (const [k, e] of Object.entries(incoming)) {
        if (!(k in entries) && Object.keys(entries).length >= L.MAX_ENTRIES) break;
        entries[k] = e;
      }
      return { v: 1, entries };
    });
    return { ok: true, count: Object.keys(list.entries).length, imported: Object.keys(incoming).length };
  }

  // {type: 'getSupplierRecord', memberId?, supplier?} from the panel (report export): the
  // buyer's list entry and the checklist kept under chk:<supplier id> (background.js).
  async function handleGetRecord(msg, sender) {
    if (!fromContentScript(sender)) return { ok: false, error: 'getSupplierRecord is only accepted from the TrustLens content script on 1688' };
    await queue; // after pending list writes
    const found = msg.memberId == null ? null : await entryFor(msg.memberId);
    let checklist = {};
    if (typeof msg.supplier === 'string' && msg.supplier.length <= 600 && /^[mc]:/.test(msg.supplier)) {
      const key = `chk:${msg.supplier}`;
      const stored = (await chrome.storage.local.get(key).catch(() => ({})))[key];
      if (isPlain(stored) && isPlain(stored.items)) {
        checklist = Object.fromEntries(Object.entries(stored.items).filter(([k, v]) => v === true && /^[a-z]{1,20}$/.test(k)));
      }
    }
    return { ok: true, entry: found?.entry ?? null, checklist };
  }

  /**
   * The buyer's blocked suppliers as buyer.entries (at most MAX_CORE_ENTRIES):
   * sent with every page, so that a block applies even when the page's
   * supplier is not the one the background expected.
   */
  async function blockedEntries() {
    const list = await read();
    const out = {};
    let n = 0;
    for (const [k, e] of Object.entries(list.entries)) {
      if (e.action !== 'block') continue;
      if (n++ >= L.MAX_CORE_ENTRIES) break;
      out[k] = L.forCore(e);
    }
    return out;
  }

  export const listStore = {
    entryFor,
    blockedEntries,
    cleanCoreEntries,
    handlers: {
      setSupplierEntry: handleSetSupplierEntry,
      importSupplierList: handleImport,
      getSupplierRecord: handleGetRecord,
    },
  };
