import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, cpSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { startServer } from './server.mjs';
const WS = createRequire(import.meta.url)('playwright-core/lib/utilsBundle').ws;
const srv = await startServer();
const profile = mkdtempSync(join(tmpdir(), 'ffp-'));
const prefs = {
  'network.proxy.type': 1, 'network.proxy.http': '127.0.0.1', 'network.proxy.http_port': srv.port,
  'dom.security.https_first': false, 'extensions.webextOptionalPermissionPrompts': false,
};
writeFileSync(join(profile, 'user.js'), Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n'));
const ext = mkdtempSync(join(tmpdir(), 'ffx-'));
cpSync('dist/firefox', ext, { recursive: true });
const m = JSON.parse(readFileSync(join(ext, 'manifest.json')));
m.background.scripts.push('e2e-hook.js');
writeFileSync(join(ext, 'manifest.json'), JSON.stringify(m));
writeFileSync(join(ext, 'e2e-hook.html'), '<!doctype html><title>hook</title>');
writeFileSync(join(ext, 'e2e-hook.js'), "browser.tabs.create({url: browser.runtime.getURL('e2e-hook.html'), active: false});");
const t0 = Date.now();
const ff = spawn('/usr/bin/firefox-esr', ['--headless', '--remote-debugging-port=0', '--profile', profile, '--no-remote'], { stdio: ['ignore', 'ignore', 'pipe'] });
const url = await new Promise((res) => { let buf = ''; ff.stderr.on('data', (d) => { buf += d; const mm = buf.match(/WebDriver BiDi listening on (ws:\/\/\S+)/); if (mm) res(mm[1]); }); });
console.log('listening', Date.now() - t0, url);
const ws = new WS(url + '/session');
await new Promise((r) => ws.once('open', r));
let id = 0; const pending = new Map();
ws.on('message', (d) => { const msg = JSON.parse(d); if (msg.id && pending.has(msg.id)) { const p = pending.get(msg.id); pending.delete(msg.id); msg.type === 'error' ? p.rej(new Error(msg.error + ': ' + msg.message)) : p.res(msg.result); } else if (msg.type === 'event') { /*console.log('ev', msg.method)*/ } });
const send = (method, params = {}) => new Promise((res, rej) => { const i = ++id; pending.set(i, { res, rej }); ws.send(JSON.stringify({ id: i, method, params })); });
console.log(await send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } }).then(r => r.sessionId));
const inst = await send('webExtension.install', { extensionData: { type: 'path', path: ext } });
console.log('installed', inst, Date.now() - t0);
await new Promise((r) => setTimeout(r, 1000));
const tree = await send('browsingContext.getTree', {});
console.log(JSON.stringify(tree.contexts.map(c => c.url)));
const hook = tree.contexts.find(c => c.url.startsWith('moz-extension:'));
if (hook) {
  const r = await send('script.callFunction', { functionDeclaration: 'async () => JSON.stringify([await browser.permissions.getAll(), location.href])', target: { context: hook.context }, awaitPromise: true });
  console.log('hook eval', r.result);
  await send('script.callFunction', { functionDeclaration: 'async () => browser.storage.local.set({tlTestOpenShadow: true})', target: { context: hook.context }, awaitPromise: true });
}
const tab = tree.contexts.find(c => !c.url.startsWith('moz-extension:'));
const t1 = Date.now();
await send('browsingContext.navigate', { context: tab.context, url: 'http://detail.1688.com/offer/597090034012.html', wait: 'interactive' });
console.log('nav', Date.now() - t1);
for (let i = 0; i < 30; i++) {
  const r = await send('script.callFunction', { functionDeclaration: '() => { const h = document.querySelector("[data-trustlens-host]"); return JSON.stringify(h && [h.getAttribute("data-state"), h.getAttribute("data-level"), h.getAttribute("data-tl-dcl-to-paint-ms"), !!h.shadowRoot]); }', target: { context: tab.context }, awaitPromise: true });
  if (r.result.value !== 'null' && !r.result.value.includes('loading')) { console.log(i, r.result.value); break; }
  await new Promise((r) => setTimeout(r, 100));
}
console.log(srv.log.slice(0, 8));
await send('browser.close').catch(() => {});
await srv.close();
