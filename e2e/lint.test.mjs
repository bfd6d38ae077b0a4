// Conventions and security invariants of extension/ and manifest.json
// Static: needs no build and no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const EXT = join(ROOT, 'extension');
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const files = walk(EXT);
const rel = (p) => relative(EXT, p);
const codeFiles = files.filter((p) => /\.(m?js|html|css)$/.test(p));

/** Source without comments (strings are left alone; the patterns below do not occur in them). */
function stripComments(src) {
  return src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"\\])\/\/.*$/gm, '$1').replace(/<!--[\s\S]*?-->/g, '');
}
const sources = Object.fromEntries(codeFiles.map((p) => [rel(p), stripComments(readFileSync(p, 'utf8'))]));

function offenders(pattern, allow = () => false) {
  const out = [];
  for (const [file, src] of Object.entries(sources)) {
    src.split('\n').forEach((line, i) => {
      if (pattern.test(line) && !allow(file, line)) out.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  return out;
}

test('no HTML parsing sinks in extension/ (innerHTML, outerHTML, insertAdjacentHTML, document.write, DOMParser, srcdoc)', () => {
  assert.deepEqual(offenders(/\b(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment|DOMParser|srcdoc)\b|document\.write(ln)?\b/), []);
});

test('no eval, new Function or string timers in extension/', () => {
  assert.deepEqual(offenders(/\beval\s*\(|\bnew\s+Function\b|(^|[^.\w])Function\s*\(|set(Timeout|Interval)\s*\(\s*['"`]/), []);
});

test('no network requests from extension/ (only background.js fetches its own core.wasm)', () => {
  // capture.js wraps the page's own fetch/XHR (`function fetch(`, `originalFetch.apply`, `open.apply`)
  // but never starts a request of its own.
  const fetchCalls = offenders(/\bfetch\s*\(/, (file, line) =>
    (file === 'background.js' && /\bfetch\(url\)/.test(line)) ||
    (file === 'capture.js' && /function fetch\(/.test(line)) ||
    (file === 'team-sync.js' && /^\s*const p = fetch\(cfg\.server\.origin \+ path, \{$/.test(line))); // opt-in team sync: the one other request
  assert.deepEqual(fetchCalls, []);
  const bg = sources['background.js'];
  assert.deepEqual([...bg.matchAll(/\b(?:const|let|var)\s+url\s*=\s*([^;]+);/g)].map((m) => m[1].trim()), ["chrome.runtime.getURL('core.wasm')"],
    'the only URL background.js fetches is chrome.runtime.getURL(\'core.wasm\')');
  assert.deepEqual(offenders(/new\s+(XMLHttpRequest|WebSocket|EventSource|Image|Worker|SharedWorker)\b|sendBeacon|\.connectNative|\bimport\s*\(/), []);
  // The one script background.js loads itself: the Go runtime beside core.wasm (the rest is bundled in).
  assert.deepEqual(offenders(/importScripts\s*\(/, (f, l) => f === 'background.js' && /importScripts\('wasm_exec\.js'\)/.test(l)), []);
  // No remote URLs anywhere in extension code or pages, except the page
  // addresses inside background.js's warm-up snapshot (data handed to the core, never requested).
  const warmup = sources['background.js'].match(/const WARMUP_SNAPSHOT = JSON\.stringify\(\{[\s\S]*?\n\}\);/)?.[0] ?? '';
  assert.ok(!/fetch|XMLHttpRequest/.test(warmup));
  // The one other address: the official company register, a link the buyer clicks (never fetched).
  const gsxtLine = /^\s*gsxt: 'https:\/\/www\.gsxt\.gov\.cn\/',$/;
  assert.deepEqual(offenders(/\b(https?|wss?|ftp):\/\//, (file, line) =>
    (file === 'background.js' && warmup.includes(line)) || (file === 'strings.js' && gsxtLine.test(line))), []);
  assert.deepEqual(offenders(/\blinks\.gsxt\b/).map((l) => l.split(':')[0]), ['view.js'], 'the register address is used in one place');
  assert.match(sources['view.js'], /href: strings\.links\.gsxt, target: '_blank', rel: 'noopener noreferrer'/, 'as a link target only');
  // Extension code never injects scripts or frames into pages.
  assert.deepEqual(offenders(/createElement\(\s*['"](script|iframe|object|embed|link)['"]/), []);
});

test('modules: files import what they use; no shared global object (TrustLens, TrustLensTeam)', () => {
  assert.deepEqual(offenders(/\b(TrustLens|TrustLensTeam)\s*(\?\?=|=[^=]|\?\.|\.)|\bTL\./), []);
  // Features and panel sections are registered in one list each (features.js, panel-sections.js).
  assert.match(sources['features.js'], /export const features = Object\.freeze\(\[/);
  assert.match(sources['panel-sections.js'], /export const panelSections = Object\.freeze\(\[/);
});

test('modules: no import cycles in extension/ (shared helpers live in a module both sides import, e.g. dom.js)', () => {
  const imports = Object.fromEntries(Object.entries(sources).filter(([f]) => f.endsWith('.js'))
    .map(([f, src]) => [f, [...src.matchAll(/^import\b[^'"]*['"]\.\/([^'"]+)['"]/gm)].map((m) => m[1])]));
  const cycles = [];
  const visit = (file, path) => {
    for (const next of imports[file] ?? []) {
      if (path.includes(next)) cycles.push([...path.slice(path.indexOf(next)), next].join(' -> '));
      else visit(next, [...path, next]);
    }
  };
  for (const file of Object.keys(imports)) visit(file, [file]);
  assert.deepEqual(cycles, []);
});

test('team sync: one request site, to the configured server, gated by the saved settings', () => {
  const src = sources['team-sync.js'];
  assert.equal([...src.matchAll(/\bfetch\s*\(/g)].length, 1);
  // send() re-reads the settings, refuses when sync is off, checks the path and the granted origin, then fetches.
  const send = src.match(/async function send\(method, path, body\) \{[\s\S]*?\n {2}\}\n/)?.[0] ?? '';
  assert.ok(send.includes('const p = fetch(cfg.server.origin + path, {'), 'the fetch is inside send()');
  const order = ['await readConfig()', "if (!cfg) throw new Error('team sync is off')", 'if (!apiPath(path))',
    'chrome.permissions.contains({ origins: [cfg.server.pattern] })', 'fetch(cfg.server.origin + path'].map((t) => send.indexOf(t));
  assert.ok(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1])), `send() checks in order: ${order}`);
  assert.match(send, /credentials: 'omit'/);
  // Only the options page and the panel talk to it; the content script never fetches (see above).
  assert.deepEqual(Object.keys(sources).filter((f) => f.endsWith('.js') && /type: 'teamSave'|\bteamSave: /.test(sources[f])).sort(), ['options-team.js', 'team-sync.js']);
});

test('HTML pages: no inline scripts or handlers, only local resources', () => {
  for (const p of files.filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(p, 'utf8');
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      assert.match(m[1], /\bsrc="[\w.-]+\.js"/, `${rel(p)}: scripts must be local files`);
      assert.equal(m[2].trim(), '', `${rel(p)}: no inline script`);
    }
    assert.doesNotMatch(html, /\son\w+\s*=/i, `${rel(p)}: no inline event handlers`);
    for (const m of html.matchAll(/\b(?:src|href)="([^"]+)"/g)) assert.ok(existsSync(join(EXT, m[1])), `${rel(p)}: ${m[1]} exists`);
  }
});

test('manifest: CSP exact, 1688-only hosts, minimal permissions, no web_accessible_resources', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.content_security_policy?.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
  assert.deepEqual(Object.keys(manifest.content_security_policy), ['extension_pages']);
  assert.deepEqual(manifest.host_permissions, ['*://*.1688.com/*']);
  assert.deepEqual(manifest.permissions, ['storage']);
  assert.equal(manifest.optional_permissions, undefined);
  // Team sync (opt-in): the team server's origin, asked for on the options page when the buyer saves it.
  assert.deepEqual(manifest.optional_host_permissions, ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*']);
  assert.equal(manifest.externally_connectable, undefined);
  const war = manifest.web_accessible_resources ?? [];
  for (const entry of war) {
    assert.equal(entry.use_dynamic_url, true);
    for (const r of entry.resources) assert.doesNotMatch(r, /\*/, 'exact files only');
    for (const m of entry.matches) assert.match(m, /^\*:\/\/([\w-]+\.)*1688\.com\/\*$|^\*:\/\/\*\.1688\.com\/\*$/);
  }
  assert.equal(war.length, 0, 'the wasm runs in the background: nothing needs to be web-accessible');
});

test('manifest: background works in Chrome (service worker) and Firefox (scripts)', () => {
  assert.deepEqual(Object.keys(manifest.background).sort(), ['scripts', 'service_worker']);
  assert.equal(manifest.background.service_worker, 'background.js');
  // Firefox: the Go runtime, then the bundle; Chrome's worker loads wasm_exec.js itself (importScripts).
  assert.deepEqual(manifest.background.scripts, ['wasm_exec.js', 'background.js']);
  assert.match(sources['background.js'], /importScripts\('wasm_exec\.js'\)/);
  const gecko = manifest.browser_specific_settings?.gecko;
  assert.ok(gecko?.id);
  assert.equal(gecko.strict_min_version, '142.0');
  assert.deepEqual(gecko.data_collection_permissions, { required: ['none'] });
});

test('manifest: content scripts on 1688 hosts only (pages chosen by selectors.js); capture.js in MAIN at document_start', () => {
  const [capture, isolated, ...rest] = manifest.content_scripts;
  // The search pages of s.1688.com (excluded above with the rest of that host) get the
  // same two scripts through their own pair of entries, matching those two paths only.
  const [searchCapture, searchIsolated, ...more] = rest;
  assert.equal(more.length, 0);
  const SEARCH = ['*://s.1688.com/selloffer/offer_search.htm*', '*://s.1688.com/company/company_search.htm*'];
  for (const cs of [searchCapture, searchIsolated]) {
    assert.deepEqual(cs.matches, SEARCH);
    assert.equal(cs.exclude_matches, undefined);
    assert.equal(cs.run_at, 'document_start');
    assert.equal(cs.all_frames, undefined);
  }
  assert.deepEqual(searchCapture.js, capture.js);
  assert.equal(searchCapture.world, 'MAIN');
  assert.deepEqual(searchIsolated.js, isolated.js, 'the same isolated scripts on search pages');
  assert.equal(searchIsolated.world, undefined);
  assert.ok(capture.exclude_matches.includes('*://s.1688.com/*'), 'the rest of s.1688.com stays excluded');
  assert.deepEqual(capture.js, ['capture.js']);
  assert.equal(capture.world, 'MAIN');
  assert.equal(capture.run_at, 'document_start');
  assert.equal(isolated.world, undefined, 'the rest runs in the isolated world');
  assert.deepEqual(isolated.js, ['content.js'], 'one bundle: content.js imports the rest');
  for (const cs of [capture, isolated]) {
    assert.deepEqual(cs.matches, ['*://*.1688.com/*'], 'store hosts are open-ended (vanity names): selectors.js decides');
    assert.deepEqual(cs.matches, capture.matches, 'capture and content scripts match the same pages');
    assert.deepEqual(cs.exclude_matches, capture.exclude_matches);
    for (const m of cs.exclude_matches) assert.match(m, /^\*:\/\/([\w-]+\.)*1688\.com\/\*$/);
    assert.equal(cs.all_frames, undefined);
  }
});

test('manifest: every referenced file exists; build-provided files are only core.wasm and wasm_exec.js', () => {
  const fromBuild = new Set(['wasm_exec.js', 'core.wasm']);
  const refs = [
    manifest.background.service_worker, ...manifest.background.scripts,
    ...manifest.content_scripts.flatMap((c) => c.js),
    manifest.action.default_popup, manifest.options_ui.page,
    ...Object.values(manifest.icons), ...Object.values(manifest.action.default_icon),
  ];
  for (const f of refs) if (!fromBuild.has(f)) assert.ok(existsSync(join(EXT, f)), `extension/${f} exists`);
  assert.ok(!existsSync(join(EXT, 'manifest.json')), 'the source manifest lives at the repo root only');
  assert.ok(!existsSync(join(EXT, 'core.wasm')) && !existsSync(join(EXT, 'wasm_exec.js')), 'build outputs are not committed in extension/');
});

test('icons are real PNGs of the declared sizes', () => {
  for (const [size, file] of Object.entries({ ...manifest.icons, ...manifest.action.default_icon })) {
    const png = readFileSync(join(EXT, file));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], file);
    assert.equal(png.toString('ascii', 12, 16), 'IHDR');
    assert.equal(png.readUInt32BE(16), Number(size), `${file} width`);
    assert.equal(png.readUInt32BE(20), Number(size), `${file} height`);
  }
});

test('locales: en and zh_CN define the same keys, covering every message used', () => {
  const load = (l) => JSON.parse(readFileSync(join(EXT, '_locales', l, 'messages.json'), 'utf8'));
  const en = load('en');
  const zh = load('zh_CN');
  assert.equal(manifest.default_locale, 'en');
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  const used = new Set();
  for (const m of JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)) used.add(m[1]);
  for (const src of Object.values(sources)) {
    for (const m of src.matchAll(/getMessage\(\s*'(\w+)'/g)) used.add(m[1]);
    for (const m of src.matchAll(/data-i18n="(\w+)"/g)) used.add(m[1]);
    for (const m of src.matchAll(/\bmsg: '(\w+)'/g)) used.add(m[1]);
  }
  for (const key of used) assert.ok(en[key] && zh[key], `message ${key} defined in both locales`);
  assert.ok(en.extDescription.message.length <= 132, 'store description fits 132 characters');
});
