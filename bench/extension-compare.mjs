// The built extension of today against a baseline build, side by side in
// one run, in Debian's Chromium (e2e/browser.mjs), on the e2e's offer pages
// made from real captures (real G2 597090034012 and 833454967766, real G3
// 943009939489, served by e2e/server.mjs under 1688 host names):
//   - a fresh browser's first page: DOMContentLoaded -> badge painted;
//   - a worker restart -> badge: the extension's service worker is stopped
//     the way Chrome stops it after 30 s idle (CDP ServiceWorker.stopAllWorkers),
//     then an offer page is loaded; DOMContentLoaded -> badge painted;
//   - warm DOMContentLoaded -> badge painted, median and p95 of N loads, with
//     the hops the content script records: DOMContentLoaded -> reply
//     (message + core + reply) and the core's own analysis time in the worker.
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
    return { paintMs: n('data-tl-dcl-to-paint-ms'), replyMs: n('data-tl-dcl-to-verdict-ms'), analyzeMs: n('data-tl-analyze-ms'), level: h.getAttribute('data-level') };
  });
}

async function measure(dist, server) {
  const browser = await launch(dist, server.port);
  try {
    const page = await browser.context.newPage();
    await page.goto(urlOf(OFFERS[0]));
    const fresh = await timings(page);

    // Stop the service worker as Chrome does after idle; the next page
    // wakes it (a new worker: core.wasm compiled and started again).
    const cdp = await browser.context.newCDPSession(page);
    const restarts = [];
    for (let i = 0; i < RESTARTS; i++) {
      await page.goto('about:blank');
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.send('ServiceWorker.disable');
      await new Promise((r) => setTimeout(r, 300));
      await page.goto(urlOf(OFFERS[i % OFFERS.length]));
      restarts.push(await timings(page));
    }

    const warm = [];
    for (let i = 0; i < N; i++) {
      await page.goto(urlOf(OFFERS[i % OFFERS.length]));
      warm.push(await timings(page));
    }
    return { fresh, restarts, warm };
  } finally {
    await browser.close();
  }
}

const server = await startServer();
const out = { old: {}, new: {} };
try {
  out.old = await measure(oldDist, server);
  out.new = await measure(newDist, server);
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
console.log(`(machine: load ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})`);
if (process.env.BENCH_JSON) fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify(out));
