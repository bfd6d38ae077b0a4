// TrustLens content script (isolated world): collects the page snapshot, asks
// the background for a verdict, renders it, and re-checks (debounced) when the
// page receives more data or, on client-rendered store pages, when its visible
// text changes. Acts only on the pages detectPage accepts (selectors.js).
// Runs at document_start so it hears every capture and can time
// DOMContentLoaded; the page is only read after DOMContentLoaded.
// Everything it attaches hangs off one AbortController (teardown = abort()).
import { createOverlay } from './overlay.js';
import { initFeatures } from './features.js';
import { addReviewFragment, isRepeatedReviewResponse, isReviewURL } from './review-flags.js';
import { detectPage, modelMarkers } from './selectors.js';
import { loadSettings, onSettingsChange, showZh } from './settings.js';
import { buildSnapshot, limits, storeText } from './snapshot.js';
import { list } from './supplier-list.js';
import { changeReason } from './view.js';

(() => {
  'use strict';
  const tStart = performance.now(); // this script started (hops of the first verdict, data-tl-hops)
  const page = detectPage(location.href);
  if (!page) return; // not a page we handle: nothing attached, nothing read

  const TAG = 'trustlens-capture-v1'; // same tag as capture.js
  const DEBOUNCE_MS = 100;
  const FALLBACK_BADGE_MS = 1500; // show "Checking…" if the background is this slow
  // Provisional verdicts: while the store age (or a review page the page
  // asked for) may still arrive, the badge says "Checking…" and what it waits
  // for. It waits WAIT_MS after DOMContentLoaded for data the page has not
  // requested yet, and up to MAX_WAIT_MS for a request in flight; then the
  // verdict is shown once. Later level changes are shown as changes. Both
  // deadlines are guesses: no capture carries timings (docs/architecture.md,
  // "The two deadlines are not measured").
  const WAIT_MS = 2000;
  const MAX_WAIT_MS = 6000;
  // Store pages render client-side: their visible text is re-read after it
  // settles (TEXT_SETTLE_MS without mutations, TEXT_MAX_WAIT_MS at most while
  // the page keeps changing) and re-checked when it changed by at least
  // TEXT_CHANGE_MIN characters (or a tenth): at most TEXT_RERUNS_MAX re-checks
  // and TEXT_READS_MAX reads, then the watch switches itself off.
  const TEXT_SETTLE_MS = 300;
  const TEXT_MAX_WAIT_MS = 1000;
  const TEXT_CHANGE_MIN = 100;
  const TEXT_RERUNS_MAX = 8;
  const TEXT_READS_MAX = 40;

  // The address this document was loaded from: the navigation entry, which
  // the page's history.pushState/replaceState cannot change (location.href
  // can). The background posts an offer's price to the team only when this
  // names the same offer as the verdict (team-sync.js).
  const LOAD_URL = String(performance.getEntriesByType('navigation')[0]?.name ?? location.href);

  const controller = new AbortController();
  const { signal } = controller;
  const teardown = () => controller.abort();

  // ---- captured responses (from capture.js in the MAIN world) -------------
  const responses = [];
  let responseChars = 0; // all bodies together (limits.responsesChars)
  const seenSeq = new Set();
  window.addEventListener('message', (event) => {
    const d = event.data;
    if (event.source !== window || !d || typeof d !== 'object' || d.tag !== TAG) return;
    if (d.kind === 'request') { onRequest(d); return; }
    if (d.kind !== 'capture') return;
    if (typeof d.seq !== 'number' || seenSeq.has(d.seq)) return;
    if (typeof d.url !== 'string' || typeof d.body !== 'string') return;
    if (d.url.length > limits.urlChars || d.body.length > limits.responseChars) return;
    if (responses.length >= limits.responses || responseChars + d.body.length > limits.responsesChars) return;
    seenSeq.add(d.seq);
    if (isRepeatedReviewResponse(responses, d.url, d.body)) return; // a review page loaded again: already held
    responses.push({ url: d.url, body: d.body });
    responseChars += d.body.length;
    if (started) schedule(DEBOUNCE_MS);
  }, { signal });
  // ---- data requests in flight (capture.js announces start and end) -------
  // What each request may bring that a verdict can wait for: the store age
  // (store card, store header module) or a page of reviews. The core says
  // which of these its verdict lacks (verdict.pending); reviews always count.
  const inflightReq = new Map(); // req -> 'store-age' | 'reviews'
  const endedReq = new Set();
  function requestKind(url) {
    const l = url.toLowerCase();
    if (isReviewURL(l)) return 'reviews';
    if (l.includes('shopcard') || l.includes('moduleasyncservice')) return 'store-age';
    return null;
  }
  function onRequest(d) {
    if (typeof d.req !== 'number' || typeof d.url !== 'string' || typeof d.done !== 'boolean') return;
    if (d.done) {
      endedReq.add(d.req);
      if (inflightReq.delete(d.req)) settleSoon();
      return;
    }
    const kind = requestKind(d.url);
    if (kind && !endedReq.has(d.req) && inflightReq.size < 64) inflightReq.set(d.req, kind);
  }

  // Ask capture.js to replay what it heard before this listener existed.
  // From a microtask (still this task, right after this script): Chrome
  // records where a postMessage was called from, and called here the call
  // stack would hold this whole bundled script, which V8 then parses a second
  // time for its source positions (35 ms and more of one long task on a
  // search page under load, with the DevTools protocol attached).
  queueMicrotask(() => window.postMessage({ tag: TAG, kind: 'hello' }, '*'));

  // Wake the background now, while the page is still parsing: a stopped
  // service worker then loads and compiles the core in parallel with the page
  // instead of after DOMContentLoaded.
  // Its reply carries the preferences, for a badge shown before the first verdict.
  chrome.runtime.sendMessage({ type: 'warmup' }).then((r) => {
    coreWarm = r?.coreReady === true;
    // A cold core and no verdict of this offer to recall: what an earlier visit showed about its supplier.
    const sup = r?.recalled;
    if (!remembered && sup && typeof sup === 'object' && Number.isFinite(sup.years) && Number.isFinite(sup.at)) {
      remembered = { level: null, score: null, years: sup.years, at: sup.at };
      if (started) paintRemembered();
    }
    if (r?.flags && typeof r.flags === 'object' && !overlay) flags = { openShadow: r.flags.openShadow === true, prefs: { ...flags.prefs, ...r.flags.prefs } };
  }).catch(() => {});

  // Keep the worker and its loaded core alive while the buyer browses 1688:
  // Chrome stops an idle worker after 30 s, and the next page would wait for
  // a new one (0.4-1.1 s). A message every 20 s while this page is visible,
  // for its first 5 minutes only, so a tab left open does not hold the
  // worker's memory (about 60 MB) for ever (docs/architecture.md).
  const KEEPALIVE_EVERY_MS = 20_000;
  const KEEPALIVE_FOR_MS = 5 * 60_000;
  const keepAlive = setInterval(() => {
    if (performance.now() > KEEPALIVE_FOR_MS) { clearInterval(keepAlive); return; }
    if (document.visibilityState === 'visible') chrome.runtime.sendMessage({ type: 'keepalive' }).catch(() => {});
  }, KEEPALIVE_EVERY_MS);
  signal.addEventListener('abort', () => clearInterval(keepAlive), { once: true });

  // ---- the last verdict of an earlier visit (offer pages) ------------------
  // The background keeps the last final verdict of each offer (visit:<offerId>,
  // background.js). Read here directly (storage needs no service worker): when
  // the worker is asleep, the badge shows it at DOMContentLoaded, labelled
  // "from your visit at 14:02 · checking…" and without a level of its own,
  // until the fresh verdict replaces it. Not when the worker answered the
  // warmup with its core loaded: the fresh verdict is then a frame or two
  // away, and a remembered one would only flicker.
  let remembered = null; // {level, score, years, at}; level null: the supplier's facts only (another offer)
  let coreWarm = false; // the warmup reply said the core is loaded: the fresh verdict is moments away
  const visitOffer = page.search ? null : location.pathname.match(/^\/offer\/(\d{1,24})\.html$/)?.[1];
  const visitKey = visitOffer ? `visit:${visitOffer}` : null; // read with the display flags, below
  function recall(r) {
    if (!r || typeof r !== 'object' || typeof r.level !== 'string' || !Number.isFinite(r.at)) return;
    remembered = { level: r.level, score: Number.isFinite(r.score) ? r.score : null, years: Number.isFinite(r.years) ? r.years : null, at: r.at };
    if (started) paintRemembered();
  }
  /** Shows the remembered verdict while nothing else is shown yet. */
  function paintRemembered() {
    if (overlay || !remembered || coreWarm || signal.aborted) return;
    const o = ensureOverlay();
    o.update({ phase: 'checking', waitingFor: [], remembered });
    o.badgeHost.setAttribute('data-tl-dcl-to-remembered-ms', (performance.now() - tDcl).toFixed(1));
  }

  // ---- analysis loop ------------------------------------------------------
  let started = false;
  let tDcl = 0; // DOMContentLoaded on the performance.now() clock
  let overlay = null;
  let flags = { openShadow: false, prefs: { panelOpen: false } };
  let inflight = false;
  let again = false;
  let timer = 0;
  let painted = false;
  let tReply = 0;
  let runs = 0; // analyses sent (exposed for tests as data-analyses)
  let final = false; // a verdict has been shown as final (never "Checking…" again)
  let shown = null; // the last verdict shown as final
  let latest = null; // the last reply, while it is held as provisional
  let settleTimer = 0;
  let lastTextLength = -1; // store pages: length of the visible text last sent
  // The buyer's planned order for this page's supplier: undefined until the
  // buyer typed one here or the background named the one saved for this
  // supplier (supplier.plannedOrder); then {amount, currency} or null. Sent
  // with each analysis once known; without it the options' default order applies.
  let planned;
  let supplierId = null; // the page's supplier (background's id), for saving the order

  let queued = false; // a run is scheduled
  function schedule(delay) {
    clearTimeout(timer);
    queued = true;
    timer = setTimeout(run, delay);
  }
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });

  // The features that run on this page (features.js): result cards on search
  // and list pages, review flags on offer pages. New cards or review items re-run the check.
  const running = initFeatures({ page, responses, recheck: (ms) => { if (started) schedule(ms); } }, signal);
  const cards = running.get('search-cards') ?? null; // the "cards" fragment, the card badges
  // The buyer's settings (settings.js: language order, minimum store age, search options).
  const settingsReady = loadSettings();

  async function run() {
    queued = false;
    if (signal.aborted) return;
    if (inflight) { again = true; return; }
    inflight = true;
    again = false;
    const snapshot = snapshotOf();
    if (page.store) lastTextLength = snapshot.dom.body?.length ?? 0;
    let reply;
    try {
      reply = await ask(snapshot);
    } finally {
      inflight = false;
    }
    if (signal.aborted || reply === null) return;
    if (!painted) tReply = performance.now();
    render(reply ?? { ok: false, error: 'no reply from background', coreFailed: true }, snapshot.responses.length);
    if (again) schedule(0);
  }

  /** The snapshot of the page now (snapshot.js), with rendered reviews while no review list response was captured. */
  function snapshotOf() {
    const snapshot = buildSnapshot(responses, page);
    addReviewFragment(snapshot, responses, page);
    return snapshot;
  }

  // The analysis session (internal/core/session.go): the core keeps this
  // page's responses, so each analysis sends only the ones it has not had
  // (one new review page, not every page so far). "sent" counts what was
  // sent; the core answers "resend" when it does not hold them (the worker
  // restarted, two analyses crossed) and this page sends them all again.
  const session = { id: sessionId(), sent: 0 };
  function sessionId() {
    const b = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  }
  /** msg with the responses the core has not had, and the session block. */
  function sessionPart(msg, from) {
    const all = msg.snapshot.responses;
    session.sent = all.length;
    return { ...msg, snapshot: { ...msg.snapshot, responses: all.slice(from) }, session: { id: session.id, from } };
  }
  async function sendOnce(msg) {
    const sent = performance.now();
    let reply = await chrome.runtime.sendMessage({ ...sessionPart(msg, Math.min(session.sent, msg.snapshot.responses.length)), loadUrl: LOAD_URL });
    if (reply?.resend) reply = await chrome.runtime.sendMessage({ ...sessionPart(msg, 0), loadUrl: LOAD_URL }); // once: from 0 always restarts the session
    if (reply && typeof reply === 'object') reply.local = { sent, received: performance.now() };
    return reply;
  }
  // The background can stop mid-analysis (the browser ends an idle worker, or
  // it crashed): the message then fails or comes back empty. It is sent
  // again after these pauses (a restarted worker loads a fresh core). A
  // core that failed is retried by the background itself.
  const RETRY_MS = [300, 1000, 3000];
  async function send(msg) {
    for (let attempt = 0; ; attempt++) {
      let reply;
      try {
        reply = await sendOnce(msg);
        if (reply !== undefined) return reply;
      } catch (e) {
        if (!chrome.runtime?.id || attempt >= RETRY_MS.length) throw e;
      }
      if (attempt >= RETRY_MS.length) return reply;
      session.sent = 0; // a new worker holds no session: start it again
      await new Promise((r) => setTimeout(r, RETRY_MS[attempt]));
      if (signal.aborted) return null;
    }
  }

  /** Sends one analysis: the reply, or null when this script is orphaned (then torn down). */
  async function ask(snapshot) {
    runs++;
    try {
      const msg = { type: 'analyze', snapshot };
      if (planned !== undefined) msg.buyer = { plannedOrder: planned };
      // Until a verdict is final the toolbar stays neutral; "settle" shows it.
      if (!final && !page.search) msg.hold = true;
      if (cards) {
        await settingsReady;
        await cards.prepare(msg); // the "cards" fragment and buyer.entries (search.js)
        return await send(msg);
      }
      // Other pages: the settings only matter for rendering; they load while the background works.
      const replied = send(msg);
      await settingsReady;
      return await replied;
    } catch (e) {
      if (!chrome.runtime?.id) { teardown(); return null; } // extension reloaded: this script is orphaned
      return { ok: false, error: `background unreachable: ${e?.message ?? e}`, coreFailed: true };
    }
  }

  // ---- early analysis (offer pages) ----------------------------------------
  // The page's model is an inline <script> near the top: once the parser is
  // past it, the analysis starts while the rest of the page still parses, so
  // the verdict is often ready at DOMContentLoaded. Nothing is shown before
  // DOMContentLoaded; then the early reply is rendered and the page is checked
  // again only if its snapshot changed meanwhile (DOM fragments, captures).
  let early = null; // {snapshot, reply: Promise}
  const sameList = (a, b, same) => a.length === b.length && a.every((x, i) => same(x, b[i]));
  const sameSnapshot = (a, b) => a.url === b.url &&
    sameList(a.scripts, b.scripts, (x, y) => x === y) &&
    sameList(a.responses, b.responses, (x, y) => x.url === y.url && x.body === y.body) &&
    sameList(Object.keys(a.dom), Object.keys(b.dom), (k, l) => k === l && a.dom[k] === b.dom[l]);
  function watchModel() {
    if (page.store || page.search || cards || document.readyState !== 'loading') return;
    const pending = []; // inline scripts whose end tag the parser may not have reached yet
    const isModel = (el) => { const t = el.text; return t.length <= limits.scriptChars && modelMarkers.some((m) => t.includes(m)); };
    const stop = () => mo.disconnect();
    const mo = new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'SCRIPT' && !(/** @type {HTMLScriptElement} */ (n)).src) pending.push(n);
      // A node after the script means the parser is past its end tag: its text is complete.
      for (let i = 0; i < pending.length; i++) {
        const el = pending[i];
        if (!el.nextSibling) continue;
        pending.splice(i--, 1);
        if (!isModel(el)) continue;
        stop();
        const snapshot = snapshotOf();
        early = { snapshot, reply: ask(snapshot) };
        return;
      }
    });
    mo.observe(document, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', stop, { once: true, signal });
    signal.addEventListener('abort', stop, { once: true });
  }

  /** At DOMContentLoaded: renders the early reply when it comes; checks again if the page changed since. */
  async function finishEarly() {
    const e = early;
    early = null;
    inflight = true;
    const changed = !sameSnapshot(snapshotOf(), e.snapshot);
    let reply;
    try {
      reply = await e.reply;
    } finally {
      inflight = false;
    }
    if (signal.aborted || reply === null) return;
    if (!painted) tReply = performance.now();
    render(reply ?? { ok: false, error: 'no reply from background', coreFailed: true }, e.snapshot.responses.length);
    if (changed || again) schedule(DEBOUNCE_MS);
  }

  function stateFrom(reply) {
    if (reply.ok && reply.verdict && typeof reply.verdict === 'object') {
      const supplier = reply.supplier && typeof reply.supplier === 'object' ? reply.supplier : null;
      return { phase: 'ready', verdict: reply.verdict, supplier };
    }
    if (reply.coreFailed) return { phase: 'error', error: String(reply.error ?? '') };
    // The background refused the snapshot: show it as unreadable, never as clean.
    return { phase: 'ready', verdict: { level: 'unknown', score: null, readable: false, error: String(reply.error ?? 'unknown error'), findings: [], notes: [] } };
  }

  function ensureOverlay() {
    if (overlay) return overlay;
    overlay = createOverlay({
      page,
      openShadow: flags.openShadow,
      prefs: flags.prefs,
      signal,
      plannedOrder: planned ?? null,
      onPlannedOrder: (value) => {
        planned = value;
        if (supplierId) chrome.runtime.sendMessage({ type: 'setPlannedOrder', supplier: supplierId, order: value }).catch(() => {});
        schedule(0);
      },
      onChecklist: (supplier, item, done) => {
        chrome.runtime.sendMessage({ type: 'setChecklist', supplier, item, done }).catch(() => {});
      },
    });
    overlay.place();
    watchPlacement();
    return overlay;
  }

  function render(reply, captures) {
    if (reply.flags && typeof reply.flags === 'object') {
      flags = { openShadow: reply.flags.openShadow === true, prefs: { ...flags.prefs, ...reply.flags.prefs } };
    }
    // The order typed for this supplier before (another visit): check again with it.
    const sup = reply.ok && reply.supplier && typeof reply.supplier === 'object' ? reply.supplier : null;
    if (typeof sup?.id === 'string') supplierId = sup.id;
    if (planned === undefined && sup?.plannedOrder) {
      planned = sup.plannedOrder;
      overlay?.setPlanned(planned);
      schedule(0);
    }
    cards?.render(reply, { openShadow: flags.openShadow, runs, captures });
    if (page.search) return; // search pages: badges on the cards only, no page badge
    // A "Checking…" badge made before the preferences were known: made again with them (test hook).
    if (overlay && overlay.openShadow !== flags.openShadow) { overlay.destroy(); overlay = null; painted = false; }
    const o = ensureOverlay();
    o.update(displayState(reply, captures));
    running.get('review-flags')?.update(reply.ok ? reply.verdict : null, { showChinese: showZh(), openShadow: flags.openShadow });
    o.badgeHost.setAttribute('data-captures', String(captures));
    o.badgeHost.setAttribute('data-analyses', String(runs));
    if (Number.isFinite(reply.analyzeMs)) o.badgeHost.setAttribute('data-tl-analyze-ms', reply.analyzeMs.toFixed(1));
    if (final && !o.badgeHost.hasAttribute('data-tl-dcl-to-final-ms')) {
      // When the verdict itself (not "Checking…") was shown: what the buyer waits for.
      o.badgeHost.setAttribute('data-tl-dcl-to-final-ms', (performance.now() - tDcl).toFixed(1));
    }
    if (!painted) {
      painted = true;
      const host = o.badgeHost;
      host.setAttribute('data-tl-dcl-to-verdict-ms', (tReply - tDcl).toFixed(1));
      const hops = hopsOf(reply);
      // Two frames after insertion: the first callback runs before the paint, the second after it.
      requestAnimationFrame(() => {
        hops.frame = performance.now() - tDcl;
        requestAnimationFrame(() => {
          hops.paint = performance.now() - tDcl;
          host.setAttribute('data-tl-dcl-to-paint-ms', hops.paint.toFixed(1));
          host.setAttribute('data-tl-hops', JSON.stringify(hops, (k, v) => (typeof v === 'number' ? +v.toFixed(1) : v)));
        });
      });
    }
  }

  /**
   * When each step of the first verdict happened, in ms after DOMContentLoaded
   * (negative: before it): this script's start, the message sent, the
   * background's receipt, its core call, its reply, the reply here, the
   * render (then the first frame and the paint). The benchmark prints them.
   */
  function hopsOf(reply) {
    const fromWorker = (t) => (Number.isFinite(t) ? t - performance.timeOrigin - tDcl : null); // epoch ms -> this clock
    const bg = reply.hops && typeof reply.hops === 'object' ? reply.hops : {};
    return {
      dcl: tDcl, // after navigation start
      start: tStart - tDcl,
      sent: reply.local ? reply.local.sent - tDcl : null,
      received: fromWorker(bg.received),
      coreStart: fromWorker(bg.coreStart),
      coreEnd: fromWorker(bg.coreEnd),
      replied: fromWorker(bg.replied),
      reply: reply.local ? reply.local.received - tDcl : null,
      rendered: performance.now() - tDcl,
    };
  }

  // ---- provisional verdicts -----------------------------------------------

  /**
   * What a verdict still waits for ([] once it can be shown): responses
   * already received but not yet analysed (their analysis is on its way),
   * store-card and review requests in flight (they can change the level even
   * when the store age is known, e.g. from an earlier visit), and for a short
   * while the inputs the core says it lacks (verdict.pending) that the page
   * has not asked for yet.
   */
  function waitingFor(verdict, captures) {
    if (final || !verdict) return [];
    const pending = Array.isArray(verdict.pending) ? verdict.pending : [];
    const out = new Set();
    for (const r of responses.slice(captures)) {
      const kind = requestKind(r.url);
      if (kind) out.add(kind);
    }
    const since = performance.now() - tDcl;
    if (since < MAX_WAIT_MS) {
      for (const kind of inflightReq.values()) out.add(kind);
      if (pending.includes('store-age') && since < WAIT_MS) out.add('store-age');
      // A store page still rendering its text: wait for the deadline, and
      // while its text has changed since the snapshot (checked again at once).
      if (pending.includes('page') && page.store) {
        if (storeText().length !== lastTextLength) { out.add('page'); schedule(0); } else if (since < WAIT_MS) out.add('page');
      }
    }
    return [...out];
  }

  let change = null; // {from, to, reason}: the last change of level after the verdict was final

  /** The overlay state for a reply: "checking" while the verdict may still change, else the verdict (with its last change). */
  function displayState(reply, captures) {
    const state = stateFrom(reply);
    if (state.phase === 'ready' && !final) {
      const waits = waitingFor(state.verdict, captures);
      if (waits.length) {
        latest = { reply, captures };
        armSettle(waits);
        return { phase: 'checking', waitingFor: waits, remembered };
      }
    }
    latest = null;
    clearTimeout(settleTimer);
    if (!final) {
      final = true;
      chrome.runtime.sendMessage({ type: 'settle' }).catch(() => {}); // the toolbar shows the level now
    }
    if (state.phase !== 'ready') return state;
    const v = state.verdict;
    if (shown && shown.level !== v.level) change = { from: shown.level, to: v.level, reason: changeReason(shown, v) };
    shown = v;
    return change && change.to === v.level ? { ...state, change } : state;
  }

  /** Re-judges the held reply at the next deadline (a new analysis re-judges sooner). */
  function armSettle(waits) {
    clearTimeout(settleTimer);
    const since = performance.now() - tDcl;
    const inFlight = [...inflightReq.values()].some((k) => waits.includes(k));
    const at = inFlight ? MAX_WAIT_MS : Math.min(WAIT_MS, MAX_WAIT_MS);
    settleTimer = setTimeout(reconsider, Math.max(0, at - since) + 5);
  }
  /** A request ended: its data (if any) arrives as a capture and re-runs the analysis; else the held reply is re-judged. */
  function settleSoon() {
    if (final || !latest) return;
    clearTimeout(settleTimer);
    settleTimer = setTimeout(reconsider, DEBOUNCE_MS + 50);
  }
  function reconsider() {
    if (signal.aborted || final || !latest || inflight || queued) return; // a run in progress renders anyway
    render(latest.reply, latest.captures);
  }
  signal.addEventListener('abort', () => clearTimeout(settleTimer), { once: true });

  // Keep the badge next to its anchor: 1688 renders parts of the page late and
  // may re-render the title. One check per animation frame at most.
  function watchPlacement() {
    let queued = false;
    const check = () => {
      queued = false;
      if (!signal.aborted && (!overlay.anchored || !overlay.connected)) overlay.place();
    };
    const mo = new MutationObserver(() => {
      if (!queued) { queued = true; requestAnimationFrame(check); }
    });
    mo.observe(document.documentElement, { childList: true, subtree: true });
    signal.addEventListener('abort', () => mo.disconnect(), { once: true });
  }

  // Store pages: re-check when the client-rendered text changes substantially.
  // Our own hosts' insertion is ignored (their shadow content is not page text).
  // Driven by mutations only: a page that does not change costs nothing.
  function watchText() {
    let timer2 = 0;
    let firstPending = 0; // when the oldest unchecked mutation happened
    let reruns = 0;
    let reads = 0;
    const ours = (n) => n instanceof Element && (n.hasAttribute('data-trustlens-host') || n.hasAttribute('data-trustlens-panel') || n.hasAttribute('data-trustlens-ui'));
    const onlyOurs = (r) => r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every(ours);
    const stop = () => { mo.disconnect(); clearTimeout(timer2); };
    const check = () => {
      timer2 = 0;
      if (signal.aborted) return;
      if (++reads >= TEXT_READS_MAX) stop(); // a page that never settles: stop watching
      const len = storeText().length;
      if (Math.abs(len - lastTextLength) < Math.max(TEXT_CHANGE_MIN, lastTextLength / 10)) return;
      if (++reruns >= TEXT_RERUNS_MAX) stop();
      schedule(0);
    };
    const mo = new MutationObserver((records) => {
      if (records.every(onlyOurs)) return;
      const now = performance.now();
      if (!timer2) firstPending = now;
      clearTimeout(timer2);
      timer2 = setTimeout(check, Math.max(0, Math.min(TEXT_SETTLE_MS, firstPending + TEXT_MAX_WAIT_MS - now)));
    });
    mo.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', stop, { once: true });
  }

  chrome.storage.onChanged.addListener(function onChanged(changes, area) {
    if (signal.aborted) { chrome.storage.onChanged.removeListener(onChanged); return; }

    // The buyer's supplier list changed (panel, options, another tab): check again with it.
    if (area === 'local' && changes[list.KEY] && started) schedule(0);
  });
  // Settings (chrome.storage.sync): language order, minimum store age, search options.
  onSettingsChange(() => {
    if (signal.aborted) return;
    overlay?.refresh(); // the language may have changed
    cards?.refresh();
    if (started) schedule(0); // the minimum store age is judged by the core
  });
  // Team sync (team-sync.js): the background got new team data for this page's supplier or offer.
  chrome.runtime.onMessage.addListener(function onTeam(m, sender) {
    if (signal.aborted) { chrome.runtime.onMessage.removeListener(onTeam); return; }
    if (sender.id === chrome.runtime.id && !sender.tab && m?.type === 'teamUpdated' && started) schedule(0);
  });

  // The display flags before the first reply: a slow first analysis shows
  // the "Checking…" fallback badge with the buyer's panel option (and the
  // tests' open shadow roots) rather than the defaults.
  // With them, this offer's remembered verdict (see recall).
  chrome.storage.local.get(['prefs', 'tlTestOpenShadow', ...(visitKey ? [visitKey] : [])]).then((/** @type {{[key: string]: any}} */ s) => {
    if (overlay) return; // the first reply came first: its flags are in use, nothing to recall
    flags = { openShadow: s.tlTestOpenShadow === true, prefs: { panelOpen: s.prefs?.panelOpenByDefault === true } };
    if (visitKey) recall(s[visitKey]);
  }, () => {});

  function start() {
    if (started || signal.aborted) return;
    started = true;
    if (early) finishEarly();
    else run();
    paintRemembered();
    if (page.store) watchText();
    for (const f of running.values()) f.start?.();
    if (!page.search) setTimeout(() => { if (!overlay && !signal.aborted) ensureOverlay(); }, FALLBACK_BADGE_MS);
  }

  if (document.readyState === 'loading') {
    watchModel();
    document.addEventListener('DOMContentLoaded', () => { tDcl = performance.now(); start(); }, { once: true, signal });
  } else {
    // Injected after DOMContentLoaded: time from the navigation's own DOMContentLoaded.
    const nav = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0]);
    tDcl = nav?.domContentLoadedEventStart || performance.now();
    start();
  }
  window.addEventListener('pagehide', (e) => { if (!e.persisted) teardown(); }, { signal });
})();
