// TrustLens content script (isolated world): collects the page snapshot, asks
// the background for a verdict, renders it, and re-checks (debounced) when the
// page receives more data. Runs at document_start so it hears every capture
// and can time DOMContentLoaded; the page is only read after DOMContentLoaded.
// Everything it attaches hangs off one AbortController (teardown = abort()).
(() => {
  'use strict';
  const TL = globalThis.TrustLens;
  if (!TL || TL.contentStarted) return;
  const page = TL.detectPage(location.href);
  if (!page) return; // not a page we handle: nothing attached, nothing read
  TL.contentStarted = true;

  const TAG = 'trustlens-capture-v1'; // same tag as capture.js
  const DEBOUNCE_MS = 100;
  const FALLBACK_BADGE_MS = 1500; // show "Checking…" if the background is this slow

  const controller = new AbortController();
  const { signal } = controller;
  const teardown = () => controller.abort();

  // ---- captured responses (from capture.js in the MAIN world) -------------
  const responses = [];
  const seenSeq = new Set();
  window.addEventListener('message', (event) => {
    const d = event.data;
    if (event.source !== window || !d || typeof d !== 'object' || d.tag !== TAG || d.kind !== 'capture') return;
    if (typeof d.seq !== 'number' || seenSeq.has(d.seq)) return;
    if (typeof d.url !== 'string' || typeof d.body !== 'string') return;
    if (d.url.length > TL.limits.urlChars || d.body.length > TL.limits.responseChars) return;
    if (responses.length >= TL.limits.responses) return;
    seenSeq.add(d.seq);
    responses.push({ url: d.url, body: d.body });
    if (started) schedule(DEBOUNCE_MS);
  }, { signal });
  // Ask capture.js to replay what it heard before this listener existed.
  window.postMessage({ tag: TAG, kind: 'hello' }, '*');

  // Wake the background now, while the page is still parsing: a stopped
  // service worker then loads and compiles the core in parallel with the page
  // instead of after DOMContentLoaded.
  chrome.runtime.sendMessage({ type: 'warmup' }).catch(() => {});

  // ---- analysis loop ------------------------------------------------------
  let started = false;
  let tDcl = 0; // DOMContentLoaded on the performance.now() clock
  let overlay = null;
  let flags = { openShadow: false, prefs: { showChinese: true, panelOpen: false } };
  let inflight = false;
  let again = false;
  let timer = 0;
  let painted = false;
  let tReply = 0;
  // The buyer's planned order: undefined until the background has told us the
  // saved one; then {amount, currency} or null. Sent with each analysis once known.
  let planned;

  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(run, delay);
  }
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });

  async function run() {
    if (signal.aborted) return;
    if (inflight) { again = true; return; }
    inflight = true;
    again = false;
    const snapshot = TL.buildSnapshot(responses);
    let reply;
    try {
      const msg = { type: 'analyze', snapshot };
      if (planned !== undefined) msg.buyer = { plannedOrder: planned };
      reply = await chrome.runtime.sendMessage(msg);
    } catch (e) {
      if (!chrome.runtime?.id) { teardown(); return; } // extension reloaded: this script is orphaned
      reply = { ok: false, error: `background unreachable: ${e?.message ?? e}`, coreFailed: true };
    } finally {
      inflight = false;
    }
    if (signal.aborted) return;
    if (!painted) tReply = performance.now();
    render(reply ?? { ok: false, error: 'no reply from background', coreFailed: true }, snapshot.responses.length);
    if (again) schedule(0);
  }

  function stateFrom(reply) {
    if (reply.ok && reply.verdict && typeof reply.verdict === 'object') return { phase: 'ready', verdict: reply.verdict };
    if (reply.coreFailed) return { phase: 'error', error: String(reply.error ?? '') };
    // The background refused the snapshot: show it as unreadable, never as clean.
    return { phase: 'ready', verdict: { level: 'unknown', score: null, readable: false, error: String(reply.error ?? 'unknown error'), findings: [], notes: [] } };
  }

  function ensureOverlay() {
    if (overlay) return overlay;
    overlay = TL.createOverlay({
      page,
      openShadow: flags.openShadow,
      prefs: flags.prefs,
      signal,
      onOpenChange: (open) => chrome.storage.local.set({ panelOpenState: open }).catch(() => {}),
      plannedOrder: planned ?? null,
      onPlannedOrder: (value) => {
        planned = value;
        (value ? chrome.storage.local.set({ plannedOrder: value }) : chrome.storage.local.remove('plannedOrder')).catch(() => {});
        schedule(0);
      },
    });
    overlay.place();
    watchPlacement();
    return overlay;
  }

  function render(reply, captures) {
    if (reply.flags && typeof reply.flags === 'object') {
      flags = { openShadow: reply.flags.openShadow === true, prefs: { ...flags.prefs, ...reply.flags.prefs } };
      if (planned === undefined) planned = reply.flags.plannedOrder ?? null;
    }
    const o = ensureOverlay();
    o.update(stateFrom(reply));
    o.badgeHost.setAttribute('data-captures', String(captures));
    if (Number.isFinite(reply.analyzeMs)) o.badgeHost.setAttribute('data-tl-analyze-ms', reply.analyzeMs.toFixed(1));
    if (!painted) {
      painted = true;
      const host = o.badgeHost;
      host.setAttribute('data-tl-dcl-to-verdict-ms', (tReply - tDcl).toFixed(1));
      // Two frames after insertion: the first callback runs before the paint, the second after it.
      requestAnimationFrame(() => requestAnimationFrame(() => {
        host.setAttribute('data-tl-dcl-to-paint-ms', (performance.now() - tDcl).toFixed(1));
      }));
    }
  }

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

  chrome.storage.onChanged.addListener(function onChanged(changes, area) {
    if (signal.aborted) { chrome.storage.onChanged.removeListener(onChanged); return; }
    if (area === 'local' && changes.prefs && overlay) overlay.setPrefs(changes.prefs.newValue ?? {});
  });

  function start() {
    if (started || signal.aborted) return;
    started = true;
    run();
    setTimeout(() => { if (!overlay && !signal.aborted) ensureOverlay(); }, FALLBACK_BADGE_MS);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => { tDcl = performance.now(); start(); }, { once: true, signal });
  } else {
    // Injected after DOMContentLoaded: time from the navigation's own DOMContentLoaded.
    const nav = performance.getEntriesByType('navigation')[0];
    tDcl = nav?.domContentLoadedEventStart || performance.now();
    start();
  }
  window.addEventListener('pagehide', (e) => { if (!e.persisted) teardown(); }, { signal });
})();
