// TrustLens team sync (opt-in, off by default): the background's link to the
// team service (worker/README.md). Loaded before background.js: importScripts
// in Chrome's service worker, manifest background.scripts in Firefox.
//
// While sync is off nothing is sent anywhere: every request goes through
// send(), which re-reads the saved settings right before it fetches and
// refuses unless sync is on, the path is one of the API's and the server's
// origin is granted (optional host permission, asked for on the options page).
//
// Offline first. The analysis only reads what is cached here (blockFor: the
// team's entry and reports for the page's supplier, its price history for the
// offer) and never waits on the network. afterVerdict queues what to refresh;
// the pump sends it afterwards (one member lookup per LOOKUP_GAP_MS at most,
// batched; 429 waits for Retry-After, 503 and network errors back off) and a
// tab whose supplier or offer got new data is told to check again
// ("teamUpdated" to its content script).
//
// The token stays on this computer and out of the content scripts' reach: it
// is kept in the extension origin's IndexedDB ("trustlens-team", see
// tokenStore), which only the background and the extension's own pages can
// open (chrome.storage.local is readable by content scripts, so the token is
// never written there).
// chrome.storage.local (never sync):
//   teamConfig  {enabled: true, server: <origin>, by}
//   teamStatus  {state, at, detail?, teamName?, tokenLabel?, syncedAt?}
//               state "timeout": the service did not answer within REQUEST_TIMEOUT_MS
//   teamOutbox  [{key, kind: "action"|"price", method, path, body, memberId?, offerId?, day?, tries}]
//   tm:<memberId> {entry|null, reportCount, lastReportAt, reports: [], fetchedAt, reportsAt}
//   tp:<offerId>  {observations: [], summary|null, total, fetchedAt, observedDay}
//   teamIndex   {<tm:…|tp:…>: fetchedAt}   (at most MAX_CACHED; the oldest go first)
// chrome.storage.session: teamTab:<tabId> {memberId, offerId, findings} (what a team action may refer to)
//
// Writes without a click: the only write made without the buyer's click is
// the day's price of an offer, and only for the page the buyer navigated to
// (see priceAllowed). An offer's price history is read only for that page too
// (navigatedOffer): a page that rewrites its address with history.pushState
// and swaps its model gets no observation posted and no history read.
import { checks } from './checks.js';
import { isPlain, num } from './values.js';
import * as vocab from './vocab.js';

  const CONFIG = 'teamConfig';
  const STATUS = 'teamStatus';
  const OUTBOX = 'teamOutbox';
  const INDEX = 'teamIndex';
  const MEMBER = (id) => `tm:${id}`;
  const OFFER = (id) => `tp:${id}`;
  const TAB = (id) => `teamTab:${id}`;

  const LOOKUP_GAP_MS = 3000; // at most one lookup request per this interval
  const MEMBER_TTL_MS = 10 * 60 * 1000; // cached team data older than this is refreshed (and still used meanwhile)
  const OFFER_TTL_MS = 30 * 60 * 1000;
  const MAX_LOOKUP = 100; // ids per lookup (the API's cap)
  const MAX_REPORTS = 100; // reports kept per supplier (the core's cap)
  const MAX_PRICES = 500; // observations kept per offer (the core's cap)
  const MAX_CACHED = 3000; // tm:/tp: entries kept
  const MAX_OUTBOX = 200;
  const MAX_TRIES = 8; // per read and worker lifetime (writes are retried until the server answers)
  const REQUEST_TIMEOUT_MS = 10_000; // a request unanswered this long is abandoned (and retried with backoff)
  const BACKOFF_MS = 1000; // 1 s, 2 s, 4 s … per failed try
  const MAX_BACKOFF_MS = 60_000;
  const TEXT_MAX = 2000; // note, evidence (characters)
  const BY_MAX = 100;

  const MEMBER_ID = new RegExp(vocab.memberId); // the core's member id (extension/vocab.js), as the service accepts it
  const OFFER_ID = /^[0-9]{1,20}$/;
  const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  const TOKEN = checks.TEAM_TOKEN;
  const IDEM_KEY = /^[A-Za-z0-9._:-]{8,64}$/;
  /** The API paths this file may request (the server is the configured one); member ids as memberOf gives them. */
  function apiPath(path) {
    if (/^\/v1\/(?:health|team|suppliers\/lookup|reports|prices)$/.test(path)) return true;
    if (/^\/v1\/prices\/[0-9]{1,20}\?limit=\d{1,4}$/.test(path)) return true;
    const m = /^\/v1\/suppliers\/([^/?#]+)$/.exec(path) ?? /^\/v1\/reports\?memberId=([^&#]+)&limit=\d{1,3}$/.exec(path);
    return Boolean(m) && memberOf(m[1]) === m[1];
  }

  const str = (v, max = TEXT_MAX) => (typeof v === 'string' ? v : '').slice(0, max * 2);
  const sleepMs = (at) => Math.max(0, at - Date.now());
  const utcDay = (t = Date.now()) => new Date(t).toISOString().slice(0, 10);

  /**
   * Text the API accepts: no control characters (newlines and tabs kept when
   * multiline), no invisible format or bidi control characters (the service
   * refuses them: a note copied from a page may carry a zero-width space), at
   * most max characters.
   */
  function cleanText(s, max, multiline) {
    const ctl = multiline ? /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g : /[\u0000-\u001F\u007F-\u009F]/g;
    return Array.from(String(s ?? '').replace(ctl, ' ').replace(/\p{Cf}/gu, '')).slice(0, max).join('').trim();
  }

  /** "b2b-…" for a page's member id ("a-b2b-…" on supplier search: the same member), or null when it is none. */
  function memberOf(id) {
    if (typeof id !== 'string' || !MEMBER_ID.test(id)) return null;
    return id.startsWith('a-') ? id.slice(2) : id;
  }
  const offerOf = (id) => (typeof id === 'string' && OFFER_ID.test(id) ? id : null);

  // The server address and token checks are extension/checks.js's (the options page uses them too).
  const serverOf = checks.teamServer;

  // ---- settings (cached; invalidated on every change) ------------------------

  /**
   * The team token in the extension origin's IndexedDB: persistent like
   * storage.local, but a content script (which runs in the page's origin)
   * cannot open it.
   */
  const tokenStore = {
    open() {
      return new Promise((resolve, reject) => {
        const req = indexedDB.open('trustlens-team', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('secrets');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    },
    async run(mode, fn) {
      const db = await this.open();
      try {
        return await new Promise((resolve, reject) => {
          const tx = db.transaction('secrets', mode);
          const req = fn(tx.objectStore('secrets'));
          tx.oncomplete = () => resolve(req.result);
          tx.onerror = tx.onabort = () => reject(tx.error);
        });
      } finally { db.close(); }
    },
    get() { return this.run('readonly', (st) => st.get('token')); },
    set(token) { return this.run('readwrite', (st) => st.put(token, 'token')); },
    clear() { return this.run('readwrite', (st) => st.delete('token')); },
  };

  let gen = 0; // bumped when sync is turned on, off or changed: late answers of an older setting are dropped
  let configPromise = null;
  function readConfig() {
    configPromise ??= (async () => {
      const c = (await chrome.storage.local.get(CONFIG))[CONFIG];
      if (!isPlain(c) || c.enabled !== true || !serverOf(c.server)) return null;
      // Settings saved by an earlier version kept the token here: move it out of the content scripts' reach.
      if (typeof c.token === 'string') {
        if (TOKEN.test(c.token)) await tokenStore.set(c.token);
        const { token: _moved, ...rest } = c;
        await chrome.storage.local.set({ [CONFIG]: rest });
      }
      const token = await tokenStore.get();
      if (!TOKEN.test(token ?? '')) return null;
      return { server: serverOf(c.server), token, by: cleanText(c.by, BY_MAX, false) || 'TrustLens' };
    })().catch(() => null);
    return configPromise;
  }
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[CONFIG]) configPromise = null;
  });

  async function setStatus(state, extra = {}) {
    const cur = (await chrome.storage.local.get(STATUS).catch(() => ({})))[STATUS];
    /** @type {{[key: string]: any}} */
    const next = { ...(isPlain(cur) ? cur : {}), state, at: Date.now(), ...extra };
    if (state === 'ok') delete next.detail;
    // Unchanged (a sync time refreshed at most every 30 s): no write, no storage event.
    const same = isPlain(cur) && cur.state === state && cur.detail === next.detail && !extra.teamName &&
      (!extra.syncedAt || extra.syncedAt - (cur.syncedAt ?? 0) < 30_000);
    if (same) return;
    await chrome.storage.local.set({ [STATUS]: next }).catch(() => {});
    // The panels show the state ("team service not answering"): tabs showing team data check again when it changes.
    if (!isPlain(cur) || cur.state !== state) notifyAll();
  }

  // ---- the one way out -------------------------------------------------------

  const stats = { requests: 0 }; // requests sent in this worker's lifetime (for the options page and tests)
  const inflight = new Set();

  /**
   * One API request to the configured server. Returns {status, body, retryAfter}
   * or {status: 0} for a network error; throws only when it must not send.
   */
  async function send(method, path, body) {
    const cfg = await readConfig();
    if (!cfg) throw new Error('team sync is off');
    if (!apiPath(path)) throw new Error(`not a team API path: ${path.slice(0, 80)}`);
    const granted = await chrome.permissions.contains({ origins: [cfg.server.pattern] }).catch(() => false);
    if (!granted) {
      await setStatus('permission', { detail: cfg.server.origin });
      throw new Error('no permission for the team server');
    }
    const headers = { Authorization: `Bearer ${cfg.token}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    stats.requests++;
    // A service that accepts the connection and never answers (or stops
    // half-way through the body) must not hold the queue: the request and
    // the reading of its answer are cut off after REQUEST_TIMEOUT_MS.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS);
    const p = fetch(cfg.server.origin + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
      referrerPolicy: 'no-referrer',
      signal: abort.signal,
    }).then(async (res) => {
      let data = null;
      try { data = await res.json(); } catch { /* not JSON, or cut off */ }
      if (abort.signal.aborted) throw new Error('timeout');
      const ra = Number(res.headers.get('Retry-After'));
      return { status: res.status, body: data, retryAfter: Number.isFinite(ra) && ra > 0 ? ra : 1 };
    }).catch(() => ({ status: 0, body: null, retryAfter: 0, timedOut: abort.signal.aborted }))
      .finally(() => clearTimeout(timer));
    inflight.add(p);
    try { return await p; } finally { inflight.delete(p); }
  }

  // ---- cache -----------------------------------------------------------------

  let cacheQueue = Promise.resolve(); // cache writes run one after another
  function writeCache(fn) {
    const job = cacheQueue.then(fn);
    cacheQueue = job.catch(() => {});
    return job;
  }

  // When each entry was last fetched, known as soon as its write is queued (a
  // re-check reading storage meanwhile must not queue the same request again).
  const freshAt = new Map();

  /** Stores tm:/tp: entries (an object of key → value) and keeps at most MAX_CACHED of them. */
  function putCache(items) {
    if (freshAt.size > MAX_CACHED) freshAt.clear();
    for (const [k, v] of Object.entries(items)) if (num(v?.fetchedAt)) freshAt.set(k, v.fetchedAt);
    return writeCache(async () => {
      const index = (await chrome.storage.local.get(INDEX))[INDEX];
      const idx = isPlain(index) ? index : {};
      for (const [k, v] of Object.entries(items)) idx[k] = v.fetchedAt ?? Date.now();
      const keys = Object.keys(idx);
      const evict = [];
      if (keys.length > MAX_CACHED) {
        keys.sort((a, b) => idx[a] - idx[b]);
        for (const k of keys.slice(0, keys.length - MAX_CACHED)) {
          if (Object.hasOwn(items, k)) continue;
          delete idx[k];
          evict.push(k);
        }
      }
      await chrome.storage.local.set({ ...items, [INDEX]: idx });
      if (evict.length) await chrome.storage.local.remove(evict);
    });
  }

  async function readCache(keys) {
    await cacheQueue;
    return chrome.storage.local.get(keys).catch(() => ({}));
  }

  function entryOf(e) {
    if (!isPlain(e) || !['block', 'trust', 'none'].includes(e.action)) return null;
    const rating = Number.isInteger(e.rating) && e.rating >= 1 && e.rating <= 5 ? e.rating : null;
    return { action: e.action, note: str(e.note), rating, by: str(e.by, BY_MAX), updatedAt: str(e.updatedAt, 40) };
  }
  function reportOf(r) {
    if (!isPlain(r)) return null;
    const ruleIds = Array.isArray(r.ruleIds) ? r.ruleIds.filter((id) => typeof id === 'string' && RULE_ID.test(id)).slice(0, 20) : [];
    return { ruleIds, evidence: str(r.evidence), by: str(r.by, BY_MAX), at: str(r.reportedAt ?? r.at, 40) };
  }
  function priceOf(o) {
    if (!isPlain(o) || num(o.min) == null || (o.currency !== 'CNY' && o.currency !== 'USD')) return null;
    return { min: o.min, max: num(o.max) ?? o.min, currency: o.currency, seenAt: str(o.seenAt, 40) };
  }

  // ---- what the analysis gets ------------------------------------------------

  /** The price summary the panel shows: from the server's summary (CNY), else from the cached observations. */
  function priceView(offer) {
    if (!isPlain(offer)) return null;
    const s = Array.isArray(offer.summary) ? offer.summary.find((x) => isPlain(x) && x.currency === 'CNY') : null;
    if (s && num(s.count)) {
      return { count: s.count, lowest: num(s.lowest), median: num(s.medianMin), lastSeenAt: str(s.lastSeenAt, 40), currency: 'CNY' };
    }
    const obs = (offer.observations ?? []).filter((o) => o?.currency === 'CNY');
    if (!obs.length) return { count: 0, lowest: null, median: null, lastSeenAt: '', currency: 'CNY' };
    const mins = obs.map((o) => o.min).sort((a, b) => a - b);
    const mid = mins.length >> 1;
    const median = mins.length % 2 ? mins[mid] : (mins[mid - 1] + mins[mid]) / 2;
    const last = obs.map((o) => o.seenAt).sort().at(-1) ?? '';
    return { count: obs.length, lowest: mins[0], median, lastSeenAt: last, currency: 'CNY' };
  }

  /**
   * For a verdict: {block, view} or null when sync is off or the page names no
   * supplier the service knows how to look up. block is the analyze input's
   * "team" (docs/verdict.md), null when the cache holds nothing for this page;
   * view is what the panel shows. Reads chrome.storage.local only.
   */
  async function blockFor(verdict) {
    const cfg = await readConfig();
    if (!cfg || !isPlain(verdict)) return null;
    const memberId = memberOf(verdict.supplier?.memberId);
    if (!memberId) return null;
    const offerId = verdict.kind === 'offer' ? offerOf(verdict.offer?.id) : null;
    const keys = [MEMBER(memberId), STATUS, OUTBOX];
    if (offerId) keys.push(OFFER(offerId));
    const s = await readCache(keys);
    const m = isPlain(s[MEMBER(memberId)]) ? s[MEMBER(memberId)] : null;
    const o = offerId && isPlain(s[OFFER(offerId)]) ? s[OFFER(offerId)] : null;
    const entry = entryOf(m?.entry);
    const reports = (Array.isArray(m?.reports) ? m.reports : []).map(reportOf).filter(Boolean).slice(0, MAX_REPORTS);
    const prices = (Array.isArray(o?.observations) ? o.observations : []).map(priceOf).filter(Boolean).slice(0, MAX_PRICES);
    const block = {};
    if (entry) block.entry = { action: entry.action, note: entry.note, rating: entry.rating };
    if (reports.length) block.reports = reports.map(({ ruleIds, evidence, by, at }) => ({ ruleIds, evidence, by, at }));
    if (prices.length) block.prices = prices;
    const status = isPlain(s[STATUS]) ? s[STATUS] : {};
    const outbox = Array.isArray(s[OUTBOX]) ? s[OUTBOX] : [];
    const view = {
      memberId,
      offerId,
      entry,
      reportCount: Math.max(num(m?.reportCount) ?? 0, reports.length),
      reports: reports.slice(0, 3),
      prices: offerId ? priceView(o) : null,
      syncedAt: num(m?.fetchedAt),
      status: typeof status.state === 'string' ? status.state : '',
      pending: outbox.filter((x) => x?.kind === 'action' && x.memberId === memberId).length,
    };
    return { block: Object.keys(block).length ? block : null, view };
  }

  /**
   * For a search or list page's verdict: what the team cache holds for its
   * cards' suppliers, {<member id as the card has it>: {action?, note?, by?,
   * reportCount}} (only cards with a team entry or reports), or null when sync
   * is off. Reads chrome.storage.local only; never changes a card's level.
   */
  async function cardsFor(verdict) {
    const cfg = await readConfig();
    const vcards = isPlain(verdict) && Array.isArray(verdict.cards) ? verdict.cards : [];
    if (!cfg || !vcards.length) return null;
    const ids = new Map(); // raw card member id -> "b2b-…"
    for (const c of vcards) {
      const raw = isPlain(c) && typeof c.memberId === 'string' ? c.memberId : null;
      const id = raw && memberOf(raw);
      if (id && !ids.has(raw)) ids.set(raw, id);
    }
    if (!ids.size) return null;
    const s = await readCache([...new Set(ids.values())].map(MEMBER));
    const out = {};
    for (const [raw, id] of ids) {
      const m = isPlain(s[MEMBER(id)]) ? s[MEMBER(id)] : null;
      if (!m) continue;
      const entry = entryOf(m.entry);
      const reports = Array.isArray(m.reports) ? m.reports.length : 0;
      const reportCount = Math.max(num(m.reportCount) ?? 0, reports);
      const mark = {};
      if (entry && entry.action !== 'none') Object.assign(mark, { action: entry.action, note: entry.note, by: entry.by });
      if (reportCount > 0) mark.reportCount = reportCount;
      if (Object.keys(mark).length) out[raw] = mark;
    }
    return out;
  }

  // ---- what to sync ----------------------------------------------------------

  const want = { members: new Set(), reports: new Set(), offers: new Set() };
  const tries = new Map(); // task key → failed tries in this worker's lifetime
  const heldTasks = new Map(); // task key → time before which it is not sent again (after a timeout)
  const watchers = new Map(); // tabId → {memberId, offerId}
  let lastLookupAt = 0;
  let holdUntil = 0; // after a 429 / 503 / network error: nothing is sent before this
  let stopped = false; // 401 / 403: nothing more until the settings change

  /** The offer id in a detail.1688.com / m.1688.com offer address (as the core reads it), or null. */
  function offerInUrl(href) {
    let u;
    try { u = new URL(String(href ?? '')); } catch { return null; }
    if (!/^https?:$/.test(u.protocol) || !['detail.1688.com', 'm.1688.com'].includes(u.hostname)) return null;
    return offerOf(/^\/offer\/(\d{1,20})\.html$/.exec(u.pathname)?.[1]);
  }

  /**
   * Whether offerId is the offer the buyer navigated to in this tab: the one
   * in the address the document was loaded from (page.loadUrl: the navigation
   * entry, which history.pushState cannot change) and in the tab's address
   * now (page.url, the browser's). Only that offer's price history is read
   * and its price posted: a page that pushes other offers' addresses and
   * swaps its model gets neither a read nor a write for them.
   */
  function navigatedOffer(offerId, tabId, page) {
    if (!Number.isInteger(tabId) || !isPlain(page)) return false;
    return offerInUrl(page.loadUrl) === offerId && offerInUrl(page.url) === offerId;
  }

  // tabId → the load (document) of that tab that already posted its price.
  const postedLoads = new Map();

  /**
   * Whether this analysis may post the offer's price without a click: only
   * for the offer the buyer navigated to (navigatedOffer), once per load (a
   * second, later analysis of the same load is refused).
   */
  function priceAllowed(offerId, tabId, page) {
    if (typeof page?.load !== 'string' || !page.load || !navigatedOffer(offerId, tabId, page)) return false;
    if (postedLoads.get(tabId) === page.load) return false;
    postedLoads.set(tabId, page.load);
    return true;
  }

  /**
   * Called after each analysis (never awaited by it): remember what the tab
   * shows, queue refreshes and the day's price. page: {url, loadUrl, load}
   * (the tab's address now as the browser reports it, the address the
   * document was loaded from, an id of that load).
   */
  async function afterVerdict(verdict, tabId, page) {
    const cfg = await readConfig();
    if (!cfg || !isPlain(verdict) || verdict.readable === false || verdict.error) return;
    const memberId = memberOf(verdict.supplier?.memberId);
    const offerId = verdict.kind === 'offer' ? offerOf(verdict.offer?.id) : null;
    if (Number.isInteger(tabId)) {
      const findings = (Array.isArray(verdict.findings) ? verdict.findings : [])
        .filter((f) => isPlain(f) && typeof f.id === 'string' && RULE_ID.test(f.id) && f.id.length <= 64)
        .map((f) => ({ id: f.id, severity: str(f.severity, 20), evidence: str(f.evidence) }));
      const tab = { memberId, offerId, findings };
      watchers.set(tabId, tab);
      chrome.storage.session?.set({ [TAB(tabId)]: tab }).catch(() => {});
    }
    // Sellers on search and list pages: looked up in the same batches (their cards show the team's marks;
    // the offer pages open faster later).
    const ids = new Set(memberId ? [memberId] : []);
    for (const c of Array.isArray(verdict.cards) ? verdict.cards : []) {
      const id = memberOf(c?.memberId);
      if (id && ids.size < MAX_LOOKUP) ids.add(id);
    }
    // The tab is told when the team data of one of its cards' suppliers changes, too.
    if (Number.isInteger(tabId) && watchers.has(tabId)) watchers.get(tabId).cardMembers = new Set(ids);
    const keys = [...ids].map(MEMBER);
    if (offerId) keys.push(OFFER(offerId));
    const s = await readCache(keys);
    const now = Date.now();
    const age = (k) => now - Math.max(num(s[k]?.fetchedAt) ?? 0, freshAt.get(k) ?? 0);
    for (const id of ids) {
      if (!(age(MEMBER(id)) < MEMBER_TTL_MS)) want.members.add(id);
    }
    if (offerId && navigatedOffer(offerId, tabId, page)) {
      const o = s[OFFER(offerId)];
      if (!(age(OFFER(offerId)) < OFFER_TTL_MS)) want.offers.add(offerId);
      // Today's price, once a day per offer (the key makes a resend harmless).
      const lo = num(verdict.offer?.priceMin);
      const hi = num(verdict.offer?.priceMax) ?? lo;
      const day = utcDay(now);
      if (lo != null && lo > 0 && hi >= lo && hi <= 1e8 && o?.observedDay !== day && !pricesSent.has(`${offerId}:${day}`) &&
        priceAllowed(offerId, tabId, page)) {
        const round = (x) => Math.round(x * 100) / 100;
        // A random key (the service scopes keys per token): a resend of this one observation is stored once.
        const body = { idempotencyKey: `p-${crypto.randomUUID()}`, offerId, min: round(lo), max: round(hi), currency: 'CNY', seenAt: new Date(now).toISOString() };
        if (memberId) body.memberId = memberId;
        await enqueue({ key: body.idempotencyKey, kind: 'price', method: 'POST', path: '/v1/prices', body, offerId, day });
      }
    }
    kick();
  }

  // ---- the outbox (writes; kept until the server answers) ---------------------

  let outboxQueue = Promise.resolve();
  function editOutbox(fn) {
    const job = outboxQueue.then(async () => {
      const cur = (await chrome.storage.local.get(OUTBOX))[OUTBOX];
      const list = Array.isArray(cur) ? cur.filter(isPlain) : [];
      const next = fn(list);
      if (next) await chrome.storage.local.set({ [OUTBOX]: next.slice(-MAX_OUTBOX) });
      return next;
    });
    outboxQueue = job.catch(() => {});
    return job;
  }
  const pricesSent = new Set(); // "<offerId>:<day>" the server has answered (a re-check while the answer is stored must not queue it again)
  function enqueue(item) {
    return editOutbox((list) => {
      if (item.kind === 'price' && list.some((x) => x.kind === 'price' && x.offerId === item.offerId && x.day === item.day)) return null;
      // A newer write of the same key replaces the queued one (a supplier's entry: the last one wins).
      return [...list.filter((x) => x.key !== item.key), { ...item, tries: 0 }];
    });
  }

  // ---- the pump ---------------------------------------------------------------

  let pumping = null;
  let timer = 0;
  let wakeTime = 0; // when the pump's timer fires (0: none)
  function kick() {
    if (pumping) { pumping.again = true; return; }
    const run = { again: false };
    pumping = run;
    run.done = pump().catch(() => {}).finally(() => {
      pumping = null;
      if (run.again) kick();
    });
  }
  function wakeAt(t) {
    clearTimeout(timer);
    wakeTime = t;
    timer = setTimeout(() => { wakeTime = 0; kick(); }, sleepMs(t));
  }

  /**
   * Handles a failed answer: true when the task should be retried later. A
   * queued write is always retried after a transient failure (it stays queued
   * until the server answers); a read gives up after MAX_TRIES (the next
   * analysis queues it again).
   */
  async function failed(taskKey, res, isWrite) {
    if (res.status === 401 || res.status === 403) {
      stopped = true;
      await setStatus(res.status === 401 ? 'unauthorized' : 'forbidden', { detail: str(res.body?.error?.message, 200) });
      return true;
    }
    const n = (tries.get(taskKey) ?? 0) + 1;
    tries.set(taskKey, n);
    if (res.status === 429) {
      holdUntil = Date.now() + Math.min(res.retryAfter, 300) * 1000;
      await setStatus('rate-limited');
      return isWrite || n < MAX_TRIES * 4;
    }
    if (res.timedOut) {
      // Only this request waits (with backoff): the others go on, so one
      // stalled request never holds all team traffic.
      heldTasks.set(taskKey, Date.now() + Math.min(BACKOFF_MS * 2 ** (n - 1), MAX_BACKOFF_MS));
      await setStatus('timeout', { detail: `no answer in ${REQUEST_TIMEOUT_MS / 1000} s` });
      return isWrite || n < MAX_TRIES;
    }
    if (res.status === 0 || res.status >= 500) {
      holdUntil = Date.now() + Math.min(BACKOFF_MS * 2 ** (n - 1), MAX_BACKOFF_MS);
      await setStatus('offline', { detail: res.status ? `HTTP ${res.status}` : 'network error' });
      return isWrite || n < MAX_TRIES;
    }
    await setStatus('error', { detail: `${res.status} ${str(res.body?.error?.message, 200)}`.trim() });
    return false; // 400, 404, 413, 415: the same request would fail again
  }

  function notifyAll() {
    for (const tabId of watchers.keys()) chrome.tabs.sendMessage(tabId, { type: 'teamUpdated' }).catch(() => watchers.delete(tabId));
  }

  function notify(memberIds, offerIds) {
    for (const [tabId, w] of watchers) {
      if ((w.memberId && memberIds.has(w.memberId)) || (w.offerId && offerIds.has(w.offerId)) ||
        (w.cardMembers && [...memberIds].some((id) => w.cardMembers.has(id)))) {
        chrome.tabs.sendMessage(tabId, { type: 'teamUpdated' }).catch(() => watchers.delete(tabId));
      }
    }
  }

  async function pump() {
    for (;;) {
      const cfg = await readConfig();
      if (!cfg || stopped) { want.members.clear(); want.reports.clear(); want.offers.clear(); return; }
      if (Date.now() < holdUntil) { wakeAt(holdUntil); return; }
      const g = gen;
      const task = await nextTask();
      if (!task) return;
      if (task.wait) { wakeAt(task.wait); return; }
      const res = await send(task.method, task.path, task.body);
      if (g !== gen) continue; // the settings changed meanwhile: drop the answer
      if (res.status >= 200 && res.status < 300) {
        tries.delete(task.key);
        heldTasks.delete(task.key);
        await task.ok(res.body);
        await setStatus('ok', { syncedAt: Date.now() });
      } else if (!(await failed(task.key, res, task.key.startsWith('out:')))) {
        await task.drop?.();
      }
    }
  }

  /**
   * The next request to make, {wait: time} when every remaining one must wait
   * (the lookup gap, or a request held after a timeout), or null.
   */
  async function nextTask() {
    // 1. The buyer's own actions first, then 2. reads, then 3. price observations
    // (after this offer's history was read, so today's price is not yet in the history the page is judged against).
    // A request held after a timeout is skipped until its time: the others go first.
    const now = Date.now();
    const held = (key) => (heldTasks.get(key) ?? 0) > now;
    const outbox = (await chrome.storage.local.get(OUTBOX).catch(() => ({})))[OUTBOX];
    const list = Array.isArray(outbox) ? outbox.filter(isPlain) : [];
    const action = list.find((x) => x.kind === 'action' && !held(`out:${x.key}`));
    if (action) return outboxTask(action);
    const lookupReady = want.members.size > 0 && !held(`lookup:${[...want.members][0]}`);
    if (lookupReady && now >= lastLookupAt + LOOKUP_GAP_MS) return lookupTask();
    const reports = [...want.reports].find((id) => !held(`reports:${id}`));
    if (reports) return reportsTask(reports);
    const offer = [...want.offers].find((id) => !held(`history:${id}`));
    if (offer) return historyTask(offer);
    const price = list.find((x) => x.kind === 'price' && !held(`out:${x.key}`));
    if (price) return outboxTask(price);
    // Only work that is still to do waits (a held request may have been dropped since).
    const todo = [...list.map((x) => `out:${x.key}`), ...[...want.reports].map((id) => `reports:${id}`),
      ...[...want.offers].map((id) => `history:${id}`), ...(want.members.size ? [`lookup:${[...want.members][0]}`] : [])];
    const waits = todo.filter(held).map((k) => heldTasks.get(k));
    if (lookupReady) waits.push(lastLookupAt + LOOKUP_GAP_MS);
    return waits.length ? { wait: Math.min(...waits) } : null;
  }

  function lookupTask() {
    const ids = [...want.members].slice(0, MAX_LOOKUP);
    lastLookupAt = Date.now();
    return {
      key: `lookup:${ids[0]}`,
      method: 'POST',
      path: '/v1/suppliers/lookup',
      body: { memberIds: ids },
      async ok(body) {
        const results = Array.isArray(body?.results) ? body.results.filter(isPlain) : [];
        const s = await readCache(ids.map(MEMBER));
        const items = {};
        const changed = new Set();
        const now = Date.now();
        for (const r of results) {
          const id = memberOf(r.memberId);
          if (!id || !ids.includes(id)) continue;
          const old = isPlain(s[MEMBER(id)]) ? s[MEMBER(id)] : null;
          const count = Number.isInteger(r.reportCount) && r.reportCount >= 0 ? r.reportCount : 0;
          const last = typeof r.lastReportAt === 'string' ? r.lastReportAt : null;
          const reportsKnown = old && old.lastReportAt === last && old.reportsAt;
          const next = {
            entry: entryOf(r.entry),
            reportCount: count,
            lastReportAt: last,
            reports: count === 0 ? [] : (reportsKnown ? old.reports : (old?.reports ?? [])),
            reportsAt: count === 0 ? now : (reportsKnown ? old.reportsAt : 0),
            fetchedAt: now,
          };
          if (count > 0 && !reportsKnown) want.reports.add(id);
          if (!old || JSON.stringify([old.entry, old.reports]) !== JSON.stringify([next.entry, next.reports])) changed.add(id);
          items[MEMBER(id)] = next;
        }
        if (Object.keys(items).length) await putCache(items);
        // Only now: a re-check that read the cache before this write must not queue the same lookup again.
        for (const id of ids) want.members.delete(id);
        if (changed.size) notify(changed, new Set());
      },
      drop() { for (const id of ids) want.members.delete(id); },
    };
  }

  function reportsTask(id) {
    return {
      key: `reports:${id}`,
      method: 'GET',
      path: `/v1/reports?memberId=${id}&limit=${MAX_REPORTS}`,
      async ok(body) {
        const reports = (Array.isArray(body?.reports) ? body.reports : []).map(reportOf).filter(Boolean).slice(0, MAX_REPORTS);
        const old = (await readCache(MEMBER(id)))[MEMBER(id)];
        const now = Date.now();
        /** @type {{[key: string]: any}} */
        const next = { ...(isPlain(old) ? old : { entry: null, lastReportAt: null, fetchedAt: now }), reports, reportsAt: now };
        next.reportCount = Math.max(num(next.reportCount) ?? 0, reports.length);
        await putCache({ [MEMBER(id)]: next });
        want.reports.delete(id);
        notify(new Set([id]), new Set());
      },
      drop() { want.reports.delete(id); },
    };
  }

  function historyTask(offerId) {
    return {
      key: `history:${offerId}`,
      method: 'GET',
      path: `/v1/prices/${offerId}?limit=${MAX_PRICES}`,
      async ok(body) {
        const observations = (Array.isArray(body?.observations) ? body.observations : []).map(priceOf).filter(Boolean).slice(0, MAX_PRICES);
        const summary = Array.isArray(body?.summary) ? body.summary.filter(isPlain).slice(0, 4) : null;
        const old = (await readCache(OFFER(offerId)))[OFFER(offerId)];
        const next = { observations, summary, total: num(body?.total) ?? observations.length, fetchedAt: Date.now(), observedDay: isPlain(old) ? old.observedDay ?? '' : '' };
        await putCache({ [OFFER(offerId)]: next });
        want.offers.delete(offerId);
        if (!isPlain(old) || JSON.stringify(old.observations) !== JSON.stringify(observations)) notify(new Set(), new Set([offerId]));
      },
      drop() { want.offers.delete(offerId); },
    };
  }

  function outboxTask(item) {
    const remove = () => editOutbox((list) => list.filter((x) => x.key !== item.key));
    return {
      key: `out:${item.key}`,
      method: item.method,
      path: item.path,
      body: item.body,
      async ok(body) {
        if (item.kind === 'price') pricesSent.add(`${item.offerId}:${item.day}`);
        await remove();
        if (item.kind === 'price') {
          // Today's observation is stored; it joins the history at the next refresh.
          await writeCache(async () => {
            const k = OFFER(item.offerId);
            const cur = (await chrome.storage.local.get(k))[k];
            if (isPlain(cur)) await chrome.storage.local.set({ [k]: { ...cur, observedDay: String(item.day ?? '') } });
          });
          return;
        }
        // A supplier entry or report the buyer sent: the server's copy replaces the local one.
        const id = item.memberId;
        const cur = (await readCache(MEMBER(id)))[MEMBER(id)];
        const m = isPlain(cur) ? { ...cur } : { entry: null, reportCount: 0, lastReportAt: null, reports: [], reportsAt: 0, fetchedAt: 0 };
        if (item.method === 'PUT') m.entry = entryOf(body) ?? m.entry;
        else {
          const r = reportOf(body);
          if (r) {
            m.reports = [r, ...(m.reports ?? []).filter((x) => !x.local)].slice(0, MAX_REPORTS);
            m.reportCount = Math.max(num(m.reportCount) ?? 0, m.reports.length);
            m.lastReportAt = r.at;
          }
        }
        await putCache({ [MEMBER(id)]: m });
        notify(new Set([id]), new Set());
      },
      async drop() { await remove(); },
    };
  }

  // ---- team actions from the panel -------------------------------------------

  async function tabInfo(tabId) {
    if (watchers.has(tabId)) return watchers.get(tabId);
    const key = TAB(tabId);
    const s = await chrome.storage.session?.get(key).catch(() => ({}));
    return isPlain(s?.[key]) ? s[key] : null;
  }

  /**
   * {type: "teamAction", action: "block"|"trust"|"note"|"report", memberId, note?, rating?}
   * from the content script of the tab whose supplier it names. The entry and
   * report are applied to the local cache at once (the page is checked again
   * with them) and queued; the pump sends them.
   */
  async function handleAction(msg, sender) {
    if (!checks.fromContentScript(sender)) return { ok: false, error: 'teamAction is only accepted from the TrustLens content script on 1688' };
    const cfg = await readConfig();
    if (!cfg) return { ok: false, error: 'team sync is off' };
    if (!['block', 'trust', 'note', 'report'].includes(msg.action)) return { ok: false, error: 'unknown team action' };
    const tab = await tabInfo(sender.tab.id);
    const memberId = memberOf(msg.memberId);
    if (!memberId || !tab || tab.memberId !== memberId) return { ok: false, error: "memberId must be this page's supplier" };
    if (msg.note !== undefined && typeof msg.note !== 'string') return { ok: false, error: 'note must be a string' };
    if (msg.rating != null && !(Number.isInteger(msg.rating) && msg.rating >= 1 && msg.rating <= 5)) return { ok: false, error: 'rating must be 1-5' };
    const note = cleanText(msg.note, TEXT_MAX, true);
    const s = await readCache(MEMBER(memberId));
    const cur = isPlain(s[MEMBER(memberId)]) ? s[MEMBER(memberId)] : { entry: null, reportCount: 0, lastReportAt: null, reports: [], reportsAt: 0, fetchedAt: 0 };
    const now = new Date().toISOString();
    // The service signs what a token writes with the token's label (shown by Test connection); until its answer
    // replaces the local copy, that label (else the name from the options) stands for it.
    const status = (await chrome.storage.local.get(STATUS).catch(() => ({})))[STATUS];
    const me = str(status?.tokenLabel, BY_MAX) || cfg.by;
    let item;
    const local = { ...cur };
    if (msg.action === 'report') {
      // The findings this page's verdict showed (team-reported itself excepted: it came from the team).
      const findings = (tab.findings ?? []).filter((f) => !['positive', 'info'].includes(f.severity) && f.id !== 'team-reported');
      const ruleIds = [...new Set(findings.map((f) => f.id))].slice(0, 20);
      const lines = findings.filter((f) => f.evidence).map((f) => `${f.id}: ${f.evidence}`);
      const evidence = cleanText([note, ...lines].filter(Boolean).join('\n'), TEXT_MAX, true);
      if (!ruleIds.length && !evidence) return { ok: false, error: 'nothing to report: no warnings on this page and no note' };
      const body = { idempotencyKey: `r-${crypto.randomUUID()}`, memberId, ruleIds, evidence };
      if (tab.offerId) body.offerId = tab.offerId;
      item = { key: body.idempotencyKey, kind: 'action', method: 'POST', path: '/v1/reports', body, memberId };
      local.reports = [{ ruleIds, evidence, by: me, at: now, local: true }, ...(cur.reports ?? [])].slice(0, MAX_REPORTS);
      local.reportCount = (num(cur.reportCount) ?? 0) + 1;
      local.lastReportAt = now;
    } else {
      const action = msg.action === 'note' ? (entryOf(cur.entry)?.action ?? 'none') : msg.action;
      const body = { action, note, rating: msg.rating ?? null };
      item = { key: `put-${memberId}`, kind: 'action', method: 'PUT', path: `/v1/suppliers/${memberId}`, body, memberId };
      local.entry = { action, note, rating: body.rating, by: me, updatedAt: now };
    }
    if (!IDEM_KEY.test(item.key) && item.method === 'POST') return { ok: false, error: 'bad key' };
    await enqueue(item);
    await putCache({ [MEMBER(memberId)]: { ...local, fetchedAt: num(cur.fetchedAt) ?? 0 } });
    notify(new Set([memberId]), new Set());
    kick();
    return { ok: true, queued: true };
  }

  // ---- the options page --------------------------------------------------------

  const fromPage = (sender) => checks.fromExtensionPage(sender);

  async function clearAll() {
    gen++;
    stopped = false;
    holdUntil = 0;
    want.members.clear(); want.reports.clear(); want.offers.clear();
    tries.clear();
    heldTasks.clear();
    pricesSent.clear();
    freshAt.clear();
    await Promise.all([writeCache(() => {}), editOutbox(() => null)]);
    const all = await chrome.storage.local.get(null);
    const keys = Object.keys(all).filter((k) => k.startsWith('tm:') || k.startsWith('tp:') || [INDEX, OUTBOX, STATUS].includes(k));
    await chrome.storage.local.remove(keys);
  }

  // {type: "teamSave", server, token?, by}: turns sync on (the options page asked for the origin first).
  async function handleSave(msg, sender) {
    if (!fromPage(sender)) return { ok: false, error: 'teamSave is only accepted from TrustLens pages' };
    const server = serverOf(msg.server);
    if (!server) return { ok: false, error: 'server', message: 'bad server address' };
    const old = (await chrome.storage.local.get(CONFIG))[CONFIG];
    const oldToken = (await readConfig())?.token ?? (await tokenStore.get().catch(() => undefined));
    const token = msg.token ? String(msg.token).trim() : (isPlain(old) && serverOf(old.server)?.origin === server.origin ? oldToken : '');
    if (!TOKEN.test(token ?? '')) return { ok: false, error: 'token', message: 'bad token' };
    const by = cleanText(msg.by, BY_MAX, false);
    if (!by) return { ok: false, error: 'by', message: 'name required' };
    if (!(await chrome.permissions.contains({ origins: [server.pattern] }).catch(() => false))) return { ok: false, error: 'permission', message: 'the server origin is not granted' };
    // Another server or token is another team: what was cached belongs to the old one.
    if (!isPlain(old) || oldToken !== token || serverOf(old.server)?.origin !== server.origin) await clearAll();
    gen++;
    stopped = false;
    configPromise = null;
    await tokenStore.set(token);
    await chrome.storage.local.set({ [CONFIG]: { enabled: true, server: server.origin, by } });
    configPromise = null;
    kick();
    return { ok: true };
  }

  // {type: "teamOff"}: forgets the token, the cache and the queue; gives the origin back.
  async function handleOff(_msg, sender) {
    if (!fromPage(sender)) return { ok: false, error: 'teamOff is only accepted from TrustLens pages' };
    const old = (await chrome.storage.local.get(CONFIG))[CONFIG];
    await chrome.storage.local.remove(CONFIG);
    await tokenStore.clear().catch(() => {});
    configPromise = null;
    clearTimeout(timer);
    wakeTime = 0;
    await clearAll();
    const server = isPlain(old) ? serverOf(old.server) : null;
    if (server) await chrome.permissions.remove({ origins: [server.pattern] }).catch(() => {});
    // Tabs showing team data are checked again without it.
    notify(new Set([...watchers.values()].flatMap((w) => [w.memberId, ...(w.cardMembers ?? [])]).filter(Boolean)), new Set([...watchers.values()].map((w) => w.offerId).filter(Boolean)));
    return { ok: true };
  }

  // {type: "teamTest"}: GET /v1/health, then GET /v1/team with the token.
  async function handleTest(_msg, sender) {
    if (!fromPage(sender)) return { ok: false, error: 'teamTest is only accepted from TrustLens pages' };
    if (!(await readConfig())) return { ok: false, error: 'off' };
    let health;
    try { health = await send('GET', '/v1/health'); } catch (e) { return { ok: false, error: 'permission', message: String(e.message) }; }
    if (health.timedOut) {
      await setStatus('timeout', { detail: `no answer in ${REQUEST_TIMEOUT_MS / 1000} s` });
      return { ok: false, error: 'timeout' };
    }
    if (health.status !== 200 || health.body?.ok !== true) return { ok: false, error: 'unreachable', status: health.status };
    const team = await send('GET', '/v1/team');
    if (team.status !== 200) {
      if (team.status === 401) await setStatus('unauthorized');
      return { ok: false, error: team.status === 401 ? 'unauthorized' : 'unreachable', status: team.status };
    }
    stopped = false;
    const info = { teamName: str(team.body?.teamName, 100), tokenLabel: str(team.body?.tokenLabel, 100) };
    await setStatus('ok', info);
    kick();
    return { ok: true, ...info };
  }

  // {type: "teamState", settle?}: the settings without the token, the status and
  // counters; settle=true first waits until nothing is queued, in flight or
  // waiting for a retry (at most about two minutes: for tests and diagnostics).
  async function handleState(msg, sender) {
    if (!fromPage(sender)) return { ok: false, error: 'teamState is only accepted from TrustLens pages' };
    if (msg.settle === true) {
      const until = Date.now() + 120_000;
      while (Date.now() < until) {
        await cacheQueue;
        await outboxQueue;
        if (pumping) { await pumping.done; continue; }
        if (inflight.size) { await Promise.allSettled([...inflight]); continue; }
        if (wakeTime && !stopped && (await readConfig())) { await new Promise((r) => setTimeout(r, sleepMs(wakeTime) + 20)); continue; }
        break;
      }
    }
    const s = await chrome.storage.local.get([CONFIG, STATUS, OUTBOX]);
    const c = isPlain(s[CONFIG]) ? s[CONFIG] : null;
    return {
      ok: true,
      enabled: Boolean(await readConfig()),
      server: c?.server ?? '',
      by: c?.by ?? '',
      hasToken: TOKEN.test((await tokenStore.get().catch(() => '')) ?? ''),
      status: isPlain(s[STATUS]) ? s[STATUS] : null,
      queued: Array.isArray(s[OUTBOX]) ? s[OUTBOX].length : 0,
      pendingReads: want.members.size + want.reports.size + want.offers.size,
      waiting: holdUntil > Date.now() || (want.members.size > 0 && lastLookupAt + LOOKUP_GAP_MS > Date.now()),
      requests: stats.requests,
    };
  }

  const TEAM_HANDLERS = { teamAction: handleAction, teamSave: handleSave, teamOff: handleOff, teamTest: handleTest, teamState: handleState };
  chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (!isPlain(msg) || typeof msg.type !== 'string' || !Object.hasOwn(TEAM_HANDLERS, msg.type)) return false;
    TEAM_HANDLERS[msg.type](msg, sender).then(sendResponse, (e) => sendResponse({ ok: false, error: String(e?.message ?? e) }));
    return true;
  });

  chrome.tabs.onRemoved.addListener((tabId) => {
    watchers.delete(tabId);
    chrome.storage.session?.remove(TAB(tabId)).catch(() => {});
  });
  chrome.permissions.onRemoved?.addListener(() => { configPromise = null; });

  // Writes queued before the worker last stopped go out once it runs again.
  readConfig().then((cfg) => { if (cfg) kick(); });

  export { blockFor, cardsFor, afterVerdict };
