// The buyer's own supplier list: block / trust / a note / a rating
// 1-5, by 1688 member id. Pure functions shared by the background (which
// alone writes the list, extension/list-store.js), the content scripts (which
// read it and send the core buyer.entries / show it) and the options page
// (import and export as JSON and CSV). Nothing here touches the network.
//
// Stored in chrome.storage.local under "buyerList":
//   {v: 1, entries: {<member key>: {action, note, rating, company, updatedAt}}}
// member key: the member id without the "a-" the supplier search writes
// ("a-b2b-…" and "b2b-…" name the same member, internal/page/search.go MemberKey).
import * as vocab from './vocab.js';

  const MEMBER_ID = new RegExp(vocab.memberId); // extension/vocab.js
  const ACTIONS = ['block', 'trust', 'none'];
  const encoder = new TextEncoder();

  const L = {
    KEY: 'buyerList',
    MAX_ENTRIES: 5000, // stored (import cap)
    MAX_CORE_ENTRIES: 500, // sent to the core at once (rules.MaxBuyerEntries)
    MAX_NOTE_BYTES: 500, // the core cuts notes to 500 bytes (rules.MaxBuyerNote): cut here, so the echo matches
    MAX_COMPANY: 200,
    MAX_IMPORT_CHARS: 2 << 20, // a file bigger than this is refused
    ACTIONS,
  };
  export const list = L;

  /** The member key of a member id ("a-b2b-x" -> "b2b-x"), or null when it is not one. */
  L.memberKey = (id) => {
    if (typeof id !== 'string') return null;
    let s = id.trim();
    if (s.startsWith('a-b2b-')) s = s.slice(2);
    return s.length <= 64 && MEMBER_ID.test(s) ? s : null;
  };

  /** text cut to at most max UTF-8 bytes on a character boundary. */
  L.cutBytes = (text, max) => {
    if (text.length * 3 <= max) return text;
    const { read } = encoder.encodeInto(text, new Uint8Array(max));
    return text.slice(0, read);
  };

  const squash = (s) => s.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();

  /**
   * A clean entry {action, note, rating, company, updatedAt} from anything, or
   * null when it is not one (bad action or rating). Missing note/company = ''.
   */
  L.cleanEntry = (e, now = Date.now()) => {
    if (e === null || typeof e !== 'object' || Array.isArray(e)) return null;
    const action = typeof e.action === 'string' ? e.action.trim().toLowerCase() : '';
    if (!ACTIONS.includes(action)) return null;
    let rating = e.rating;
    if (rating === '' || rating == null) rating = null;
    else {
      rating = Number(rating);
      if (!Number.isInteger(rating) || rating < 1 || rating > 5) return null;
    }
    if (e.note != null && typeof e.note !== 'string') return null;
    if (e.company != null && typeof e.company !== 'string') return null;
    const note = L.cutBytes(squash(e.note ?? ''), L.MAX_NOTE_BYTES).trim();
    const company = squash(e.company ?? '').slice(0, L.MAX_COMPANY);
    let at = typeof e.updatedAt === 'string' ? Date.parse(e.updatedAt) : Number(e.updatedAt);
    if (!Number.isFinite(at) || at <= 0 || at > now + 86400000) at = now;
    return { action, note, rating, company, updatedAt: at };
  };

  /** True when an entry says nothing (no action, note or rating): it is removed instead of kept. */
  L.isEmpty = (e) => e.action === 'none' && !e.note && e.rating == null;

  /** The stored list, cleaned: {v: 1, entries}. Bad entries are dropped. */
  L.clean = (raw) => {
    const entries = {};
    const src = raw && typeof raw === 'object' && raw.entries && typeof raw.entries === 'object' ? raw.entries : {};
    let n = 0;
    for (const [id, e] of Object.entries(src)) {
      const key = L.memberKey(id);
      const clean = key && L.cleanEntry(e);
      if (!clean || L.isEmpty(clean)) continue;
      entries[key] = clean;
      if (++n >= L.MAX_ENTRIES) break;
    }
    return { v: 1, entries };
  };

  /** The entry the core reads ({action, note, rating}; docs/verdict.md buyer.entries). */
  L.forCore = (e) => {
    const out = { action: e.action };
    if (e.note) out.note = e.note;
    if (e.rating != null) out.rating = e.rating;
    return out;
  };

  /** buyer.entries for the given member ids (at most MAX_CORE_ENTRIES, blocked first). */
  L.entriesFor = (list, memberIds) => {
    const out = {};
    const keys = [...new Set([...memberIds].map(L.memberKey).filter(Boolean))].filter((k) => list.entries[k]);
    keys.sort((a, b) => (list.entries[a].action === 'block' ? 0 : 1) - (list.entries[b].action === 'block' ? 0 : 1));
    for (const k of keys.slice(0, L.MAX_CORE_ENTRIES)) out[k] = L.forCore(list.entries[k]);
    return out;
  };

  // ---- export -----------------------------------------------------------------

  const iso = (ms) => new Date(ms).toISOString();
  const rows = (list) => Object.entries(list.entries)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([memberId, e]) => ({ memberId, company: e.company, action: e.action, rating: e.rating, note: e.note, updatedAt: iso(e.updatedAt) }));

  /** The list as JSON text (what import reads back). */
  L.toJSON = (list, now = Date.now()) => `${JSON.stringify({
    format: 'trustlens-supplier-list', version: 1, exportedAt: iso(now), suppliers: rows(list),
  }, null, 2)}\n`;

  L.CSV_COLUMNS = ['memberId', 'company', 'action', 'rating', 'note', 'updatedAt'];

  /**
   * One CSV field: quoted when needed (RFC 4180). A field a spreadsheet would
   * run as a formula (= + - @ tab CR first) gets a leading apostrophe, which
   * import removes again.
   */
  function csvField(v) {
    let s = v == null ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
  }

  /** The list as CSV text: a BOM (so spreadsheets read the Chinese as UTF-8), a header, CRLF lines. */
  L.toCSV = (list) => `\ufeff${[L.CSV_COLUMNS, ...rows(list).map((r) => L.CSV_COLUMNS.map((c) => r[c]))]
    .map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;

  // ---- import -----------------------------------------------------------------

  /** Parses CSV text into rows of fields (RFC 4180: quotes, doubled quotes, CRLF or LF). */
  L.parseCSV = (text) => {
    const out = [];
    let row = [];
    let field = '';
    let i = 0;
    let quoted = false;
    while (i < text.length) {
      const c = text[i];
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          quoted = false; i++; continue;
        }
        field += c; i++; continue;
      }
      if (c === '"' && field === '') { quoted = true; i++; continue; }
      if (c === ',') { row.push(field); field = ''; i++; continue; }
      if (c === '\r' || c === '\n') {
        row.push(field); field = '';
        if (row.length > 1 || row[0] !== '') out.push(row);
        row = [];
        i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
        continue;
      }
      field += c; i++;
    }
    if (field !== '' || row.length) { row.push(field); out.push(row); }
    return out;
  };

  const unformula = (s) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);
  const HEADER = { memberid: 'memberId', member_id: 'memberId', 'member id': 'memberId', company: 'company', action: 'action', rating: 'rating', note: 'note', updatedat: 'updatedAt', updated_at: 'updatedAt' };

  function csvItems(text) {
    const table = L.parseCSV(text);
    if (!table.length) return { items: [], error: 'empty file' };
    const cols = table[0].map((h) => HEADER[h.trim().toLowerCase()] ?? null);
    if (!cols.includes('memberId') || !cols.includes('action')) return { items: [], error: 'the first line must name the columns memberId and action' };
    return {
      items: table.slice(1).map((r) => {
        const o = {};
        cols.forEach((c, i) => { if (c && r[i] != null) o[c] = unformula(r[i]); });
        return o;
      }),
    };
  }

  function jsonItems(text) {
    let data;
    try { data = JSON.parse(text); } catch { return { items: [], error: 'not valid JSON' }; }
    if (Array.isArray(data)) return { items: data };
    if (data && typeof data === 'object') {
      if (Array.isArray(data.suppliers)) return { items: data.suppliers };
      // A map {memberId: entry} (the shape of buyer.entries).
      return { items: Object.entries(data).map(([memberId, e]) => (e && typeof e === 'object' ? { ...e, memberId } : null)) };
    }
    return { items: [], error: 'expected a list of suppliers' };
  }

  /**
   * Reads an import file (JSON or CSV, told apart by content).
   * Returns {entries: {<member key>: entry}, read, bad, truncated, error}.
   * Rows with a bad member id, action or rating are counted in bad and skipped.
   */
  L.parseImport = (text, now = Date.now()) => {
    const res = { entries: {}, read: 0, bad: 0, truncated: false, error: '' };
    if (typeof text !== 'string') { res.error = 'not text'; return res; }
    if (text.length > L.MAX_IMPORT_CHARS) { res.error = 'file too large (2 MB at most)'; return res; }
    const body = text.replace(/^\ufeff/, '');
    const first = body.trimStart()[0];
    const { items, error } = first === '{' || first === '[' ? jsonItems(body) : csvItems(body);
    if (error) { res.error = error; return res; }
    for (const item of items) {
      res.read++;
      const key = item && typeof item === 'object' ? L.memberKey(item.memberId) : null;
      const entry = key && L.cleanEntry(item, now);
      if (!entry) { res.bad++; continue; }
      if (!(key in res.entries) && Object.keys(res.entries).length >= L.MAX_ENTRIES) { res.truncated = true; continue; }
      res.entries[key] = entry;
    }
    return res;
  };

  /** today as YYYY-MM-DD (local day), for file names. */
  L.today = (d = new Date()) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

  /**
   * Saves text as a file: a Blob URL on an anchor with download, clicked,
   * then revoked. Works in extension pages and content scripts alike. On a
   * 1688 page the anchor goes into our own (closed) shadow root, never the
   * page's tree: the page must not see the URL of the buyer's notes.
   */
  export const downloadText = (text, filename, type, root = null) => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.rel = 'noopener';
    a.hidden = true;
    root?.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
