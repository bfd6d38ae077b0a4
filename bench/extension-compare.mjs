// The built extension of today against a baseline build, side by side in
// one run, in Debian's Chromium (e2e/browser.mjs), on the e2e's offer pages
// made from real captures (real G2 597090034012 and 833454967766, real G3
// 943009939489, served by e2e/server.mjs under 1688 host names):
//   - a fresh browser's first page: DOMContentLoaded -> badge painted;
//   - a worker restart -> badge: the extension's service worker is stopped
//     the way Chrome stops it after 30 s idle (CDP ServiceWorker.stopAllWorkers),
//     then an offer visited before is loaded; DOMContentLoaded -> the fresh
//     verdict's badge painted, and -> the last visit's verdict shown
//     (labelled "from your visit at …", data-tl-dcl-to-remembered-ms);
//   - the next offer after reading one for 45 s (Chrome stops an idle worker
//     after 30 s): DOMContentLoaded -> badge painted, and whether the worker
//     was still running (bench/idle-chromium.mjs: without Playwright, which
//     keeps workers alive by attaching to them);
//   - warm DOMContentLoaded -> badge painted, median and p95 of N loads, with
//     the hops the content script records (data-tl-hops): message, storage
//     reads, core call, reply, render, paint.
// The two builds run side by side, their page loads alternating.
// The times are the content script's own (data-tl-dcl-to-verdict-ms,
// data-tl-dcl-to-paint-ms, data-tl-analyze-ms on the badge host).
//   - the search page annotation (bench/search-chromium.mjs, 60 cards, run
//     once per build with SEARCH_BENCH_N loads).
// Prints a table, ratios new/old on every row, targets as met / not met;
// writes the figures to $BENCH_JSON when set.
// Usage: node bench/extension-compare.mjs OLD_DIST NEW_DIST [N=40] [restarts=5]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, median } from '../e2e/browser.mjs';
import { startServer } from '../e2e/server.mjs';
import { READ_MS, readThenNext } from './idle-chromium.mjs';

const [oldDist, newDist] = process.argv.slice(2, 4);
const N = Number(process.argv[4] ?? 40);
const RESTARTS = Number(process.argv[5] ?? 5);
const OFFERS = ['597090034012', '833454967766', '943009939489'];
const urlOf = (id) => `http://detail.1688.com/offer/${id}.html`;

const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]; };

async function timings(page) {
  await page.waitForFunction(() => {
    const h = document.querySelector('[data-trustlens-host]');
    return h && h.getAttribute('data-state') !== 'loading' && h.hasAttribute('data-tl-dcl-to-paint-ms');
  }, null, { timeout: 30_000 });
  return page.evaluate(() => {
    const h = document.querySelector('[data-trustlens-host]');
    const n = (a) => (h.hasAttribute(a) ? Number(h.getAttribute(a)) : null);
    let hops = null;
    try { hops = JSON.parse(h.getAttribute('data-tl-hops')); } catch { /* a build without the hops */ }
    return { paintMs: n('data-tl-dcl-to-paint-ms'), replyMs: n('data-tl-dcl-to-verdict-ms'), analyzeMs: n('data-tl-analyze-ms'), rememberedMs: n('data-tl-dcl-to-remembered-ms'), level: h.getAttribute('data-level'), hops };
  });
}

/** Waits until the page's verdict is final (no longer "Checking…"; the baseline has no such state: its first verdict is final). */
async function settled(page) {
  await page.waitForFunction(() => {
    const h = document.querySelector('[data-trustlens-host]');
    return h && (h.hasAttribute('data-tl-dcl-to-final-ms') || h.getAttribute('data-state') === 'ready');
  }, null, { timeout: 30_000 });
}

// Both builds run at once, each in its own browser, their page loads
// alternating: on a shared machine the load changes by the minute, and
// alternating gives both sides the same.
async function open(dist, server) {
  const browser = await launch(dist, server.port);
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  return { browser, page, cdp, restarts: [], warm: [] };
}

/** Stops the extension's service worker as Chrome does after idle; the next page wakes it (core.wasm compiled and started again). */
async function stopWorker(side) {
  await side.page.goto('about:blank');
  await side.cdp.send('ServiceWorker.enable');
  await side.cdp.send('ServiceWorker.stopAllWorkers');
  await side.cdp.send('ServiceWorker.disable');
  await new Promise((r) => setTimeout(r, 300));
}

async function measure(dists, server) {
  const sides = [];
  try {
    for (const dist of dists) {
      const side = await open(dist, server);
      sides.push(side);
      await side.page.goto(urlOf(OFFERS[0]));
      side.fresh = await timings(side.page);
      await settled(side.page);
      // The other offers once, until their verdict is final, so that each
      // restart below revisits an offer (a build that remembers final
      // verdicts shows the last one at once).
      for (const id of OFFERS.slice(1)) {
        await side.page.goto(urlOf(id));
        await settled(side.page);
      }
    }
    for (let i = 0; i < RESTARTS; i++) {
      for (const side of sides) {
        await stopWorker(side);
        await side.page.goto(urlOf(OFFERS[i % OFFERS.length]));
        side.restarts.push(await timings(side.page));
      }
    }
    for (let i = 0; i < N; i++) {
      for (const side of sides) {
        await side.page.goto(urlOf(OFFERS[i % OFFERS.length]));
        side.warm.push(await timings(side.page));
      }
    }
    return sides.map(({ fresh, restarts, warm }) => ({ fresh, restarts, warm }));
  } finally {
    for (const side of sides) await side.browser.close();
  }
}

const server = await startServer();
const out = { old: {}, new: {} };
try {
  [out.old, out.new] = await measure([oldDist, newDist], server);
  // Reading one offer past Chrome's idle stop, then the next (bench/idle-chromium.mjs, both builds at once).
  const [o, n] = await Promise.all([readThenNext(oldDist, server.port, 9401), readThenNext(newDist, server.port, 9402)]);
  out.old.afterReading = o;
  out.new.afterReading = n;
} finally {
  await server.close();
}
const searchScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'search-chromium.mjs');
for (const [side, dist] of [['old', oldDist], ['new', newDist]]) {
  try {
    const json = execFileSync(process.execPath, [searchScript, String(process.env.SEARCH_BENCH_N ?? 5), '--json'],
      { env: { ...process.env, TRUSTLENS_DIST: dist }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    out[side].search = JSON.parse(json);
  } catch (e) {
    console.error(`search page run failed (${side}): ${e.message}`);
  }
}
const sum = (rs, k) => rs.map((r) => r[k]).filter((v) => v != null);
for (const side of Object.values(out)) {
  side.summary = {
    freshPaintMs: side.fresh.paintMs,
    restartPaintMedianMs: median(sum(side.restarts, 'paintMs')),
    restartRememberedMedianMs: sum(side.restarts, 'rememberedMs').length ? median(sum(side.restarts, 'rememberedMs')) : null,
    warmPaintMedianMs: median(sum(side.warm, 'paintMs')),
    warmPaintP95Ms: p95(sum(side.warm, 'paintMs')),
    warmReplyMedianMs: median(sum(side.warm, 'replyMs')),
    warmAnalyzeMedianMs: sum(side.warm, 'analyzeMs').length ? median(sum(side.warm, 'analyzeMs')) : null,
  };
}

const f = (v) => (v == null ? '–' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
const rows = [['measure (Chromium, extension)', 'old (0946fab)', 'new', 'new/old', 'target']];
const row = (what, key, target, pick = (s) => s.summary[key]) => {
  const o = pick(out.old);
  const n = pick(out.new);
  const ratio = o && n != null ? (n / o).toFixed(2) : '';
  rows.push([what, `${f(o)} ms`, `${f(n)} ms`, ratio, target ? `${target.text}: ${n != null && n <= target.max ? 'met' : 'NOT met'}` : '']);
};
row("fresh browser's first page: DCL -> badge", 'freshPaintMs', { text: '≤ 300 ms', max: 300 });
row(`worker restart -> badge: DCL -> badge, median of ${RESTARTS}`, 'restartPaintMedianMs', { text: '≤ 150 ms', max: 150 });
row(`worker restart -> last visit's verdict shown (labelled, checking), median of ${RESTARTS}`, 'restartRememberedMedianMs', { text: '≤ 16 ms', max: 16 });
row(`next offer after reading one for ${READ_MS / 1000} s: DCL -> badge`, null, { text: '≤ 150 ms', max: 150 }, (s) => s.afterReading?.nextOfferPaintMs);
rows.push([`  extension workers running after those ${READ_MS / 1000} s`, String(out.old.afterReading?.workersAfterReading ?? '–'), String(out.new.afterReading?.workersAfterReading ?? '–'), '', '']);
const mb = (v) => (v == null ? '–' : `${v} MB`);
rows.push(['  extension process memory (PSS) after the first offer', mb(out.old.afterReading?.pssAfterLoadMB), mb(out.new.afterReading?.pssAfterLoadMB), '', '']);
rows.push([`  extension process memory (PSS) after those ${READ_MS / 1000} s`, mb(out.old.afterReading?.pssAfterReadingMB), mb(out.new.afterReading?.pssAfterReadingMB), '', '']);
row(`warm DCL -> badge painted, median of ${N}`, 'warmPaintMedianMs', { text: '≤ 30 ms', max: 30 });
row(`warm DCL -> badge painted, p95 of ${N}`, 'warmPaintP95Ms', { text: '≤ 50 ms', max: 50 });
row('  warm DCL -> reply received (message + core + reply)', 'warmReplyMedianMs');
row('  warm: core analysis in the worker', 'warmAnalyzeMedianMs');
row('search, 60 cards: script, median', null, { text: '≤ 30 ms', max: 30 }, (s) => s.search?.scriptMsMedian);
row('search, 60 cards: longest task', null, null, (s) => s.search?.longestTaskMsMax);
rows.push(['search, 60 cards: tasks > 50 ms (all loads)', String(out.old.search?.tasksOver50 ?? '–'), String(out.new.search?.tasksOver50 ?? '–'), '',
  `0: ${out.new.search?.tasksOver50 === 0 ? 'met' : 'NOT met'}`]);
row('search, 60 cards: longest search.js piece between yields', null, null, (s) => s.search?.sliceMsMax);
rows.push(['search, 60 cards: the page alone (no extension), tasks > 50 ms', String(out.old.search?.pageAloneTasksOver50 ?? '–'),
  String(out.new.search?.pageAloneTasksOver50 ?? '–'), '', '']);
const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(w[i])).join('  ').trimEnd());

// Where the warm path's time goes: each hop of the first verdict as the
// content script records it (data-tl-hops: ms after DOMContentLoaded, the
// worker's times on the shared clock), medians of the per-load differences.
// A build without the hops (the baseline) prints –.
const HOPS = [['start', 'content script starts'], ['sent', 'analysis message sent'], ['received', 'worker receives it'],
  ['coreStart', 'core call starts (storage reads done)'], ['coreEnd', 'core call ends'], ['replied', 'worker replies'],
  ['reply', 'reply in the page'], ['rendered', 'badge rendered'], ['frame', 'next frame'], ['paint', 'painted']];
const hopMedian = (side, a, b) => {
  const v = side.warm.map((r) => r.hops).filter((h) => h && Number.isFinite(h[b]) && (a === null || Number.isFinite(h[a]))).map((h) => h[b] - (a === null ? 0 : h[a]));
  return v.length ? median(v) : null;
};
const hopRows = [[`warm hops, median of ${N} (ms)`, 'old', 'new']];
for (const [k, what] of HOPS) hopRows.push([`${what}: at DCL +`, f(hopMedian(out.old, null, k)), f(hopMedian(out.new, null, k))]);
for (let i = 1; i < HOPS.length; i++) hopRows.push([`  ${HOPS[i - 1][0]} -> ${HOPS[i][0]}`, f(hopMedian(out.old, HOPS[i - 1][0], HOPS[i][0])), f(hopMedian(out.new, HOPS[i - 1][0], HOPS[i][0]))]);
console.log();
const hw = hopRows[0].map((_, i) => Math.max(...hopRows.map((r) => r[i].length)));
for (const r of hopRows) console.log(r.map((c, i) => (i ? c.padStart(hw[i]) : c.padEnd(hw[i]))).join('  '));
console.log(`(machine: load ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})`);
if (process.env.BENCH_JSON) fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify(out));
