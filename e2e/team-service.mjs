// The team service for the team E2E files: its native twin (worker/main_other.go:
// the same API handler over an in-memory store) on a free port, and a
// counting proxy in front of it that can fail, hold or never answer requests.
import { spawn, execFile } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './browser.mjs';

const freePort = () => new Promise((resolve, reject) => {
  const s = createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

/** The native twin on a free 127.0.0.1 port with a fresh admin secret. */
export async function startService() {
  const dir = mkdtempSync(join(tmpdir(), 'trustlens-team-'));
  const bin = join(dir, 'trustlens-team');
  await promisify(execFile)('go', ['build', '-o', bin, './worker'], { cwd: ROOT }); // = go run ./worker, stoppable by pid
  const port = await freePort();
  const secret = randomBytes(32).toString('hex'); // ADMIN_SECRET: at least 32 characters, from the environment only
  const proc = spawn(bin, ['-addr', `127.0.0.1:${port}`], { env: { ...process.env, ADMIN_SECRET: secret }, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  proc.stderr.on('data', (d) => { log += d; });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) { // until it listens (or exits)
    if (proc.exitCode !== null) throw new Error(`team service exited: ${log}`);
    try { if ((await fetch(`${url}/v1/health`)).ok) break; } catch { /* not yet */ }
    if (i > 600) throw new Error(`team service did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, proc, dir, secret };
}

/**
 * A counting reverse proxy in front of the service: the browser's requests, as
 * the service receives them. fail: statuses to answer instead of the service,
 * one per request (429 with Retry-After: 1); hold(): requests wait until release();
 * stall(re): requests whose "METHOD path" matches re are never answered (a
 * service that accepts the connection and hangs) until unstall() drops them.
 */
export async function startProxy(target) {
  const seen = [];
  const fail = [];
  let gate = null;
  let stallRe = null;
  const stalled = new Set();
  const up = new URL(target);
  const server = createServer(async (req, res) => {
    const entry = { method: req.method, path: req.url, origin: req.headers.origin ?? null, auth: /^Bearer tlt_/.test(req.headers.authorization ?? '') };
    seen.push(entry);
    if (stallRe?.test(`${req.method} ${req.url}`)) { seen.at(-1).answered = 'never'; stalled.add(res); return; }
    if (gate) { gate.held++; await gate.promise; }
    const status = fail.shift();
    if (status) {
      seen.at(-1).answered = status;
      res.writeHead(status, { 'Content-Type': 'application/json', ...(status === 429 ? { 'Retry-After': '1' } : {}) });
      res.end(JSON.stringify({ error: { code: status === 429 ? 'rate_limited' : 'unavailable', message: 'proxy says no' } }));
      return;
    }
    const fwd = httpRequest({ host: up.hostname, port: up.port, method: req.method, path: req.url, headers: { ...req.headers, host: up.host } }, (r) => {
      res.writeHead(r.statusCode, r.headers);
      r.on('end', () => { entry.done = r.statusCode; });
      r.pipe(res);
    });
    fwd.on('error', () => { res.writeHead(502); res.end(); });
    req.pipe(fwd);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    seen,
    fail,
    hold() { let release; const promise = new Promise((r) => { release = r; }); gate = { promise, release, held: 0 }; },
    get held() { return gate?.held ?? 0; },
    release() { gate?.release(); gate = null; },
    stall(re) { stallRe = re; },
    get stalled() { return stalled.size; },
    unstall() { stallRe = null; for (const res of stalled) res.destroy(); stalled.clear(); },
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
  };
}

/** Stops a service from startService and removes its directory. */
export function stopService(service) {
  if (!service) return;
  service.proc.kill('SIGTERM');
  rmSync(service.dir, { recursive: true, force: true });
}

/**
 * api(method, path, body, headers, token): a request straight to the service
 * (no Origin header: not a browser), with the token (if any) as its Bearer
 * credential; rejects unless the service answers 2xx.
 */
export function serviceApi(service) {
  return async (method, path, body, headers = {}, token = null) => {
    const res = await fetch(service.url + path, {
      method,
      headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    const data = await res.json().catch(() => null);
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`);
    return data;
  };
}

/**
 * Grants the extension the local service's site (http://127.0.0.1), as a
 * user can in chrome://extensions (Site access: "On specific sites"):
 * headless Chromium cannot answer the permission prompt, and the options
 * page's own request, made in the click, then resolves without one.
 */
export async function grantLocalSite(browser) {
  const ext = await browser.context.newPage();
  await ext.goto('chrome://extensions');
  await ext.evaluate((id) => chrome.developerPrivate.addHostPermission(id, 'http://127.0.0.1/*'), browser.extensionId);
  await ext.close();
}

/** The extension's options page in a browser from browser.mjs launch, once its team section is ready (for messages only extension pages may send). */
export async function optionsPage(browser) {
  const p = await browser.context.newPage();
  await p.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await p.waitForSelector('body[data-team-ready]');
  return p;
}

/** The background's team sync state; with settle, after everything queued or in flight has finished. */
export async function teamState(browser, settle) {
  const p = await optionsPage(browser);
  try { return await p.evaluate((s) => chrome.runtime.sendMessage({ type: 'teamState', settle: s }), settle); } finally { await p.close(); }
}
