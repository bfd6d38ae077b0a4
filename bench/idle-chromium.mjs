// A buyer reads an offer for 45 s, then opens the next one: does Chrome stop
// the extension's service worker meanwhile (it does after 30 s without
// events), and how long does the next offer wait for its badge?
// Playwright cannot measure this: it attaches to service workers, and Chrome
// never stops a worker that a debugger is attached to. So Chromium is
// started here with a plain DevTools port and only the page is attached
// (raw CDP over WebSocket); the workers are listed without attaching.
// readThenNext(dist, serverPort, devtoolsPort) ->
//   {workersAfterLoad, workersAfterReading, nextOfferPaintMs,
//    pssAfterLoadMB, pssAfterReadingMB}: the memory the extension's process
//   holds (what keeping the worker alive costs).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { CHROMIUM } from '../e2e/browser.mjs';

const WebSocket = createRequire(import.meta.url)('playwright-core/lib/utilsBundle').ws;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const READ_MS = 45_000;

/**
 * MB of proportional set size (PSS, Linux) of this Chromium's extension
 * processes (--extension-process: the one that runs our service worker), or
 * null where /proc cannot tell.
 */
function extensionPssMB(rootPid) {
  try {
    const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).split('\n')
      .map((l) => l.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/)).filter(Boolean).map(([, pid, ppid, args]) => ({ pid: +pid, ppid: +ppid, args }));
    const mine = new Set([rootPid]);
    for (let grew = true; grew;) {
      grew = false;
      for (const r of rows) if (!mine.has(r.pid) && mine.has(r.ppid)) { mine.add(r.pid); grew = true; }
    }
    let kb = 0;
    for (const r of rows) {
      if (!mine.has(r.pid) || !r.args.includes('--extension-process')) continue;
      kb += Number(readFileSync(`/proc/${r.pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+)/m)?.[1] ?? 0);
    }
    return +(kb / 1024).toFixed(1);
  } catch { return null; }
}

export async function readThenNext(dist, serverPort, devtoolsPort) {
  const profile = mkdtempSync(join(tmpdir(), 'trustlens-idle-'));
  const proc = spawn(CHROMIUM, ['--headless', `--remote-debugging-port=${devtoolsPort}`, `--user-data-dir=${profile}`,
    `--disable-extensions-except=${dist}`, `--load-extension=${dist}`, '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--host-resolver-rules=MAP *.1688.com 127.0.0.1:${serverPort}`, '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable', 'about:blank'],
  { stdio: 'ignore' });
  try {
    let version;
    for (let i = 0; i < 150 && !version; i++) {
      try { version = await (await fetch(`http://127.0.0.1:${devtoolsPort}/json/version`)).json(); } catch { await sleep(200); }
    }
    if (!version) throw new Error('Chromium did not open its DevTools port');
    const ws = new WebSocket(version.webSocketDebuggerUrl);
    await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
    let next = 0;
    const waiting = new Map();
    ws.on('message', (m) => {
      const d = JSON.parse(m);
      if (d.id && waiting.has(d.id)) { waiting.get(d.id)(d); waiting.delete(d.id); }
    });
    const send = (method, params = {}, sessionId) => new Promise((resolve) => {
      const id = ++next;
      waiting.set(id, resolve);
      ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
    const targets = async () => (await send('Target.getTargets')).result.targetInfos;
    const workers = async () => (await targets()).filter((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://')).length;
    const tab = (await targets()).find((t) => t.type === 'page');
    const { sessionId } = (await send('Target.attachToTarget', { targetId: tab.targetId, flatten: true })).result;
    const evaluate = async (expression) => (await send('Runtime.evaluate', { expression, returnByValue: true }, sessionId)).result?.result?.value;
    /** Loads url; DOMContentLoaded -> badge painted (the content script's data-tl-dcl-to-paint-ms). */
    const load = async (url) => {
      await send('Page.navigate', { url }, sessionId);
      for (let i = 0; i < 600; i++) {
        await sleep(50);
        const v = await evaluate(`(() => { const h = document.querySelector('[data-trustlens-host]'); return location.href === ${JSON.stringify(url)} && h ? h.getAttribute('data-tl-dcl-to-paint-ms') : null; })()`);
        if (v) return Number(v);
      }
      return null;
    };
    await load('http://detail.1688.com/offer/597090034012.html');
    await sleep(3000);
    const workersAfterLoad = await workers();
    const pssAfterLoadMB = extensionPssMB(proc.pid);
    await sleep(READ_MS);
    const workersAfterReading = await workers();
    const pssAfterReadingMB = extensionPssMB(proc.pid);
    const nextOfferPaintMs = await load('http://detail.1688.com/offer/833454967766.html');
    ws.close();
    return { workersAfterLoad, workersAfterReading, nextOfferPaintMs, pssAfterLoadMB, pssAfterReadingMB };
  } finally {
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill();
    await Promise.race([exited, sleep(5000)]); // the profile is written until Chromium has exited
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}
