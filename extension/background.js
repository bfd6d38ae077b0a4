// TrustLens background: runs the Go core (core.wasm) and answers the content
// scripts. Chrome runs it as the MV3 service worker; Firefox as a background
// script after wasm_exec.js (manifest background.scripts). The wasm runs here
// and not in the page because a page CSP without 'wasm-unsafe-eval' would stop
// it in a content script; the extension CSP allows it here
// (docs/architecture.md, "Where the wasm runs").
//
// Every message is untrusted: fixed types, schema and size checks, sender
// checks, and no way to make this worker fetch anything but its own core.wasm.
if (typeof Go === 'undefined' && typeof importScripts === 'function') importScripts('wasm_exec.js');
// The vocabulary shared with the core (extension/vocab.js, generated from Go): caps, member ids.
if (!globalThis.TrustLens?.vocab && typeof importScripts === 'function') importScripts('vocab.js');
// Who may send what (extension/checks.js), shared with list-store.js and team-sync.js.
if (!globalThis.TrustLens?.checks && typeof importScripts === 'function') importScripts('checks.js');
// The buyer's settings (extension/settings.js): the minimum store age joins the core's input.
if (!globalThis.TrustLens?.loadSettings && typeof importScripts === 'function') importScripts('settings.js');
// The buyer's supplier list: shared checks, then its store (Firefox loads both as background.scripts).
if (!globalThis.TrustLens?.listStore && typeof importScripts === 'function') importScripts('supplier-list.js', 'list-store.js');
// Team sync (opt-in; extension/team-sync.js, its only network code). Firefox: background.scripts.
if (!globalThis.TrustLensTeam && typeof importScripts === 'function') importScripts('team-sync.js');
// Site access (extension/site-access.js): the toolbar says when the browser withholds 1688 pages.
if (!globalThis.TrustLens?.siteAccess && typeof importScripts === 'function') importScripts('site-access.js');
globalThis.TrustLens.siteAccess.watchToolbar();

// The core's caps (extension/vocab.js; strings are checked in UTF-16 code
// units, the core re-checks bytes).
const LIMITS = globalThis.TrustLens.vocab.limits;

const LEVELS = {
  'high-risk': { badge: 'RISK', color: '#b91c1c', msg: 'levelHighRisk' },
  caution: { badge: 'WARN', color: '#b45309', msg: 'levelCaution' },
  trusted: { badge: 'OK', color: '#15803d', msg: 'levelTrusted' },
  unknown: { badge: '?', color: '#6b7280', msg: 'levelUnknown' },
};

const DEFAULT_PREFS = { panelOpenByDefault: false };

const isStr = (v, max) => typeof v === 'string' && v.length <= max;
const isPlain = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

// ---- the core ------------------------------------------------------------

let core = null; // Promise<(snapshotJSON) => verdictJSON>

async function loadCore() {
  const t0 = performance.now();
  if (typeof Go === 'undefined') throw new Error('wasm_exec.js did not load (Go runtime missing)');
  const go = new Go();
  const url = chrome.runtime.getURL('core.wasm');
  let result;
  try {
    result = await WebAssembly.instantiateStreaming(fetch(url), go.importObject);
  } catch {
    // Served without application/wasm (some Firefox setups): compile from bytes.
    const bytes = await (await fetch(url)).arrayBuffer();
    result = await WebAssembly.instantiate(bytes, go.importObject);
  }
  const t1 = performance.now();
  go.run(result.instance); // runs main() until it blocks; registers trustlensAnalyze synchronously
  const t2 = performance.now();
  const analyze = globalThis.trustlensAnalyze;
  if (typeof analyze !== 'function') throw new Error('core.wasm did not register trustlensAnalyze');
  const stats = { instantiateMs: +(t1 - t0).toFixed(1), runMs: +(t2 - t1).toFixed(1), at: Date.now() };
  sessionSet({ coreStats: stats });
  setTimeout(() => warmUp(analyze, stats), 0);
  return analyze;
}

// The first call into a fresh instance pays for JIT tier-up and heap growth
// (about 50 ms on a real G2 model). When the worker is otherwise idle (the
// content script's early "warmup" message arrives while the page still
// parses), spend that on a tiny offer-shaped snapshot; the result is dropped.
const WARMUP_SNAPSHOT = JSON.stringify({
  url: 'https://detail.1688.com/offer/1.html',
  scripts: ['window.__INIT_DATA={"globalData":{"tempModel":{"offerId":1,"offerTitle":"warm-up","companyName":"warm-up"},"sellerSign":{"isTp":true}},' +
    '"data":{"1":{"componentType":"@ali/tdmod-od-pc-attribute-new","data":[{"name":"warm-up","value":"warm-up"}]}}}'],
  responses: [{ url: 'https://h5api.m.1688.com/h5/mtop.1688.moga.pc.shopcard/1.0/', body: '{"data":{"model":{"tpYear":1,"shopData":[{"dataKey":"店铺回头率","dataValue":"1%"}]}}}' }],
  dom: { title: 'warm-up' },
});
let analyzedOnce = false;
function warmUp(analyze, stats) {
  if (analyzedOnce) return; // a real page got there first: nothing left to warm
  const t = performance.now();
  try { analyze(new TextEncoder().encode(WARMUP_SNAPSHOT)); } catch { return; }
  sessionSet({ coreStats: { ...stats, warmupMs: +(performance.now() - t).toFixed(1) } });
}

function getCore() {
  core ??= loadCore().catch((e) => {
    core = null; // try again on the next message
    sessionSet({ coreStats: { error: String(e?.message ?? e), at: Date.now() } });
    throw e;
  });
  return core;
}
getCore().catch(() => {}); // start eagerly: the first page should not wait for compilation

// ---- preferences (cached; the hot path never waits for storage after start) --

/** A planned order {amount, currency} as the core accepts it, or null. */
function checkPlannedOrder(p) {
  if (!isPlain(p)) return null;
  const { amount, currency } = p;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0 || amount > 1e9) return null;
  if (currency !== 'USD' && currency !== 'CNY') return null;
  return { amount, currency };
}

const FLAG_KEYS = ['prefs', 'tlTestOpenShadow'];
let flagsPromise = null;
function readFlags() {
  flagsPromise ??= chrome.storage.local.get(FLAG_KEYS).then((s) => {
    const prefs = { ...DEFAULT_PREFS, ...(s.prefs && typeof s.prefs === 'object' ? s.prefs : {}) };
    return {
      // Test hook: tlTestOpenShadow=true makes the overlay's shadow roots "open" so
      // end-to-end tests can read them. Production default: closed.
      openShadow: s.tlTestOpenShadow === true,
      // The panel opens on load only when the buyer asked for it in the options.
      prefs: { panelOpen: prefs.panelOpenByDefault === true },
    };
  }).catch(() => ({ openShadow: false, prefs: { panelOpen: false } }));
  return flagsPromise;
}
chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  // Only a change to what readFlags reads drops the cache (supplier memory writes do not).
  if (FLAG_KEYS.some((k) => Object.hasOwn(changes, k))) flagsPromise = null;
  if (changes.supIndex) indexPromise = null; // re-read on the next change (it may have been cleared or edited elsewhere)
});
readFlags();

// The buyer's settings (chrome.storage.sync, settings.js), cached until they change.
let settingsPromise = null;
function readSettings() {
  settingsPromise ??= globalThis.TrustLens.loadSettings();
  return settingsPromise;
}
globalThis.TrustLens.onSettingsChange(() => { settingsPromise = null; });
readSettings();

// ---- per-tab verdicts (storage.session survives worker restarts; memory fallback) --

const memory = new Map();
const hasSession = () => Boolean(chrome.storage?.session);

function sessionSet(items) {
  if (hasSession()) return chrome.storage.session.set(items).catch(() => {});
  for (const [k, v] of Object.entries(items)) memory.set(k, v);
  return Promise.resolve();
}
async function sessionGet(key) {
  if (hasSession()) {
    try { return (await chrome.storage.session.get(key))[key]; } catch { /* fall through */ }
  }
  return memory.get(key);
}
function sessionRemove(key) {
  memory.delete(key);
  if (hasSession()) chrome.storage.session.remove(key).catch(() => {});
}
const tabKey = (tabId) => `tab:${tabId}`;

function mirrorOnToolbar(tabId, verdict, failed) {
  const usable = verdict && verdict.readable !== false && !verdict.error;
  const lv = (usable && typeof verdict.level === 'string' && Object.hasOwn(LEVELS, verdict.level) && LEVELS[verdict.level]) || LEVELS.unknown;
  const text = failed ? 'ERR' : lv.badge;
  const score = lv !== LEVELS.unknown && Number.isFinite(verdict?.score) ? verdict.score : '–';
  const title = failed
    ? chrome.i18n.getMessage('toolbarCoreFailed')
    : chrome.i18n.getMessage('toolbarTitle', [chrome.i18n.getMessage(lv.msg), String(score)]);
  const a = chrome.action;
  a.setBadgeText({ tabId, text }).catch(() => {});
  a.setBadgeBackgroundColor({ tabId, color: failed ? '#374151' : lv.color }).catch(() => {});
  a.setBadgeTextColor?.({ tabId, color: '#ffffff' })?.catch?.(() => {});
  a.setTitle({ tabId, title }).catch(() => {});
}

/** The neutral toolbar state while a page's verdict is provisional. */
function mirrorChecking(tabId) {
  const a = chrome.action;
  a.setBadgeText({ tabId, text: '…' }).catch(() => {});
  a.setBadgeBackgroundColor({ tabId, color: LEVELS.unknown.color }).catch(() => {});
  a.setTitle({ tabId, title: chrome.i18n.getMessage('toolbarChecking') || 'TrustLens: checking…' }).catch(() => {});
}

function clearTab(tabId) {
  sessionRemove(tabKey(tabId));
  // Back to the button's defaults (site-access.js: "!" and why, while 1688 pages may not be read).
  chrome.action.setBadgeText({ tabId, text: null }).catch(() => {});
  chrome.action.getTitle({}).then((title) => chrome.action.setTitle({ tabId, title })).catch(() => {});
}
chrome.tabs.onRemoved.addListener((tabId) => clearTab(tabId));
// A navigation starts: the old verdict no longer describes the tab. (Without the
// "tabs" permission, info.url is only present on 1688 pages, so status is the cue.)
chrome.tabs.onUpdated.addListener((tabId, info) => { if (info.status === 'loading') clearTab(tabId); });

// ---- supplier memory (chrome.storage.local) -----------------------------------
//
// What a page revealed about its supplier (verdict.facts: store age, founding,
// licence, badges) is kept per supplier, so that an offer page lacking it can be
// judged with it: the core gets it back as the snapshot's "remembered" block and
// says in the evidence where it came from. Entries are keyed by member id
// ("sup:m:b2b-…"), else by company name ("sup:c:…"); each field keeps the page
// and time it was seen on, and a newer sighting replaces an older one. At most
// MAX_SUPPLIERS entries; the least recently updated go first.
//
//   sup:<id>   {memberId?, company?, fields: {<name>: {value, url, at}}, updatedAt}
//   supIndex   {<id>: updatedAt}   (for eviction; cached until it changes)
//   chk:<id>   {items: {<checklist item>: true}, updatedAt}   the buyer's checklist
// (<id> is "m:<memberId>" or "c:<company>"; times are epoch ms.)

const MAX_SUPPLIERS = 2000;
const DAY_MS = 24 * 60 * 60 * 1000;
const FACT_FIELDS = ['storeAgeYears', 'founded', 'businessModel', 'licenceCompany', 'licenceFounded', 'badges'];
const FACT_TEXT_MAX = 512; // as internal/page/facts.go maxFactText
const CHECKLIST_ITEMS = ['samples', 'reports', 'video', 'contract', 'inspection', 'tracking', 'export'];
const MEMBER_ID = new RegExp(globalThis.TrustLens.vocab.memberId);

/** The supplier id for a member id and company (either may be null), or null. */
function supplierId(memberId, company) {
  if (typeof memberId === 'string' && MEMBER_ID.test(memberId)) return `m:${memberId}`;
  if (typeof company === 'string' && company.trim() && company.length <= FACT_TEXT_MAX) return `c:${company.trim()}`;
  return null;
}
const isSupplierId = (id) => typeof id === 'string' && id.length <= FACT_TEXT_MAX + 2 &&
  ((id.startsWith('m:') && MEMBER_ID.test(id.slice(2))) || (id.startsWith('c:') && id.length > 2));

/** A fact value as the core's remembered block accepts it, or undefined. */
function cleanFact(name, v) {
  if (name === 'storeAgeYears') return Number.isInteger(v) && v >= 1 && v <= 100 ? v : undefined;
  if (name === 'badges') {
    if (!Array.isArray(v)) return undefined;
    const ids = v.filter((b) => typeof b === 'string' && /^[a-z][a-z-]{0,39}$/.test(b)).slice(0, 16);
    return ids.length ? ids : undefined;
  }
  return typeof v === 'string' && v !== '' && v.length <= FACT_TEXT_MAX ? v : undefined;
}
const sameValue = (a, b) => JSON.stringify(a) === JSON.stringify(b);

let memoryQueue = Promise.resolve(); // writes run one after another; reads of the same supplier wait for them
// Supplier ids with a queued or running write (id -> count), and the sequence
// number of the last write queued for each: a read waits only for its own supplier.
const pendingWrites = new Map();
const lastWriteSeq = new Map(); // kept after the write ends (one number per supplier written)
let writeSeq = 0;
/** Queues job() on memoryQueue as a write of supplier id; returns its promise. */
function queueWrite(id, job) {
  pendingWrites.set(id, (pendingWrites.get(id) ?? 0) + 1);
  lastWriteSeq.set(id, ++writeSeq);
  const run = memoryQueue.then(job);
  memoryQueue = run.catch(() => {}).finally(() => {
    const n = pendingWrites.get(id) - 1;
    if (n > 0) pendingWrites.set(id, n);
    else pendingWrites.delete(id);
  });
  return run;
}
let indexPromise = null;
function readIndex() {
  indexPromise ??= chrome.storage.local.get('supIndex')
    .then((s) => (isPlain(s.supIndex) ? s.supIndex : {}))
    .catch(() => ({}));
  return indexPromise;
}

/** Merges a verdict's facts into the supplier's entry (newer sightings win per field). */
async function mergeFacts(facts) {
  const id = supplierId(facts.memberId, facts.company);
  if (!id) return;
  const key = `sup:${id}`;
  const seen = Date.parse(facts.seenAt);
  const at = Number.isFinite(seen) ? Math.min(seen, Date.now()) : Date.now();
  const seenOn = isStr(facts.seenUrl, LIMITS.urlChars) ? facts.seenUrl : ''; // the page's address (data, never fetched)
  const stored = (await chrome.storage.local.get(key))[key];
  const entry = isPlain(stored) && isPlain(stored.fields) ? stored : { fields: {}, updatedAt: 0 };
  let changed = false;
  for (const [name, value] of [['memberId', cleanFact('memberId', facts.memberId)], ['company', cleanFact('company', facts.company)]]) {
    if (value !== undefined && entry[name] !== value && (entry[name] === undefined || at >= entry.updatedAt)) {
      entry[name] = value;
      changed = true;
    }
  }
  for (const name of FACT_FIELDS) {
    const value = cleanFact(name, facts[name]);
    if (value === undefined) continue; // unknown on this page: keep what is known
    const cur = entry.fields[name];
    const curAt = isPlain(cur) && Number.isFinite(cur.at) ? cur.at : -Infinity;
    if (at < curAt) continue; // an older sighting never replaces a newer one
    // Same value seen again: only refresh where and when once a day (fewer writes).
    if (isPlain(cur) && sameValue(cur.value, value) && at - curAt < DAY_MS) continue;
    entry.fields[name] = { value, url: seenOn, at };
    changed = true;
  }
  if (!changed) return;
  entry.updatedAt = Math.max(entry.updatedAt || 0, at);
  const index = await readIndex();
  index[id] = entry.updatedAt;
  const evict = [];
  const ids = Object.keys(index);
  if (ids.length > MAX_SUPPLIERS) {
    ids.sort((a, b) => index[a] - index[b]);
    for (const old of ids.slice(0, ids.length - MAX_SUPPLIERS)) {
      if (old === id) continue;
      delete index[old];
      evict.push(`sup:${old}`);
    }
  }
  await chrome.storage.local.set({ [key]: entry, supIndex: index });
  if (evict.length) await chrome.storage.local.remove(evict);
}

function rememberFacts(facts) {
  if (!isPlain(facts)) return;
  const id = supplierId(facts.memberId, facts.company);
  if (!id) return; // mergeFacts would do nothing
  queueWrite(id, () => mergeFacts(facts)).catch(() => {});
}

/**
 * The remembered block for a verdict: the supplier's stored fields that this
 * page did not show, seen on another page. Returns {facts, used} or null;
 * used = {<field>: {url, at}} says where each value came from (for the panel).
 */
function rememberedFor(entry, verdict, pageUrl) {
  if (!isPlain(entry) || !isPlain(entry.fields)) return null;
  const own = isPlain(verdict.facts) ? verdict.facts : {};
  const sup = isPlain(verdict.supplier) ? verdict.supplier : {};
  const shownBadges = new Set(Array.isArray(sup.badges) ? sup.badges : []);
  const lacks = {
    storeAgeYears: () => sup.storeAgeYears == null,
    badges: (v) => v.some((b) => !shownBadges.has(b)),
  };
  const used = {};
  const facts = {};
  for (const name of FACT_FIELDS) {
    const f = entry.fields[name];
    if (!isPlain(f) || f.url === pageUrl) continue; // this page's own values are read fresh
    const value = cleanFact(name, f.value);
    if (value === undefined || !Number.isFinite(f.at)) continue;
    if (!(lacks[name] ? lacks[name](value) : own[name] == null)) continue;
    facts[name] = value;
    used[name] = { url: isStr(f.url, LIMITS.urlChars) ? f.url : '', at: f.at };
  }
  const names = Object.keys(used);
  // A licence page names no store of its own: the store's name seen on its
  // other pages is what the core checks the licence against.
  const checksLicence = own.company == null && isStr(entry.company, LIMITS.urlChars) &&
    Array.isArray(verdict.storeFacts?.licence) && verdict.storeFacts.licence.length > 0;
  if (!names.length && !checksLicence) return null;
  // The core takes one source for the whole block: the page the store age
  // came from when it is used (the value the badge shows), else the newest
  // (else, the name alone: when the entry was last updated).
  const primary = used.storeAgeYears ?? names.map((n) => used[n]).sort((a, b) => b.at - a.at)[0] ??
    { url: '', at: Number.isFinite(entry.updatedAt) ? entry.updatedAt : Date.now() };
  if (entry.memberId) facts.memberId = entry.memberId;
  if (entry.company) facts.company = entry.company;
  facts.seenUrl = primary.url;
  facts.seenAt = new Date(primary.at).toISOString();
  return { facts, used };
}

/** The stored supplier entry and checklist for an id (after pending writes of that supplier). */
async function readSupplier(id) {
  if (pendingWrites.has(id)) await memoryQueue;
  const keys = [`sup:${id}`, `chk:${id}`, `order:${id}`];
  const s = await chrome.storage.local.get(keys).catch(() => ({}));
  return { entry: s[keys[0]] ?? null, checklist: checklistOf(s[keys[1]]), plannedOrder: checkPlannedOrder(s[keys[2]]) };
}

/** Starts readSupplier(id) now; take() gives its result, or reads again when a write of id was queued since. */
function prefetchSupplier(id) {
  const seq = writeSeq;
  const read = readSupplier(id);
  return { id, take: () => ((lastWriteSeq.get(id) ?? 0) > seq ? readSupplier(id) : read) };
}
// The supplier id last seen on each page address: its stored entry is read
// while the core runs (a re-check or a reload of the page knows it already).
const idByUrl = new Map();
const ID_BY_URL_MAX = 64;
function noteSupplierOf(url, id) {
  idByUrl.delete(url);
  idByUrl.set(url, id);
  if (idByUrl.size > ID_BY_URL_MAX) idByUrl.delete(idByUrl.keys().next().value);
}

function checklistOf(stored) {
  const items = isPlain(stored) && isPlain(stored.items) ? stored.items : {};
  return Object.fromEntries(CHECKLIST_ITEMS.filter((k) => items[k] === true).map((k) => [k, true]));
}

// ---- message schema -------------------------------------------------------


/** A clean copy of a snapshot, or a string saying what is wrong with it. */
function checkSnapshot(s) {
  if (!isPlain(s)) return 'snapshot must be an object';
  for (const k of Object.keys(s)) if (!['url', 'scripts', 'responses', 'dom', 'translated'].includes(k)) return `unexpected field ${k}`;
  if (s.translated !== undefined && typeof s.translated !== 'boolean') return 'translated must be a boolean';
  if (!isStr(s.url, LIMITS.urlChars)) return 'url must be a string of at most 4096 characters';
  const scripts = s.scripts ?? [];
  if (!Array.isArray(scripts) || scripts.length > LIMITS.scripts) return `scripts must be an array of at most ${LIMITS.scripts}`;
  if (!scripts.every((t) => isStr(t, LIMITS.scriptChars))) return 'each script must be a string of at most 4 MB';
  const responses = s.responses ?? [];
  if (!Array.isArray(responses) || responses.length > LIMITS.responses) return `responses must be an array of at most ${LIMITS.responses}`;
  const cleanResponses = [];
  for (const r of responses) {
    if (!isPlain(r) || !isStr(r.url, LIMITS.urlChars) || !isStr(r.body, LIMITS.responseChars)) return 'each response must be {url, body} strings within the caps';
    cleanResponses.push({ url: r.url, body: r.body });
  }
  const dom = s.dom ?? {};
  if (!isPlain(dom)) return 'dom must be an object';
  const names = Object.keys(dom);
  if (names.length > LIMITS.domFragments) return `dom must have at most ${LIMITS.domFragments} fragments`;
  const cleanDom = {};
  for (const n of names) {
    if (!/^[A-Za-z][\w-]{0,31}$/.test(n) || !isStr(dom[n], LIMITS.domChars)) return `bad dom fragment ${n.slice(0, 40)}`;
    cleanDom[n] = dom[n];
  }
  const clean = { url: s.url, scripts: [...scripts], responses: cleanResponses, dom: cleanDom };
  if (s.translated) clean.translated = true;
  return clean;
}

const { fromContentScript: fromOurContentScript, fromExtensionPage: fromOurExtensionPage } = globalThis.TrustLens.checks;

// ---- handlers ---------------------------------------------------------------

async function handleAnalyze(msg, sender) {
  if (!fromOurContentScript(sender)) return { ok: false, error: 'analyze is only accepted from the TrustLens content script on 1688' };
  const snap = checkSnapshot(msg.snapshot);
  const [flags, settings] = await Promise.all([readFlags(), readSettings()]);
  if (typeof snap === 'string') return { ok: false, error: `bad snapshot: ${snap}`, flags };
  // The buyer's planned order: what the panel sent for this page's supplier
  // (the content script has it from the supplier's stored entry), else the
  // buyer's default order size from the options (settings.defaultOrder), if any.
  if (msg.buyer !== undefined && !isPlain(msg.buyer)) return { ok: false, error: 'buyer must be an object', flags };
  const planned = msg.buyer !== undefined && Object.hasOwn(msg.buyer, 'plannedOrder') ? checkPlannedOrder(msg.buyer.plannedOrder)
    : settings.defaultOrder > 0 ? { amount: settings.defaultOrder, currency: settings.currency } : null;
  // The buyer's list for the member ids of a search or list page's cards (checked again here).
  const entries = msg.buyer !== undefined ? globalThis.TrustLens.listStore.cleanCoreEntries(msg.buyer.entries) : null;
  const buyer = {
    ...(planned ? { plannedOrder: planned } : {}),
    ...(entries ? { entries } : {}),
    ...(settings.minStoreYears > 0 ? { minStoreYears: settings.minStoreYears } : {}), // options: minimum store age
  };
  let input = Object.keys(buyer).length ? { ...snap, buyer } : snap;
  // The page's analysis session (internal/core/session.go): snap.responses are the ones after session.from.
  const session = msg.session === undefined ? null : checkSession(msg.session);
  if (typeof session === 'string') return { ok: false, error: `bad session: ${session}`, flags };
  if (session) input = { ...input, session };
  const tabId = sender.tab.id;
  let analyze;
  try {
    analyze = await getCore();
  } catch (e) {
    mirrorOnToolbar(tabId, null, true);
    sessionSet({ [tabKey(tabId)]: { url: snap.url, failed: String(e?.message ?? e), at: Date.now() } });
    return { ok: false, coreFailed: true, error: `TrustLens core failed to load: ${e?.message ?? e}`, flags };
  }
  const t0 = performance.now();
  analyzedOnce = true;
  // The supplier this address showed last time: its entry is read while the core runs.
  const guessed = idByUrl.get(snap.url);
  let prefetch = guessed ? prefetchSupplier(guessed) : null;
  let verdict;
  try {
    verdict = runCore(analyze, input);
  } catch (e) {
    core = null; // the instance may be dead (a Go program that exited throws on every call): reload next time
    mirrorOnToolbar(tabId, null, true);
    sessionSet({ [tabKey(tabId)]: { url: snap.url, failed: String(e?.message ?? e), at: Date.now() } });
    return { ok: false, coreFailed: true, error: `TrustLens core failed: ${e?.message ?? e}`, flags };
  }
  // The core does not hold this page's earlier responses: the page sends them all again.
  if (verdict.resend === true) return { ok: false, resend: true, error: String(verdict.error ?? ''), flags };
  // The core now holds the new responses: later runs of this analysis send none.
  if (session) input = { ...input, responses: [], session: { id: session.id, from: session.from + snap.responses.length } };
  // The buyer's own list entry for this page's supplier (issue 5): run again
  // with buyer.supplierEntry (a block makes the page high-risk).
  // The list entry, the team block and the supplier's stored entry are read in parallel.
  const firstUsable = verdict.readable !== false && !verdict.error;
  const firstId = firstUsable ? supplierId(verdict.supplier?.memberId, verdict.supplier?.company) : null;
  if (firstId && prefetch?.id !== firstId) prefetch = prefetchSupplier(firstId);
  const ownP = typeof verdict.supplier?.memberId === 'string' ? globalThis.TrustLens.listStore.entryFor(verdict.supplier.memberId) : null;
  const teamP = globalThis.TrustLensTeam ? globalThis.TrustLensTeam.blockFor(verdict) : null;
  teamP?.catch(() => {}); // awaited below
  const own = ownP ? await ownP : null;
  if (own) {
    input = { ...input, buyer: { ...input.buyer, supplierEntry: { ...globalThis.TrustLens.list.forCore(own.entry), memberId: own.key } } };
    try {
      verdict = runCore(analyze, input, true);
    } catch (e) {
      if (e === RESEND) return { ok: false, resend: true, error: 'analysis session lost', flags };
      core = null; // never fall back to the verdict without the buyer's block
      mirrorOnToolbar(tabId, null, true);
      return { ok: false, coreFailed: true, error: `TrustLens core failed: ${e?.message ?? e}`, flags };
    }
  }
  // Team sync (team-sync.js, opt-in): what the team cache holds for this
  // supplier and offer joins the input (read from storage; never waits on the network).
  // (After a list rerun, looked up again for the new verdict, as it always was.)
  const team = !teamP ? null : own ? await globalThis.TrustLensTeam.blockFor(verdict) : await teamP;
  if (team?.block) {
    input = { ...input, team: team.block };
    try {
      verdict = runCore(analyze, input, true);
    } catch (e) {
      if (e === RESEND) return { ok: false, resend: true, error: 'analysis session lost', flags };
      core = null; // never fall back to the verdict without the team's block
      mirrorOnToolbar(tabId, null, true);
      return { ok: false, coreFailed: true, error: `TrustLens core failed: ${e?.message ?? e}`, flags };
    }
  }
  // The supplier: what earlier pages revealed fills what this one lacks (a
  // second run with "remembered"); what this one revealed is remembered.
  let supplier = null;
  const usable = verdict.readable !== false && !verdict.error;
  const id = usable ? supplierId(verdict.supplier?.memberId, verdict.supplier?.company) : null;
  if (id) {
    const { entry, checklist, plannedOrder } = await (prefetch?.id === id ? prefetch.take() : readSupplier(id));
    noteSupplierOf(snap.url, id);
    supplier = { id, checklist, remembered: null, plannedOrder }; // plannedOrder: what the buyer typed for this supplier
    const rem = rememberedFor(entry, verdict, snap.url);
    if (rem) {
      try {
        const second = runCore(analyze, { ...input, remembered: rem.facts }, true);
        if (second.readable !== false && !second.error) {
          verdict = second;
          supplier.remembered = rem.used;
        }
      } catch (e) {
        if (e !== RESEND) core = null; // keep the first verdict; reload the core before the next call
      }
    }
  }
  if (usable) rememberFacts(verdict.facts);
  // Team sync: the panel's team section; the refresh runs afterwards (not awaited).
  if (team && supplier) supplier.team = team.view;
  // Team sync on search and list pages: each card's team entry and report count (cards.team; the level stays the core's).
  if (usable && Array.isArray(verdict.cards) && verdict.cards.length && globalThis.TrustLensTeam?.cardsFor) {
    const marks = await globalThis.TrustLensTeam.cardsFor(verdict).catch(() => null);
    if (marks && Object.keys(marks).length) {
      verdict = { ...verdict, cards: verdict.cards.map((c) => (isPlain(c) && typeof c.memberId === 'string' && Object.hasOwn(marks, c.memberId) ? { ...c, team: marks[c.memberId] } : c)) };
    }
  }
  // The tab's address as the browser knows it, the one the document was loaded from, and that load's id: team-sync.js
  // posts a price only for the offer the buyer navigated to.
  const load = { url: sender.url ?? sender.tab.url, loadUrl: typeof msg.loadUrl === 'string' ? msg.loadUrl.slice(0, 4096) : '', load: String(sender.documentId ?? msg.session?.id ?? '') };
  if (usable) globalThis.TrustLensTeam?.afterVerdict(verdict, tabId, load).catch(() => {});
  const analyzeMs = +(performance.now() - t0).toFixed(2);
  // While the page may still receive what its verdict waits for, the toolbar
  // stays neutral ("…"); the content script's "settle" shows the level.
  const held = msg.hold === true;
  if (held) mirrorChecking(tabId);
  else mirrorOnToolbar(tabId, verdict, false);
  sessionSet({ [tabKey(tabId)]: { url: snap.url, verdict, at: Date.now(), ...(held ? { held: true } : {}) } }); // not awaited: reply first
  return { ok: true, verdict, flags, analyzeMs, supplier };
}

const utf8 = new TextEncoder();

/** Thrown by runCore(…, true) when the core lost the page's session between two runs of one analysis. */
const RESEND = new Error('analysis session lost');

/** One call into the core: input object in, verdict object out (throws when the core fails). */
function runCore(analyze, input, throwOnResend = false) {
  // The input goes over as UTF-8 bytes: one copy into the wasm instead of three for a string (wasm/main.go).
  const verdict = JSON.parse(analyze(utf8.encode(JSON.stringify(input))));
  if (!isPlain(verdict)) throw new Error('verdict is not an object');
  if (throwOnResend && verdict.resend === true) throw RESEND;
  return verdict;
}

/** A clean copy of an analysis session block {id, from}, or a string saying what is wrong with it. */
function checkSession(s) {
  if (!isPlain(s)) return 'session must be an object';
  if (typeof s.id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(s.id)) return 'session id must be 1-64 letters, digits, _ or -';
  if (!Number.isSafeInteger(s.from) || s.from < 0 || s.from > 1e6) return 'session from must be a whole number';
  return { id: s.id, from: s.from };
}

// The buyer ticks an item of the checklist for a supplier (content script).
async function handleSetChecklist(msg, sender) {
  if (!fromOurContentScript(sender)) return { ok: false, error: 'setChecklist is only accepted from the TrustLens content script on 1688' };
  if (!isSupplierId(msg.supplier)) return { ok: false, error: 'supplier must be a supplier id' };
  if (!CHECKLIST_ITEMS.includes(msg.item)) return { ok: false, error: 'unknown checklist item' };
  if (typeof msg.done !== 'boolean') return { ok: false, error: 'done must be a boolean' };
  const key = `chk:${msg.supplier}`;
  const job = queueWrite(msg.supplier, async () => {
    const checklist = checklistOf((await chrome.storage.local.get(key))[key]);
    if (msg.done) checklist[msg.item] = true;
    else delete checklist[msg.item];
    await chrome.storage.local.set({ [key]: { items: checklist, updatedAt: Date.now() } });
    return checklist;
  });
  return { ok: true, checklist: await job };
}

// The buyer typed (or cleared) a planned order on a supplier's panel: it is
// kept for that supplier only (order:<id>), never for the next one.
async function handleSetPlannedOrder(msg, sender) {
  if (!fromOurContentScript(sender)) return { ok: false, error: 'setPlannedOrder is only accepted from the TrustLens content script on 1688' };
  if (!isSupplierId(msg.supplier)) return { ok: false, error: 'supplier must be a supplier id' };
  const key = `order:${msg.supplier}`;
  if (msg.order === null) {
    await queueWrite(msg.supplier, () => chrome.storage.local.remove(key));
    return { ok: true };
  }
  const order = checkPlannedOrder(msg.order);
  if (!order) return { ok: false, error: 'order must be {amount, currency}' };
  await queueWrite(msg.supplier, () => chrome.storage.local.set({ [key]: order }));
  return { ok: true };
}

async function handleGetTabVerdict(msg, sender) {
  if (!fromOurExtensionPage(sender)) return { ok: false, error: 'getTabVerdict is only accepted from TrustLens pages' };
  if (!Number.isInteger(msg.tabId) || msg.tabId < 0) return { ok: false, error: 'tabId must be a non-negative integer' };
  const entry = await sessionGet(tabKey(msg.tabId));
  const flags = await readFlags();
  return { ok: true, entry: entry ?? null, flags, coreStats: (await sessionGet('coreStats')) ?? null };
}

// The content script shows its verdict as final: the toolbar shows the level
// of the tab's last verdict (held until now). No payload: the page cannot
// choose what is shown, only when.
async function handleSettle(_msg, sender) {
  if (!fromOurContentScript(sender)) return { ok: false, error: 'settle is only accepted from the TrustLens content script on 1688' };
  const tabId = sender.tab.id;
  const entry = await sessionGet(tabKey(tabId));
  if (!entry) return { ok: true };
  if (entry.failed) mirrorOnToolbar(tabId, null, true);
  else if (entry.verdict) {
    mirrorOnToolbar(tabId, entry.verdict, false);
    if (entry.held) sessionSet({ [tabKey(tabId)]: { ...entry, held: false } });
  }
  return { ok: true };
}

// Sent by the content script at document_start: no payload, only starts the
// core (and the cached preferences) early. Replies once both are ready.
async function handleWarmup(_msg, sender) {
  if (!fromOurContentScript(sender)) return { ok: false, error: 'warmup is only accepted from the TrustLens content script on 1688' };
  await Promise.allSettled([getCore(), readFlags()]);
  return { ok: true };
}

const HANDLERS = { warmup: handleWarmup, analyze: handleAnalyze, settle: handleSettle, getTabVerdict: handleGetTabVerdict, setChecklist: handleSetChecklist, setPlannedOrder: handleSetPlannedOrder,
  ...globalThis.TrustLens.listStore.handlers }; // the buyer's supplier list (extension/list-store.js)

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!isPlain(msg) || typeof msg.type !== 'string' || !Object.hasOwn(HANDLERS, msg.type)) return false;
  HANDLERS[msg.type](msg, sender).then(sendResponse, (e) => sendResponse({ ok: false, error: String(e?.message ?? e) }));
  return true; // reply asynchronously
});
