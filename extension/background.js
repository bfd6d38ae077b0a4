// TrustLens background: runs the Go core (core.wasm) and answers the content
// scripts. Chrome runs it as the MV3 service worker; Firefox as a background
// script after wasm_exec.js (manifest background.scripts). The wasm runs here
// and not in the page because a page CSP without 'wasm-unsafe-eval' would stop
// it in a content script; the extension CSP allows it here
// (docs/architecture.md, "Where the wasm runs").
//
// Every message is untrusted: fixed types, schema and size checks, sender
// checks, and no way to make this worker fetch anything but its own core.wasm.
import { checks } from './checks.js';
import { listStore } from './list-store.js';
import { loadSettings, onSettingsChange } from './settings.js';
import { siteAccess } from './site-access.js';
import * as supplierList from './supplier-list.js';
import * as team from './team-sync.js';
import { isPlain } from './values.js';
import * as vocab from './vocab.js';

// The Go runtime (wasm_exec.js, shipped by the Go that built core.wasm) stays a
// file of its own: Chrome's worker loads it here, Firefox lists it before this
// bundle in background.scripts.
if (typeof Go === 'undefined' && typeof importScripts === 'function') importScripts('wasm_exec.js');
siteAccess.watchToolbar();

// The core's caps (extension/vocab.js; strings are checked in UTF-16 code
// units, the core re-checks bytes).
const LIMITS = vocab.limits;

const LEVELS = {
  'high-risk': { badge: 'RISK', color: '#b91c1c', msg: 'levelHighRisk' },
  caution: { badge: 'WARN', color: '#b45309', msg: 'levelCaution' },
  trusted: { badge: 'OK', color: '#15803d', msg: 'levelTrusted' },
  unknown: { badge: '?', color: '#6b7280', msg: 'levelUnknown' },
};

const DEFAULT_PREFS = { panelOpenByDefault: false };

const isStr = (v, max) => typeof v === 'string' && v.length <= max;

// ---- the core ------------------------------------------------------------

let core = null; // Promise<(snapshotJSON) => verdictJSON>
let coreMemory = null; // the instance's WebAssembly.Memory
// A Go heap in wasm never gives memory back: once the instance holds more
// than this (sessions are bounded to 96 MiB; one huge page can still push
// it up), the next call gets a fresh instance and the old one is freed.
// Pages then send their responses again (the core asks them to resend).
const CORE_MEMORY_MAX = 256 << 20;

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
  coreMemory = result.instance.exports.mem ?? null;
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

// The core that has finished loading (core, once its promise resolved): a
// page's warmup asks whether analyses will be quick.
let readyCore = null;
const coreReady = () => core !== null && readyCore === core;

function getCore() {
  core ??= loadCore().then((analyze) => { readyCore = core; return analyze; }, (e) => {
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
  if (changes.visitIndex && changes.visitIndex.newValue === undefined) visitIndexPromise = null; // cleared elsewhere
});
readFlags();

// The buyer's settings (chrome.storage.sync, settings.js), cached until they change.
let settingsPromise = null;
function readSettings() {
  settingsPromise ??= loadSettings();
  return settingsPromise;
}
onSettingsChange(() => { settingsPromise = null; });
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
// What pages revealed about their supplier (store age, founding, licence,
// badges) is kept per supplier and per page it was read on, so that a page
// lacking it can be judged with it. What is kept, what is used and what a
// page may not claim for another supplier is the core's policy
// (internal/memory); this file only reads and writes storage:
//
//   sup:<id>    the supplier's entry as the core returned it (verdict.memory.entry, a few KB at most)
//   supIndex    {<id>: [usedAt, bytes]}: once the entries pass MEMORY_BUDGET bytes the least
//               recently used go first
//   chk:<id>    {items: {<checklist item>: true}, updatedAt}   the buyer's checklist (never evicted)
// chrome.storage.session:
//   supHints    {"o:<offerId>" | "h:<host>": <id>}   the supplier an offer or a store host showed
//               (pages and search cards), to know which entry to send with the next page
// (<id> is "m:<memberId>" or "c:<company>"; times are epoch ms.)

// storage.local holds 10 MiB; the supplier memory keeps to this share, so the buyer's list,
// checklists and the team queue can always be written.
const MEMORY_BUDGET = 2 << 20;
const HINTS_MAX = 4000;
const TOUCH_MS = 60 * 60 * 1000; // a supplier's use time is rewritten at most hourly
const CHECKLIST_ITEMS = ['samples', 'reports', 'video', 'contract', 'inspection', 'tracking', 'export'];
const MEMBER_ID = new RegExp(vocab.memberId);
const SUPPLIER_ID_MAX = 520;

const isSupplierId = (id) => typeof id === 'string' && id.length <= SUPPLIER_ID_MAX &&
  ((id.startsWith('m:') && MEMBER_ID.test(id.slice(2))) || (id.startsWith('c:') && id.length > 2));
const memberKey = (id) => supplierList.list.memberKey(id);
// Work after an analysis that its reply does not need (remembering, hints,
// team posts) waits for the next task, so the reply is sent first.
const nextTask = () => new Promise((r) => setTimeout(r, 0));

let memoryQueue = Promise.resolve(); // writes run one after another; reads wait for them
function queueWrite(job) {
  const run = memoryQueue.then(job);
  memoryQueue = run.catch(() => {});
  return run;
}
let indexPromise = null;
function readIndex() {
  indexPromise ??= chrome.storage.local.get('supIndex')
    .then((s) => (isPlain(s.supIndex) ? s.supIndex : {}))
    .catch(() => ({}));
  return indexPromise;
}
const useOf = (v) => (Array.isArray(v) && Number.isFinite(v[0]) ? v[0] : Number.isFinite(v) ? v : 0);
const bytesOf = (v) => (Array.isArray(v) && Number.isFinite(v[1]) ? v[1] : 1024);

/**
 * Stores verdict.memory: the entry the core returned for the page's
 * supplier. An entry the core built without the stored one (the page
 * showed another supplier than expected) is stored only where none is.
 * Then the least recently used entries go until all fit MEMORY_BUDGET.
 */
function storeMemory(mem) {
  if (!isPlain(mem) || !isSupplierId(mem.id) || !isPlain(mem.entry)) return Promise.resolve();
  return queueWrite(async () => {
    await nextTask(); // the page's reply goes first (readers of the entry still wait for this write)
    const key = `sup:${mem.id}`;
    if (mem.matched !== true && (await chrome.storage.local.get(key))[key] !== undefined) return;
    const bytes = utf8.encode(key + JSON.stringify(mem.entry)).length + 16; // + what storage adds per item
    const index = await readIndex();
    index[mem.id] = [Date.now(), bytes];
    const evict = [];
    let total = Object.values(index).reduce((n, v) => n + bytesOf(v), 0);
    if (total > MEMORY_BUDGET) {
      for (const id of Object.keys(index).sort((a, b) => useOf(index[a]) - useOf(index[b]))) {
        if (total <= MEMORY_BUDGET) break;
        if (id === mem.id) continue;
        total -= bytesOf(index[id]);
        delete index[id];
        evict.push(`sup:${id}`);
      }
    }
    if (evict.length) await chrome.storage.local.remove(evict);
    await chrome.storage.local.set({ [key]: mem.entry, supIndex: index });
  });
}

/** Marks a stored entry as used now (for eviction), at most hourly. */
function touchMemory(id) {
  return queueWrite(async () => {
    const index = await readIndex();
    if (!Object.hasOwn(index, id) || Date.now() - useOf(index[id]) < TOUCH_MS) return;
    index[id] = [Date.now(), bytesOf(index[id])];
    await chrome.storage.local.set({ supIndex: index });
  });
}

let hintsPromise = null;
function readHints() {
  hintsPromise ??= sessionGet('supHints').then((h) => (isPlain(h) ? h : {}));
  return hintsPromise;
}
/** Remembers which supplier the verdict's offer, store host and search cards showed. */
async function learnHints(verdict, url) {
  const hints = await readHints();
  const before = JSON.stringify(hints);
  const put = (k, id) => {
    if (!isSupplierId(id)) return;
    delete hints[k]; // re-inserted: the newest come last
    hints[k] = id;
  };
  const id = verdict.memory?.id;
  if (verdict.kind === 'offer' && typeof verdict.offer?.id === 'string') put(`o:${verdict.offer.id}`, id);
  if (verdict.kind === 'store') { try { put(`h:${new URL(url).hostname}`, id); } catch { /* no host */ } }
  for (const c of Array.isArray(verdict.cards) ? verdict.cards : []) {
    const m = isPlain(c) && typeof c.memberId === 'string' ? memberKey(c.memberId) : null;
    if (m && typeof c.offerId === 'string' && /^\d{1,24}$/.test(c.offerId)) put(`o:${c.offerId}`, `m:${m}`);
  }
  const keys = Object.keys(hints);
  for (const k of keys.slice(0, Math.max(0, keys.length - HINTS_MAX))) delete hints[k];
  if (JSON.stringify(hints) !== before) sessionSet({ supHints: hints });
}

/** The page address's offer id, or null. */
function offerIdOf(url) {
  try { return new URL(url).pathname.match(/^\/offer\/(\d{1,24})\.html$/)?.[1] ?? null; } catch { return null; }
}

// A member id as the page's model quotes it: the seller's own field, else
// the one memberId when the scripts quote exactly one.
const SELLER_IN_MODEL = /"sellerMemberId"\s*:\s*"((?:a-)?b2b-[0-9A-Za-z]{1,40})"/;
const MEMBER_IN_MODEL = /"memberId"\s*:\s*"((?:a-)?b2b-[0-9A-Za-z]{1,40})"/g;

/** The member id the page's scripts name for their seller, or null (a guess: the core checks it). */
function memberInScripts(scripts) {
  for (const t of scripts) {
    const m = SELLER_IN_MODEL.exec(t);
    if (m) return m[1];
  }
  const seen = new Set();
  for (const t of scripts) for (const m of t.matchAll(MEMBER_IN_MODEL)) if (seen.add(memberKey(m[1])).size > 1) return null;
  return seen.size === 1 ? [...seen][0] : null;
}

/**
 * The supplier the page is expected to show: the member id its address
 * names, else the one its offer or store host showed before, else the one
 * its model names. Only a guess of which stored entry to send: the core
 * uses the entry only if the page's supplier is that one.
 */
function expectedSupplier(snap, hints) {
  let u;
  try { u = new URL(snap.url); } catch { return null; }
  const named = u.searchParams.get('memberId') ?? u.pathname.match(/^\/winport\/([^/]+)\.html$/)?.[1];
  if (named && MEMBER_ID.test(named)) return `m:${memberKey(named)}`;
  const offer = offerIdOf(snap.url);
  const hint = (offer && hints[`o:${offer}`]) || hints[`h:${u.hostname}`];
  if (isSupplierId(hint)) return hint;
  const member = memberInScripts(snap.scripts);
  return member ? `m:${memberKey(member)}` : null;
}

/**
 * What is stored about the supplier id (after pending writes): its memory
 * entry, the buyer's checklist and list entry, and the team's data on it
 * and on the page's offer (a team block naming the member, for the core to
 * check).
 */
async function readSupplier(id, url) {
  if (!isSupplierId(id)) return { id: null, entry: null, checklist: {}, plannedOrder: null, own: null, team: null };
  await memoryQueue;
  const member = id.startsWith('m:') ? id.slice(2) : null;
  const offerId = offerIdOf(url);
  const keys = [`sup:${id}`, `chk:${id}`, `order:${id}`];
  const [s, own, t] = await Promise.all([
    chrome.storage.local.get(keys).catch(() => ({})),
    member ? listStore.entryFor(member) : null,
    member ? team.blockFor({ kind: offerId ? 'offer' : 'store', supplier: { memberId: member }, offer: { id: offerId } }).catch(() => null) : null,
  ]);
  return {
    id,
    entry: isPlain(s[keys[0]]) ? s[keys[0]] : null,
    checklist: checklistOf(s[keys[1]]),
    plannedOrder: checkPlannedOrder(s[keys[2]]), // what the buyer typed for this supplier
    own: own ? { ...supplierList.list.forCore(own.entry), memberId: own.key } : null,
    team: t?.block && Object.keys(t.block).length ? { ...t.block, memberId: member } : null,
    teamView: t?.view ?? null,
  };
}

// ---- the last verdict of each offer (chrome.storage.local) --------------------
//
//   visit:<offerId>  {level, score, years, at}: the last verdict this browser showed
//                    as final on the offer (never a provisional one)
//   visitIndex       {<offerId>: at}: past VISITS_MAX offers the oldest go first
//
// The content script reads its offer's record itself (storage needs no
// service worker) and shows it at once, labelled as from that visit and
// still checking, until the fresh verdict replaces it: a buyer whose worker
// was stopped while reading sees the answer they had, not a wait. About 100
// bytes an offer, so at most about 60 KB with the index; outside the supplier
// memory's budget. The page cannot read it (isolated world, closed shadow root).
const VISITS_MAX = 500;
let visitIndexPromise = null;

/** Records a final verdict of an offer page (after the reply: a queued write). */
function rememberVisit(verdict) {
  const id = verdict?.kind === 'offer' && typeof verdict.offer?.id === 'string' && /^\d{1,24}$/.test(verdict.offer.id) ? verdict.offer.id : null;
  if (!id || verdict.readable === false || verdict.error || !Object.hasOwn(LEVELS, verdict.level)) return;
  const years = verdict.supplier?.storeAgeYears;
  const at = Date.now();
  const record = { level: verdict.level, score: Number.isFinite(verdict.score) ? verdict.score : null, years: Number.isFinite(years) ? years : null, at };
  // The supplier's store age as this page showed it, for its other offers (visit:s:<supplier id>).
  const sup = isSupplierId(verdict.memory?.id) && record.years !== null ? `s:${verdict.memory.id}` : null;
  queueWrite(async () => {
    await nextTask();
    visitIndexPromise ??= chrome.storage.local.get('visitIndex').then((s) => (isPlain(s.visitIndex) ? s.visitIndex : {}));
    const index = await visitIndexPromise;
    const keys = sup ? [id, sup] : [id];
    for (const k of keys) {
      delete index[k]; // re-inserted: the newest come last
      index[k] = at;
    }
    const old = Object.keys(index).slice(0, Math.max(0, Object.keys(index).length - VISITS_MAX));
    for (const k of old) delete index[k];
    if (old.length) await chrome.storage.local.remove(old.map((k) => `visit:${k}`));
    await chrome.storage.local.set({ [`visit:${id}`]: record, ...(sup ? { [`visit:${sup}`]: { years: record.years, at } } : {}), visitIndex: index });
  }).catch(() => { visitIndexPromise = null; });
}

// ---- reads started early ---------------------------------------------------
//
// What an analysis reads about its supplier (readSupplier) is read as soon as
// the page's warmup message arrives: the content script sends it at
// document_start, typically 50-200 ms before the page's model is parsed and
// the analysis asked for, so the one core call does not wait for storage.
// A prefetch is used once, by the tab's next analysis of the same address
// expecting the same supplier, and only while nothing it read may have
// changed: no write queued here since, no storage change but other
// suppliers' memory.
const prefetched = new Map(); // tabId -> {url, id, queue, read: Promise}

/** Starts the reads for the tab's coming analysis; the supplier id expected from the address alone, or null. */
async function prefetch(tabId, url) {
  prefetched.delete(tabId);
  if (!isStr(url, LIMITS.urlChars)) return null;
  const id = expectedSupplier({ url, scripts: [] }, await readHints());
  if (!id) return null;
  const read = readSupplier(id, url);
  read.catch(() => {}); // a prefetch nobody takes must not log an unhandled rejection
  prefetched.set(tabId, { url, id, queue: memoryQueue, read });
  return id;
}

/**
 * What an earlier visit showed about the supplier an address names (the
 * member id in it, or the supplier our own verdicts saw its offer or store
 * host show; never what the page's own scripts claim): {years, at} or null.
 */
async function recallSupplier(id) {
  if (!id) return null;
  const r = (await chrome.storage.local.get(`visit:s:${id}`).catch(() => ({})))[`visit:s:${id}`];
  return isPlain(r) && Number.isFinite(r.years) && Number.isFinite(r.at) ? { years: r.years, at: r.at } : null;
}

/** The prefetched reads for this analysis, or null (then it reads them itself). */
function takePrefetch(tabId, url, id) {
  const p = prefetched.get(tabId);
  prefetched.delete(tabId);
  return p && p.url === url && p.id === id && p.queue === memoryQueue ? p.read : null;
}

chrome.storage.onChanged.addListener((changes, area) => {
  if (!prefetched.size || area !== 'local') return; // readSupplier reads chrome.storage.local only
  for (const [tabId, p] of prefetched) {
    const own = (k) => k === `sup:${p.id}` || k === `chk:${p.id}` || k === `order:${p.id}`;
    const unrelated = Object.keys(changes).every((k) => k === 'supIndex' || k === 'visitIndex' || (/^(sup|chk|order|visit):/.test(k) && !own(k)));
    if (!unrelated) prefetched.delete(tabId);
  }
});
chrome.tabs.onRemoved.addListener((tabId) => prefetched.delete(tabId));

function checklistOf(stored) {
  const items = isPlain(stored) && isPlain(stored.items) ? stored.items : {};
  return Object.fromEntries(CHECKLIST_ITEMS.filter((k) => items[k] === true).map((k) => [k, true]));
}

/** The panel's supplier block from verdict.memory: where recalled values came from, what was left out. */
function supplierView(mem, checklist) {
  const recalled = isPlain(mem.recalled) ? mem.recalled : {};
  const remembered = {};
  for (const [field, seen] of Object.entries(recalled)) {
    if (!isPlain(seen) || !Number.isFinite(seen.at)) continue;
    remembered[field] = { url: isStr(seen.url, LIMITS.urlChars) ? seen.url : '', at: seen.at, value: isStr(seen.value, LIMITS.urlChars) ? seen.value : '', proves: seen.proves === true };
  }
  const list = (v) => (Array.isArray(v) ? v.filter(isPlain).slice(0, 8) : []);
  return {
    id: mem.id,
    checklist,
    remembered: Object.keys(remembered).length ? remembered : null,
    notUsed: list(mem.notUsed),
    conflicts: list(mem.conflicts),
  };
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
  // The totals the content script keeps to (snapshot.js, content.js): they bound one message.
  if (scripts.reduce((n, t) => n + t.length, 0) > LIMITS.scriptsChars) return `scripts must total at most ${LIMITS.scriptsChars} characters`;
  const responses = s.responses ?? [];
  if (!Array.isArray(responses) || responses.length > LIMITS.responses) return `responses must be an array of at most ${LIMITS.responses}`;
  const cleanResponses = [];
  let bodyChars = 0;
  for (const r of responses) {
    if (!isPlain(r) || !isStr(r.url, LIMITS.urlChars) || !isStr(r.body, LIMITS.responseChars)) return 'each response must be {url, body} strings within the caps';
    bodyChars += r.body.length;
    if (bodyChars > LIMITS.responsesChars) return `response bodies must total at most ${LIMITS.responsesChars} characters`;
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

const { fromContentScript: fromOurContentScript, fromExtensionPage: fromOurExtensionPage } = checks;

// ---- handlers ---------------------------------------------------------------

async function handleAnalyze(msg, sender) {
  if (!fromOurContentScript(sender)) return { ok: false, error: 'analyze is only accepted from the TrustLens content script on 1688' };
  const hops = { received: epochNow() };
  const snap = checkSnapshot(msg.snapshot);
  const [flags, settings] = await Promise.all([readFlags(), readSettings()]);
  if (typeof snap === 'string') return { ok: false, error: `bad snapshot: ${snap}`, flags };
  if (msg.buyer !== undefined && !isPlain(msg.buyer)) return { ok: false, error: 'buyer must be an object', flags };
  // The page's analysis session (internal/core/session.go): snap.responses are the ones after session.from.
  const session = msg.session === undefined ? null : checkSession(msg.session);
  if (typeof session === 'string') return { ok: false, error: `bad session: ${session}`, flags };
  const tabId = sender.tab.id;

  // Everything the core may need, read before its one call (usually already
  // read since the page's warmup message, see prefetch): the supplier
  // this address is expected to show (its memory entry, the buyer's list
  // entry and checklist, the team's data), and the buyer's blocks (so a
  // block holds even when the page shows another supplier than expected).
  const expected = expectedSupplier(snap, await readHints());
  const [known, blocked] = await Promise.all([takePrefetch(tabId, snap.url, expected) ?? readSupplier(expected, snap.url), listStore.blockedEntries()]);
  // The buyer's planned order: what the panel sent for this page's supplier, else the one stored for
  // the expected supplier (typed on an earlier visit), else the default order size from the options.
  const planned = msg.buyer !== undefined && Object.hasOwn(msg.buyer, 'plannedOrder') ? checkPlannedOrder(msg.buyer.plannedOrder)
    : known.plannedOrder ?? (settings.defaultOrder > 0 ? { amount: settings.defaultOrder, currency: settings.currency } : null);
  // The buyer's list for the member ids of a search or list page's cards (checked again here), then the blocks.
  const cardEntries = msg.buyer !== undefined ? listStore.cleanCoreEntries(msg.buyer.entries) : null;
  const entries = Object.fromEntries(Object.entries({ ...cardEntries, ...blocked }).slice(0, supplierList.list.MAX_CORE_ENTRIES));
  const buyer = {
    ...(planned ? { plannedOrder: planned } : {}),
    ...(Object.keys(entries).length ? { entries } : {}),
    ...(known.own ? { supplierEntry: known.own } : {}),
    ...(settings.minStoreYears > 0 ? { minStoreYears: settings.minStoreYears } : {}), // options: minimum store age
  };
  const input = {
    ...snap,
    ...(Object.keys(buyer).length ? { buyer } : {}),
    ...(known.team ? { team: known.team } : {}),
    memory: { id: known.id ?? '', entry: known.entry, now: Date.now() },
    ...(session ? { session } : {}),
  };

  const t0 = performance.now();
  hops.coreStart = epochNow();
  const { verdict, calls, error } = await analyzeWithRetry(input);
  hops.coreEnd = epochNow();
  if (!verdict) {
    mirrorOnToolbar(tabId, null, true);
    sessionSet({ [tabKey(tabId)]: { url: snap.url, failed: error, at: Date.now(), coreCalls: calls } });
    return { ok: false, coreFailed: true, error: `TrustLens core failed: ${error}`, flags };
  }
  // The core does not hold this page's earlier responses: the page sends them all again.
  if (verdict.resend === true) return { ok: false, resend: true, error: String(verdict.error ?? ''), flags };

  const usable = verdict.readable !== false && !verdict.error;
  const mem = usable && isPlain(verdict.memory) && isSupplierId(verdict.memory.id) ? verdict.memory : null;
  let supplier = null;
  if (mem) {
    storeMemory(mem).catch(() => {});
    if (mem.id === known.id && known.entry) nextTask().then(() => touchMemory(mem.id)).catch(() => {});
    // The page showed another supplier than expected: its checklist and team view are read now (storage only).
    const other = mem.id !== known.id;
    const stored = other ? await chrome.storage.local.get([`chk:${mem.id}`, `order:${mem.id}`]).catch(() => ({})) : null;
    const checklist = other ? checklistOf(stored[`chk:${mem.id}`]) : known.checklist;
    supplier = supplierView(mem, checklist);
    supplier.plannedOrder = other ? checkPlannedOrder(stored[`order:${mem.id}`]) : known.plannedOrder;
    const teamView = other ? (await team.blockFor(verdict).catch(() => null))?.view : known.teamView;
    if (teamView) supplier.team = teamView;
  }
  let out = verdict;
  if (usable) {
    nextTask().then(() => learnHints(verdict, snap.url)).catch(() => {});
    // Team sync on search and list pages: each card's team entry and report count (cards.team; the level stays the core's).
    if (Array.isArray(verdict.cards) && verdict.cards.length) {
      const marks = await team.cardsFor(verdict).catch(() => null);
      if (marks && Object.keys(marks).length) {
        out = { ...verdict, cards: verdict.cards.map((c) => (isPlain(c) && typeof c.memberId === 'string' && Object.hasOwn(marks, c.memberId) ? { ...c, team: marks[c.memberId] } : c)) };
      }
    }
    // The tab's address as the browser knows it, the one the document was loaded from, and that load's id: team-sync.js
    // posts a price only for the offer the buyer navigated to.
    const load = { url: sender.url ?? sender.tab.url, loadUrl: typeof msg.loadUrl === 'string' ? msg.loadUrl.slice(0, 4096) : '', load: String(sender.documentId ?? msg.session?.id ?? '') };
    nextTask().then(() => team.afterVerdict(out, tabId, load)).catch(() => {});
  }
  const analyzeMs = +(performance.now() - t0).toFixed(2);
  // While the page may still receive what its verdict waits for, the toolbar
  // stays neutral ("…"); the content script's "settle" shows the level.
  const held = msg.hold === true;
  if (held) mirrorChecking(tabId);
  else {
    mirrorOnToolbar(tabId, out, false);
    if (usable) rememberVisit(out);
  }
  sessionSet({ [tabKey(tabId)]: { url: snap.url, verdict: out, at: Date.now(), coreCalls: calls, ...(held ? { held: true } : {}) } }); // not awaited: reply first
  hops.replied = epochNow();
  return { ok: true, verdict: out, flags, analyzeMs, supplier, hops };
}

const utf8 = new TextEncoder();
// Milliseconds on a clock the page shares (performance.timeOrigin differs
// between the worker and the page): the hops of an analysis in the reply.
const epochNow = () => performance.timeOrigin + performance.now();

// A core that fails (its instance died mid-analysis, or would not load) is
// replaced and the page tried again after these pauses; only then does the
// page hear "core failed". A fresh instance holds no sessions: the retry's
// verdict then asks the page to resend, as after a worker restart.
const CORE_RETRY_MS = [250, 1000];

/**
 * The one core call of an analysis, retried with a fresh core when it
 * throws: {verdict, calls} or {error, calls}.
 */
async function analyzeWithRetry(input) {
  const bytes = utf8.encode(JSON.stringify(input)); // UTF-8: one copy into the wasm instead of three for a string (wasm/main.go)
  let error = '';
  let calls = 0;
  for (let attempt = 0; attempt <= CORE_RETRY_MS.length; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, CORE_RETRY_MS[attempt - 1]));
    try {
      const analyze = await getCore();
      analyzedOnce = true;
      calls++;
      const verdict = JSON.parse(analyze(bytes));
      if (!isPlain(verdict)) throw new Error('verdict is not an object');
      if (coreMemory && coreMemory.buffer.byteLength > CORE_MEMORY_MAX) {
        sessionSet({ coreStats: { replacedAtBytes: coreMemory.buffer.byteLength, at: Date.now() } });
        core = null;
        coreMemory = null;
      }
      return { verdict, calls };
    } catch (e) {
      error = String(e?.message ?? e);
      core = null; // the instance may be dead (a Go program that exited throws on every call): a fresh one next
    }
  }
  return { error, calls };
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
  const job = queueWrite(async () => {
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
    await queueWrite(() => chrome.storage.local.remove(key));
    return { ok: true };
  }
  const order = checkPlannedOrder(msg.order);
  if (!order) return { ok: false, error: 'order must be {amount, currency}' };
  await queueWrite(() => chrome.storage.local.set({ [key]: order }));
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
    if (entry.held) rememberVisit(entry.verdict);
    if (entry.held) sessionSet({ [tabKey(tabId)]: { ...entry, held: false } });
  }
  return { ok: true };
}

// Sent by the content script at document_start: no payload, only starts the
// core early. Replies with the preferences at once (a "Checking…" badge shown
// before the first verdict uses them) and whether the core is loaded (if not,
// the page shows its remembered verdict meanwhile, or what an earlier visit
// showed about its supplier: recalled), without waiting for it.
async function handleWarmup(_msg, sender) {
  if (!fromOurContentScript(sender)) return { ok: false, error: 'warmup is only accepted from the TrustLens content script on 1688' };
  getCore().catch(() => {});
  const ready = coreReady();
  const expected = prefetch(sender.tab.id, sender.url).catch(() => null);
  // A cold core: what an earlier visit showed about this supplier, for the page to show meanwhile.
  const supplier = ready ? null : await recallSupplier(await expected);
  return { ok: true, flags: await readFlags(), coreReady: ready, ...(supplier ? { recalled: supplier } : {}) };
}

// Sent by a visible 1688 page every 20 s during its first 5 minutes: the
// message itself keeps this worker (and its loaded core) from being stopped
// as idle. No payload, nothing to do.
async function handleKeepAlive(_msg, sender) {
  if (!fromOurContentScript(sender)) return { ok: false, error: 'keepalive is only accepted from the TrustLens content script on 1688' };
  return { ok: true };
}

const HANDLERS = { warmup: handleWarmup, keepalive: handleKeepAlive, analyze: handleAnalyze, settle: handleSettle, getTabVerdict: handleGetTabVerdict, setChecklist: handleSetChecklist, setPlannedOrder: handleSetPlannedOrder,
  ...listStore.handlers }; // the buyer's supplier list (extension/list-store.js)


chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!isPlain(msg) || typeof msg.type !== 'string' || !Object.hasOwn(HANDLERS, msg.type)) return false;
  HANDLERS[msg.type](msg, sender).then(sendResponse, (e) => sendResponse({ ok: false, error: String(e?.message ?? e) }));
  return true; // reply asynchronously
});
