// Debian's firefox-esr driven over WebDriver BiDi (no geckodriver, nothing
// downloaded; recipe: the team's toolchain notes). The add-on is installed
// temporarily from a copy of dist/firefox with one test hook added; every
// *.1688.com address goes to the local fixture server through Firefox's HTTP
// proxy setting (the server routes by Host, so a proxied request is an
// ordinary one). Pages and the extension are offered through the small part
// of Playwright's Page API the shared tests use (goto, evaluate,
// waitForFunction, click, mouse.click, close), so the same test bodies run in
// both browsers (e2e/suite.mjs).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBuilt } from './browser.mjs';

const WebSocket = createRequire(import.meta.url)('playwright-core/lib/utilsBundle').ws;
export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

// The test hook: a background script that opens one blank extension page. The
// tests evaluate extension code there (storage, tabs, permissions), as the
// Chromium tests do in the service worker; BiDi refuses to navigate a tab to a
// moz-extension:// address itself. Once only: Firefox may stop the idle event
// page and start it again. Only in the copy under test, never in dist/.
const HOOK_JS = `if (!chrome.extension.getViews({ type: 'tab' }).some((w) => w.location.pathname === '/e2e-hook.html')) {
  chrome.tabs.create({ url: chrome.runtime.getURL('e2e-hook.html'), active: false });
}
`;
const HOOK_HTML = '<!doctype html><meta charset="utf-8"><title>e2e hook</title>\n';

/** A WebDriver BiDi connection: send(method, params) -> result; events to listeners. */
async function connect(url) {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  let next = 0;
  const pending = new Map();
  const listeners = new Set();
  ws.on('message', (data) => {
    const msg = JSON.parse(data);
    if (msg.type === 'event') { for (const l of listeners) l(msg); return; }
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.type === 'error') p.reject(new Error(`${p.method}: ${msg.error}: ${msg.message}`));
    else p.resolve(msg.result);
  });
  ws.on('close', () => { for (const p of pending.values()) p.reject(new Error(`${p.method}: connection closed`)); pending.clear(); });
  return {
    send: (method, params = {}) => new Promise((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve, reject, method });
      ws.send(JSON.stringify({ id, method, params }));
    }),
    on: (l) => listeners.add(l),
    close: () => ws.close(),
  };
}

/** Playwright's page.evaluate semantics over script.callFunction: one JSON argument, a JSON result. */
async function callIn(bidi, context, fn, arg, userActivation = false) {
  const wrapped = `async (a) => { const r = await (${fn})(a === undefined ? undefined : JSON.parse(a)); return r === undefined ? undefined : JSON.stringify(r); }`;
  const res = await bidi.send('script.callFunction', {
    functionDeclaration: wrapped,
    arguments: arg === undefined ? [] : [{ type: 'string', value: JSON.stringify(arg) }],
    target: { context },
    awaitPromise: true,
    userActivation,
  });
  if (res.type === 'exception') throw new Error(`evaluate: ${res.exceptionDetails.text}`);
  return res.result.type === 'string' ? JSON.parse(res.result.value) : undefined;
}

class Page {
  constructor(bidi, context) {
    this.bidi = bidi;
    this.context = context;
    this.mouse = { click: (x, y) => this.#pointerClick(x, y) };
  }

  /** Navigates and waits for the load event, as Playwright's goto does. */
  async goto(url) { await this.bidi.send('browsingContext.navigate', { context: this.context, url, wait: 'complete' }); }

  async reload() { await this.bidi.send('browsingContext.reload', { context: this.context, wait: 'complete' }); }

  evaluate(fn, arg) { return callIn(this.bidi, this.context, fn, arg); }

  /** Polls fn(arg) until it returns something truthy; resolves to a handle whose jsonValue() is that value (as Playwright's). */
  async waitForFunction(fn, arg, { timeout = 10_000 } = {}) {
    const end = Date.now() + timeout;
    for (;;) {
      const v = await this.evaluate(fn, arg).catch((e) => {
        if (/no such frame|context.*discarded|navigat/i.test(e.message)) return null; // mid-navigation: try again
        throw e;
      });
      if (v) return { jsonValue: async () => v };
      if (Date.now() > end) throw new Error(`waitForFunction: timed out after ${timeout} ms: ${String(fn).slice(0, 120)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** A real mouse click on the first element matching selector (in the light DOM), scrolled into view. */
  async click(selector) {
    const at = await this.evaluate((sel) => {
      const el = document.querySelector(sel);
      if (!el) return null;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }, selector);
    if (!at) throw new Error(`click: no element matches ${selector}`);
    await this.mouse.click(at.x, at.y);
  }

  async #pointerClick(x, y) {
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [{
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', x: Math.round(x), y: Math.round(y) },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      }],
    });
  }

  async close() { await this.bidi.send('browsingContext.close', { context: this.context }).catch(() => {}); }
}

/**
 * Starts firefox-esr headless on a fresh profile with the add-on installed.
 * port: the fixture server (every http:// request goes through it, as a proxy;
 * 127.0.0.1 is never proxied, so local services are reached directly).
 * opts.prefs: more Firefox preferences.
 */
export async function launchFirefox(dist, port, opts = {}) {
  assertBuilt(dist);
  const started = Date.now();
  const profile = mkdtempSync(join(tmpdir(), 'trustlens-ff-'));
  const downloads = join(profile, 'downloads');
  const prefs = {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.allow_hijacking_localhost': false,
    'dom.security.https_first': false,
    'dom.security.https_only_mode': false,
    // permissions.request in a real click answers without the doorhanger (headless cannot show it).
    'extensions.webextOptionalPermissionPrompts': false,
    'browser.download.folderList': 2,
    'browser.download.dir': downloads,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.download.alwaysOpenPanel': false,
    // No first-run pages and no background network (there is none here).
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.page': 0,
    'browser.startup.homepage': 'about:blank',
    'browser.startup.homepage_override.mstone': 'ignore',
    'browser.newtabpage.enabled': false,
    'browser.aboutwelcome.enabled': false,
    'services.settings.server': 'data:,',
    'network.connectivity-service.enabled': false,
    'network.captive-portal-service.enabled': false,
    'browser.safebrowsing.update.enabled': false,
    'app.normandy.enabled': false,
    ...opts.prefs,
  };
  writeFileSync(join(profile, 'user.js'), Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});\n`).join(''));

  const ext = mkdtempSync(join(tmpdir(), 'trustlens-ff-ext-'));
  cpSync(dist, ext, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(ext, 'manifest.json'), 'utf8'));
  manifest.background.scripts.push('e2e-hook.js');
  writeFileSync(join(ext, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(ext, 'e2e-hook.js'), HOOK_JS);
  writeFileSync(join(ext, 'e2e-hook.html'), HOOK_HTML);

  const proc = spawn(FIREFOX, ['--headless', '--no-remote', '--remote-debugging-port=0', '--profile', profile], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
  });
  let log = '';
  const wsUrl = await new Promise((resolve, reject) => {
    proc.stderr.on('data', (d) => {
      log += d;
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(log);
      if (m) resolve(m[1]);
    });
    proc.once('exit', (code) => reject(new Error(`firefox exited (${code}): ${log}`)));
  });
  const bidi = await connect(`${wsUrl}/session`);
  await bidi.send('session.new', { capabilities: {} });
  const { extension } = await bidi.send('webExtension.install', { extensionData: { type: 'path', path: ext } });

  let hook;
  for (let i = 0; !hook; i++) {
    const { contexts } = await bidi.send('browsingContext.getTree', {});
    hook = contexts.find((c) => c.url.startsWith('moz-extension://') && c.url.endsWith('/e2e-hook.html'));
    if (!hook) {
      if (i > 400) throw new Error('the extension hook page never opened');
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  const origin = hook.url.slice(0, hook.url.indexOf('/', 'moz-extension://'.length)); // (URL gives no origin for moz-extension:)
  const hookPage = new Page(bidi, hook.context);
  await hookPage.waitForFunction(() => document.readyState === 'complete' && typeof chrome !== 'undefined' && !!chrome.storage);
  const startupMs = Date.now() - started;

  return {
    name: 'firefox',
    extensionId: extension,
    extensionOrigin: origin,
    startupMs,
    /** Evaluates fn(arg) in an extension page (the hook page): chrome.storage, tabs, permissions. */
    ext: { evaluate: (fn, arg) => hookPage.evaluate(fn, arg) },
    async newPage() {
      const { context } = await bidi.send('browsingContext.create', { type: 'tab' });
      return new Page(bidi, context);
    },
    /** Opens an extension page (e.g. "popup.html?tabId=3") in a new tab, opened by the extension itself. */
    async openExtensionPage(path) {
      const url = `${origin}/${path}`;
      await hookPage.evaluate((u) => chrome.tabs.create({ url: u, active: true }), url);
      for (let i = 0; i < 400; i++) {
        const { contexts } = await bidi.send('browsingContext.getTree', {});
        const c = contexts.find((x) => x.url === url);
        if (c) {
          const p = new Page(bidi, c.context);
          await p.waitForFunction(() => document.readyState === 'complete' && typeof chrome !== 'undefined');
          return p;
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`${url} never opened`);
    },
    /** Runs act() (a click on page that saves a file) and returns the file Firefox saved: { name, text }. */
    async download(page, act) {
      const before = new Set(existsSync(downloads) ? readdirSync(downloads) : []);
      await act();
      for (let i = 0; i < 400; i++) {
        const fresh = (existsSync(downloads) ? readdirSync(downloads) : []).filter((f) => !before.has(f) && !f.endsWith('.part'));
        if (fresh.length) {
          const text = readFileSync(join(downloads, fresh[0]), 'utf8');
          if (text.length) return { name: fresh[0], text };
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('no download arrived');
    },
    /** Firefox grants a permissions.request made in a real click without asking (the pref above). */
    async allowPermissionRequests() {},
    async close() {
      await bidi.send('browser.close').catch(() => {});
      bidi.close();
      if (proc.exitCode === null) await new Promise((r) => { proc.once('exit', r); setTimeout(r, 5000); });
      if (proc.exitCode === null) proc.kill('SIGKILL');
      rmSync(profile, { recursive: true, force: true });
      rmSync(ext, { recursive: true, force: true });
    },
  };
}
