// Launches Debian's Chromium with the unpacked extension, all *.1688.com hosts
// (and itemcdn.tmall.com, where descriptions live) mapped to the local fixture server (--host-resolver-rules).
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '..');
/** The built extension: $TRUSTLENS_DIST, else dist/chrome from `bash scripts/build.sh`. */
export const DIST = resolve(process.env.TRUSTLENS_DIST ?? join(ROOT, 'dist', 'chrome'));
/** Firefox's build, beside it: $TRUSTLENS_DIST_FIREFOX, else the firefox directory next to DIST. */
export const DIST_FIREFOX = resolve(process.env.TRUSTLENS_DIST_FIREFOX ?? join(DIST, '..', 'firefox'));
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'e2e-artifacts');

export function assertBuilt(dist = DIST) {
  for (const f of ['manifest.json', 'core.wasm', 'wasm_exec.js', 'background.js']) {
    if (!existsSync(join(dist, f))) {
      throw new Error(`${join(dist, f)} is missing: build the extension first (bash scripts/build.sh) or set TRUSTLENS_DIST`);
    }
  }
}

/** opts.args: extra Chromium flags (e.g. --unsafely-treat-insecure-origin-as-secure for the clipboard test). */
export async function launch(dist, port, opts = {}) {
  assertBuilt(dist);
  const profile = mkdtempSync(join(tmpdir(), 'trustlens-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 720 },
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--host-resolver-rules=MAP *.1688.com 127.0.0.1:${port},MAP itemcdn.tmall.com 127.0.0.1:${port}`, // itemcdn: offer descriptions
      '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
      ...(opts.args ?? []),
    ],
  });
  const worker = async () => {
    const live = context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://'));
    return live.at(-1) ?? context.waitForEvent('serviceworker', { timeout: 10_000 });
  };
  const sw = await worker();
  const extensionId = new URL(sw.url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Init script: records every distinct state of the page badge from its
 * insertion: "state level text", with the level a change came from and the
 * remembered level of an earlier visit shown while checking.
 */
export function recordBadgeInPage() {
  if (window !== window.top) return;
  const seq = [];
  window.__tlBadgeSeq = seq;
  const opts = { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-level', 'data-score', 'data-changed-from', 'data-remembered'] };
  const watched = new WeakSet();
  const mo = new MutationObserver(() => read());
  const read = () => {
    const h = document.querySelector('[data-trustlens-host]');
    const b = h?.shadowRoot?.querySelector('.badge'); // the state lives inside the (test-opened) root
    if (!b) return;
    if (!watched.has(h.shadowRoot)) { watched.add(h.shadowRoot); mo.observe(h.shadowRoot, opts); }
    const text = b.querySelector('.text')?.textContent ?? '';
    const from = b.getAttribute('data-changed-from');
    const entry = { state: b.getAttribute('data-state'), level: b.getAttribute('data-level'), text, changedFrom: from, remembered: b.getAttribute('data-remembered'), label: b.getAttribute('aria-label'), t: Math.round(performance.now()) };
    const last = seq.at(-1);
    if (!last || ['state', 'level', 'text', 'changedFrom', 'remembered'].some((k) => last[k] !== entry[k])) seq.push(entry);
  };
  mo.observe(document, opts);
}

/** Everything the tests read back from the overlay (shadow roots opened by the test hook). */
export function readOverlayInPage() {
  const host = document.querySelector('[data-trustlens-host]');
  if (!host) return null;
  const panelHost = document.querySelector('[data-trustlens-panel]');
  const b = host.shadowRoot;
  const p = panelHost?.shadowRoot;
  const panel = p?.querySelector('.panel');
  const prev = host.previousElementSibling;
  return {
    hosts: document.querySelectorAll('[data-trustlens-host]').length,
    closed: b == null,
    // Kept inside the (test-opened) shadow root: the page cannot read them.
    state: b?.querySelector('.badge')?.getAttribute('data-state') ?? null,
    level: b?.querySelector('.badge')?.getAttribute('data-level') ?? null,
    score: b?.querySelector('.badge')?.getAttribute('data-score') ?? null,
    captures: host.getAttribute('data-captures'),
    paintMs: host.hasAttribute('data-tl-dcl-to-paint-ms') ? Number(host.getAttribute('data-tl-dcl-to-paint-ms')) : null,
    finalMs: host.hasAttribute('data-tl-dcl-to-final-ms') ? Number(host.getAttribute('data-tl-dcl-to-final-ms')) : null,
    badgeText: b?.querySelector('.badge .text')?.textContent ?? null,
    badgeGlyph: b?.querySelector('.badge .glyph')?.textContent ?? null,
    expanded: b?.querySelector('.badge')?.getAttribute('aria-expanded') ?? null,
    anchoredAfter: host.parentElement === document.documentElement ? null : prev && (prev.id || prev.className || prev.tagName),
    hostPosition: getComputedStyle(host).position,
    panelHidden: panel ? panel.hidden : null,
    panelText: panel?.textContent ?? null,
    company: panel?.querySelector('.company')?.textContent ?? null,
    offerTitle: panel?.querySelector('.otitle')?.textContent ?? null,
    stateMsg: panel?.querySelector('[data-state-msg]')?.getAttribute('data-state-msg') ?? null,
    reason: panel?.querySelector('[data-reason]')?.textContent ?? null,
    actions: panel ? [...panel.querySelectorAll('.actions li')].map((li) => li.textContent) : [],
    changedFrom: b?.querySelector('.badge')?.getAttribute('data-changed-from') ?? null,
    findings: panel ? [...panel.querySelectorAll('[data-finding-id]')].map((li) => ({
      id: li.getAttribute('data-finding-id'),
      positive: li.classList.contains('sev-positive'),
      evidence: li.querySelector('.evidence')?.textContent ?? '',
      says: [...li.querySelectorAll('.says li')].map((x) => x.textContent),
    })) : [],
    badges: panel ? [...panel.querySelectorAll('[data-badge-id]')].map((li) => li.getAttribute('data-badge-id')) : [],
    analyses: host.hasAttribute('data-analyses') ? Number(host.getAttribute('data-analyses')) : null,
    remembered: panel ? Object.fromEntries([...panel.querySelectorAll('[data-remembered]')].map((p) => [p.getAttribute('data-remembered'), p.textContent])) : {},
    checklist: panel?.querySelector('[data-chk-progress]') ? {
      progress: panel.querySelector('[data-chk-progress]').textContent,
      done: Number(panel.querySelector('[data-chk-progress]').getAttribute('data-done')),
      ticked: [...panel.querySelectorAll('input[data-chk]')].filter((b) => b.checked).map((b) => b.getAttribute('data-chk')),
    } : null,
    licenceName: panel?.querySelector('input.licence-name')?.value ?? null,
    zhCount: panel ? panel.querySelectorAll('[lang="zh-CN"]').length : null,
    imgCount: document.querySelectorAll('img').length + (b?.querySelectorAll('img').length ?? 0) + (p?.querySelectorAll('img').length ?? 0),
  };
}

/** Waits until the overlay shows a final verdict (ready or error, not "Checking…") and its paint time is recorded. */
export async function waitForVerdict(page, timeout = 20_000) {
  await page.waitForFunction(() => {
    const h = document.querySelector('[data-trustlens-host]');
    // The state is inside the (test-opened) shadow root; a closed one shows only that a final verdict came.
    const state = h?.shadowRoot?.querySelector('.badge')?.getAttribute('data-state');
    return h && (h.shadowRoot ? ['ready', 'error'].includes(state) : h.hasAttribute('data-tl-dcl-to-final-ms')) && h.hasAttribute('data-tl-dcl-to-paint-ms');
  }, null, { timeout });
  return page.evaluate(readOverlayInPage);
}

/**
 * The overlay as the tests read it, with the panel open. On a loaded machine
 * the fallback badge can be drawn before the first reply, with the default
 * flags (closed shadow root, panel closed): `again` (the test's own wait for
 * a complete verdict) then runs again after a reload (at most three).
 */
export async function readOpenPanel(page, again) {
  let v = await page.evaluate(readOverlayInPage);
  for (let i = 0; v?.closed && i < 3; i++) {
    await page.reload();
    await again();
    v = await page.evaluate(readOverlayInPage);
  }
  if (v?.panelHidden === false) return v;
  await page.locator('[data-trustlens-host] button.badge').click();
  await page.waitForFunction(() => document.querySelector('[data-trustlens-panel]')?.shadowRoot?.querySelector('.panel')?.hidden === false, null, { timeout: 10_000 });
  return page.evaluate(readOverlayInPage);
}

/** Opens the panel's "show more" part (supplier, order form, checklist, list controls). */
export async function openMore(page) {
  await page.locator('[data-trustlens-panel] button[data-fk="more"][aria-expanded="false"]').click();
}

/** Waits until the badge text contains `text`. */
export async function waitForBadgeText(page, text, timeout = 10_000) {
  await page.waitForFunction((t) => {
    const h = document.querySelector('[data-trustlens-host]');
    return h?.shadowRoot?.querySelector('.badge .text')?.textContent.includes(t);
  }, text, { timeout });
  return page.evaluate(readOverlayInPage);
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Init script (context.addInitScript / page.addInitScript, before navigation):
 * records the page's long tasks (> 50 ms, the Long Tasks API threshold) from
 * its start (buffered). The content scripts run on the page's renderer main
 * thread, so their long tasks are seen here too (attributed to the frame, not
 * to the script: the isolated world is not named). Top frame only.
 */
export function recordLongTasksInPage() {
  if (window !== window.top || window.__tlLongTasks) return;
  const tasks = [];
  window.__tlLongTasks = tasks;
  try {
    const obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, ms: e.duration });
    });
    obs.observe({ type: 'longtask', buffered: true });
    window.__tlLongTaskObserver = obs;
  } catch {
    window.__tlLongTasks = null; // no Long Tasks API
  }
}

/** The page's long tasks so far (see recordLongTasksInPage): { longestMs, over50, tasks } or null without the API. */
export function readLongTasksInPage() {
  const tasks = window.__tlLongTasks;
  if (!tasks) return null;
  const obs = window.__tlLongTaskObserver;
  for (const e of obs?.takeRecords?.() ?? []) tasks.push({ start: e.startTime, ms: e.duration });
  return { longestMs: tasks.reduce((m, t) => Math.max(m, t.ms), 0), over50: tasks.filter((t) => t.ms > 50).length, tasks: tasks.slice() };
}

/** "longest task X ms (N over 50 ms)"; the API reports only tasks over 50 ms, so none reads "< 50 ms". */
export function formatLongTasks(lt) {
  if (!lt) return 'long tasks not observed (no Long Tasks API)';
  return `longest task ${lt.over50 ? `${lt.longestMs.toFixed(0)} ms` : '< 50 ms'} (${lt.over50} over 50 ms)`;
}

/**
 * Chromium behind the interface the shared suite (e2e/suite.mjs) uses, which
 * e2e/firefox.mjs offers for Firefox: ext.evaluate (extension code: here the
 * service worker), newPage, openExtensionPage, download, allowPermissionRequests, close.
 */
export async function launchChromium(dist, port) {
  const started = Date.now();
  const b = await launch(dist, port);
  const origin = `chrome-extension://${b.extensionId}`;
  return {
    name: 'chromium',
    extensionId: b.extensionId,
    extensionOrigin: origin,
    startupMs: Date.now() - started,
    ext: { evaluate: async (fn, arg) => (await b.worker()).evaluate(fn, arg) },
    newPage: () => b.context.newPage(),
    async openExtensionPage(path) {
      const p = await b.context.newPage();
      await p.goto(`${origin}/${path}`);
      return p;
    },
    async download(page, act) {
      const [d] = await Promise.all([page.waitForEvent('download'), act()]);
      return { name: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') };
    },
    /**
     * Headless Chromium cannot answer the permission prompt: grant the origin
     * first, as a user can in chrome://extensions (Site access); the page's own
     * chrome.permissions.request in the click then resolves without a prompt.
     */
    async allowPermissionRequests(originPattern) {
      const p = await b.context.newPage();
      await p.goto('chrome://extensions');
      await p.evaluate(([id, o]) => chrome.developerPrivate.addHostPermission(id, o), [b.extensionId, originPattern]);
      await p.close();
    },
    close: () => b.close(),
  };
}

/** The CLI's verdict (parsed JSON) on a file: the built dist/trustlens beside DIST, else `go run`. */
export async function cliVerdict(file) {
  const built = join(DIST, '..', 'trustlens');
  const [cmd, args] = existsSync(built) ? [built, []] : ['go', ['run', './cmd/trustlens']];
  const { stdout } = await promisify(execFile)(cmd, [...args, 'analyze', file, '--json'], { cwd: ROOT, maxBuffer: 16 << 20 }).catch((e) => e);
  return JSON.parse(stdout);
}

/** Chromium with the extension for the fixture server on port, shadow roots open for tests and the panel open on load; and one page. */
export async function launchWithPanelOpen(port) {
  const browser = await launch(DIST, port);
  await (await browser.worker()).evaluate(() => chrome.storage.local.set({ tlTestOpenShadow: true, prefs: { panelOpenByDefault: true } }));
  return { browser, page: await browser.context.newPage() };
}
