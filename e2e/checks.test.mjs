// extension/checks.js as pure functions: who may send the background a
// message (the TrustLens content script in the top frame of a 1688 page, or
// a TrustLens extension page) and what a team server address and token may
// be. Static: no build, no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModules } from './modules.mjs';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;
const C = loadModules(['checks.js'], { URL, chrome: { runtime: { id: ID, getURL: (p) => BASE + p } } }).checks;

test('content script: our id, a tab, the top frame, a 1688 host', () => {
  const ok = { id: ID, tab: { id: 4, url: 'https://detail.1688.com/offer/1.html' }, frameId: 0, url: 'https://detail.1688.com/offer/1.html' };
  assert.equal(C.fromContentScript(ok), true);
  assert.equal(C.fromContentScript({ ...ok, url: undefined }), true, 'the tab address when the sender has none');
  assert.equal(C.fromContentScript({ ...ok, url: 'https://1688.com/' }), true);
  for (const [why, s] of [
    ['another extension', { ...ok, id: 'x' }],
    ['no tab', { ...ok, tab: undefined }],
    ['a tab without an id', { ...ok, tab: { url: ok.url } }],
    ['a subframe', { ...ok, frameId: 2 }],
    ['a look-alike host', { ...ok, url: 'https://detail.evil1688.com/' }],
    ['another host', { ...ok, url: 'https://example.com/?1688.com' }],
    ['no address', { ...ok, url: 'not a url', tab: { id: 4 } }],
    ['nothing', null],
  ]) assert.equal(C.fromContentScript(s), false, why);
});

test('extension page: our id and an address inside the extension', () => {
  assert.equal(C.fromExtensionPage({ id: ID, url: `${BASE}options.html` }), true);
  assert.equal(C.fromExtensionPage({ id: ID, url: 'https://detail.1688.com/' }), false);
  assert.equal(C.fromExtensionPage({ id: 'x', url: `${BASE}options.html` }), false);
  assert.equal(C.fromExtensionPage({ id: ID }), false);
  assert.equal(C.fromExtensionPage(undefined), false);
});

test('team server: an https origin, or http on 127.0.0.1 / localhost; the origin only', () => {
  assert.deepEqual({ ...C.teamServer(' https://team.example.com ') }, { origin: 'https://team.example.com', pattern: 'https://team.example.com/*' });
  assert.deepEqual({ ...C.teamServer('https://team.example.com:8443/') }, { origin: 'https://team.example.com:8443', pattern: 'https://team.example.com/*' });
  assert.deepEqual({ ...C.teamServer('http://127.0.0.1:8787') }, { origin: 'http://127.0.0.1:8787', pattern: 'http://127.0.0.1/*' });
  assert.equal(C.teamServer('http://localhost:8787').origin, 'http://localhost:8787');
  for (const bad of ['http://team.example.com', 'https://team.example.com/v1', 'https://u:p@team.example.com', 'https://team.example.com/?x=1',
    'https://team.example.com/#a', 'ftp://team.example.com', 'team.example.com', '', null]) assert.equal(C.teamServer(bad), null, String(bad));
});

test('team token: tlt_ and 43 URL-safe characters', () => {
  assert.equal(C.TEAM_TOKEN.test(`tlt_${'A'.repeat(43)}`), true);
  assert.equal(C.TEAM_TOKEN.test(`tlt_${'a_-9'.repeat(10)}abc`), true);
  for (const bad of ['tlt_short', `tlt_${'A'.repeat(44)}`, `TLT_${'A'.repeat(43)}`, `tlt_${'A'.repeat(42)}=`]) assert.equal(C.TEAM_TOKEN.test(bad), false, bad);
});
