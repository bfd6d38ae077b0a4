// TrustLens background: runs the Go core (core.wasm) and answers the content
// scripts. Chrome runs it as the MV3 service worker; Firefox as a background
// script after wasm_exec.js (manifest background.scripts). The wasm runs here
// and not in the page because a page CSP without 'wasm-unsafe-eval' would stop
// it in a content script; the extension CSP allows it here
// (/work/shared/docs/toolchain.md, "Where the wasm runs").
//
// Every message is untrusted: fixed types, schema and size checks, sender
// checks, and no way to make this worker fetch anything but its own core.wasm.
if (typeof Go === 'undefined' && typeof importScripts === 'function') importScripts('wasm_exec.js');

// Caps, matching internal/page/model.go (strings are checked in UTF-16 code
// units; the core re-checks bytes).
const LIMITS = {
  urlChars: 4096,
  scripts: 64,
  scriptChars: 4 << 20,
  responses: 200,
  responseChars: 2 << 20,
  domFragments: 64,
  domChars: 256 << 10,
};

const LEVELS = {
  'high-risk': { badge: 'RISK', color: '#b91c1c', msg: 'levelHighRisk' },
  caution: { badge: 'WARN', color: '#b45309', msg: 'levelCaution' },
  trusted: { badge: 'OK', color: '#15803d', msg: 'levelTrusted' },
  unknown: { badge: '?', color: '#6b7280', msg: 'levelUnknown' },
};

const DEFAULT_PREFS = { showChinese: true, panelOpenByDefault: false };

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
  try { analyze(WARMUP_SNAPSHOT); } catch { return; }
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

let flagsPromise = null;
function readFlags() {
  flagsPromise ??= chrome.storage.local.get(['prefs', 'panelOpenState', 'tlTestOpenShadow', 'plannedOrder']).then((s) => {
    const prefs = { ...DEFAULT_PREFS, ...(s.prefs && typeof s.prefs === 'object' ? s.prefs : {}) };
    return {
      // Test hook: tlTestOpenShadow=true makes the overlay's shadow roots "open" so
      // end-to-end tests can read them. Production default: closed.
      openShadow: s.tlTestOpenShadow === true,
      prefs: {
        showChinese: prefs.showChinese !== false,
        panelOpen: typeof s.panelOpenState === 'boolean' ? s.panelOpenState : prefs.panelOpenByDefault === true,
      },
      plannedOrder: checkPlannedOrder(s.plannedOrder),
    };
  }).catch(() => ({ openShadow: false, prefs: { showChinese: true, panelOpen: false }, plannedOrder: null }));
  return flagsPromise;
}
chrome.storage.onChanged.addListener((_changes, area) => { if (area === 'local') flagsPromise = null; });
readFlags();

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

function clearTab(tabId) {
  sessionRemove(tabKey(tabId));
  chrome.action.setBadgeText({ tabId, text: '' }).catch(() => {});
  chrome.action.setTitle({ tabId, title: chrome.i18n.getMessage('actionTitle') }).catch(() => {});
}
chrome.tabs.onRemoved.addListener((tabId) => clearTab(tabId));
// A navigation starts: the old verdict no longer describes the tab. (Without the
// "tabs" permission, info.url is only present on 1688 pages, so status is the cue.)
chrome.tabs.onUpdated.addListener((tabId, info) => { if (info.status === 'loading') clearTab(tabId); });

// ---- message schema -------------------------------------------------------


/** A clean copy of a snapshot, or a string saying what is wrong with it. */
function checkSnapshot(s) {
  if (!isPlain(s)) return 'snapshot must be an object';
  for (const k of Object.keys(s)) if (!['url', 'scripts', 'responses', 'dom'].includes(k)) return `unexpected field ${k}`;
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
  return { url: s.url, scripts: [...scripts], responses: cleanResponses, dom: cleanDom };
}

function fromOurContentScript(sender) {
  if (sender.id !== chrome.runtime.id || !sender.tab || typeof sender.tab.id !== 'number') return false;
  if (sender.frameId !== undefined && sender.frameId !== 0) return false;
  try {
    const host = new URL(sender.url ?? sender.tab.url ?? '').hostname;
    return host === '1688.com' || host.endsWith('.1688.com');
  } catch { return false; }
}

function fromOurExtensionPage(sender) {
  return sender.id === chrome.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(chrome.runtime.getURL(''));
}

// ---- handlers ---------------------------------------------------------------

async function handleAnalyze(msg, sender) {
  if (!fromOurContentScript(sender)) return { ok: false, error: 'analyze is only accepted from the TrustLens content script on 1688' };
  const snap = checkSnapshot(msg.snapshot);
  const flags = await readFlags();
  if (typeof snap === 'string') return { ok: false, error: `bad snapshot: ${snap}`, flags };
  // The buyer's planned order: what the panel sent (it may be newer than storage), else the saved one.
  if (msg.buyer !== undefined && !isPlain(msg.buyer)) return { ok: false, error: 'buyer must be an object', flags };
  const planned = msg.buyer !== undefined ? checkPlannedOrder(msg.buyer.plannedOrder) : flags.plannedOrder;
  const input = planned ? { ...snap, buyer: { plannedOrder: planned } } : snap;
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
  let verdict;
  try {
    verdict = JSON.parse(analyze(JSON.stringify(input)));
    if (!isPlain(verdict)) throw new Error('verdict is not an object');
  } catch (e) {
    core = null; // the instance may be dead (a Go program that exited throws on every call): reload next time
    mirrorOnToolbar(tabId, null, true);
    sessionSet({ [tabKey(tabId)]: { url: snap.url, failed: String(e?.message ?? e), at: Date.now() } });
    return { ok: false, coreFailed: true, error: `TrustLens core failed: ${e?.message ?? e}`, flags };
  }
  const analyzeMs = +(performance.now() - t0).toFixed(2);
  mirrorOnToolbar(tabId, verdict, false);
  sessionSet({ [tabKey(tabId)]: { url: snap.url, verdict, at: Date.now() } }); // not awaited: reply first
  return { ok: true, verdict, flags, analyzeMs };
}

async function handleGetTabVerdict(msg, sender) {
  if (!fromOurExtensionPage(sender)) return { ok: false, error: 'getTabVerdict is only accepted from TrustLens pages' };
  if (!Number.isInteger(msg.tabId) || msg.tabId < 0) return { ok: false, error: 'tabId must be a non-negative integer' };
  const entry = await sessionGet(tabKey(msg.tabId));
  const flags = await readFlags();
  return { ok: true, entry: entry ?? null, flags, coreStats: (await sessionGet('coreStats')) ?? null };
}

// Sent by the content script at document_start: no payload, only starts the
// core (and the cached preferences) early. Replies once both are ready.
async function handleWarmup(_msg, sender) {
  if (!fromOurContentScript(sender)) return { ok: false, error: 'warmup is only accepted from the TrustLens content script on 1688' };
  await Promise.allSettled([getCore(), readFlags()]);
  return { ok: true };
}

const HANDLERS = { warmup: handleWarmup, analyze: handleAnalyze, getTabVerdict: handleGetTabVerdict };

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!isPlain(msg) || typeof msg.type !== 'string' || !Object.hasOwn(HANDLERS, msg.type)) return false;
  HANDLERS[msg.type](msg, sender).then(sendResponse, (e) => sendResponse({ ok: false, error: String(e?.message ?? e) }));
  return true; // reply asynchronously
});
