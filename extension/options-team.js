// Options: team sync (off by default). The buyer enters the team server's
// address and a team token; "Save and turn on" first asks the browser for
// that one origin (optional host permission, in the click itself: the
// request needs the user's gesture), then hands the settings to the
// background (team-sync.js), which keeps them in chrome.storage.local and does
// all the talking to the server. "Test connection" asks the background for
// GET /v1/health and GET /v1/team with the token. "Turn off and forget"
// removes the token, the cached team data and the origin's permission.
import { checks } from './checks.js';

(() => {
  'use strict';
  const msg = (key, subs) => chrome.i18n.getMessage(key, subs) || key;
  /** @type {(id: string) => HTMLInputElement} the page's form controls (inputs and buttons) */
  const $ = (id) => /** @type {HTMLInputElement} */ (document.getElementById(id));
  const form = $('teamForm');
  if (!form) return;
  const server = $('teamServer');
  const token = $('teamToken');
  const by = $('teamBy');
  const stateLine = $('teamState');
  const out = $('teamMsg');
  const testBtn = $('teamTest');
  const offBtn = $('teamOff');
  const TOKEN = checks.TEAM_TOKEN;
  let state = null;

  const serverOf = checks.teamServer; // extension/checks.js, as the background checks it

  const say = (text, kind = '') => { out.textContent = text; out.setAttribute('data-kind', kind); };
  const send = (m) => chrome.runtime.sendMessage(m).catch((e) => ({ ok: false, error: String(e?.message ?? e) }));

  const STATUS = {
    offline: 'teamStatusOffline',
    'rate-limited': 'teamStatusRateLimited',
    unauthorized: 'teamStatusUnauthorized',
    forbidden: 'teamStatusForbidden',
    permission: 'teamStatusPermission',
    error: 'teamStatusError',
    timeout: 'teamStatusTimeout',
  };

  async function refresh() {
    const r = await send({ type: 'teamState' });
    state = r?.ok ? r : null;
    const on = Boolean(state?.enabled);
    stateLine.setAttribute('data-team-state', on ? 'on' : 'off');
    if (on) {
      const st = state.status?.state;
      const extra = STATUS[st] ? ` ${msg(STATUS[st])}` : '';
      stateLine.textContent = msg('teamIsOn', [state.server]) + extra;
      server.value = state.server;
      by.value = state.by;
      token.value = '';
      token.placeholder = state.hasToken ? msg('teamTokenSaved') : '';
    } else {
      stateLine.textContent = msg('teamIsOff');
      token.placeholder = '';
    }
    testBtn.disabled = !on;
    offBtn.disabled = !on;
    document.body.setAttribute('data-team-ready', '');
  }

  async function test() {
    say(msg('teamTesting'));
    const r = await send({ type: 'teamTest' });
    if (r?.ok) say(msg('teamTestOk', [r.teamName || '?', r.tokenLabel || '?']), 'ok');
    else if (r?.error === 'unauthorized') say(msg('teamTestUnauthorized'), 'error');
    else if (r?.error === 'timeout') say(msg('teamTestTimeout'), 'error');
    else say(msg('teamTestUnreachable', [String(r?.status ?? r?.message ?? r?.error ?? '')]), 'error');
    await refresh();
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const s = serverOf(server.value);
    if (!s) { say(msg('teamBadServer'), 'error'); server.focus(); return; }
    const t = token.value.trim();
    const keepToken = !t && state?.hasToken && state.server === s.origin;
    if (!keepToken && !TOKEN.test(t)) { say(msg('teamBadToken'), 'error'); token.focus(); return; }
    const name = by.value.trim();
    if (!name) { say(msg('teamBadBy'), 'error'); by.focus(); return; }
    // In the click itself (a user gesture): the browser asks the buyer about this one origin.
    chrome.permissions.request({ origins: [s.pattern] }).then(async (granted) => {
      if (!granted) { say(msg('teamDenied'), 'error'); return; }
      const r = await send({ type: 'teamSave', server: s.origin, token: keepToken ? '' : t, by: name });
      if (!r?.ok) {
        say(r?.error === 'token' ? msg('teamBadToken') : r?.error === 'server' ? msg('teamBadServer') : r?.error === 'permission' ? msg('teamDenied') : String(r?.message ?? r?.error), 'error');
        return;
      }
      token.value = '';
      say(msg('teamSaved'), 'ok');
      await refresh();
      await test();
    }, (err) => say(`${msg('teamDenied')} ${err?.message ?? ''}`.trim(), 'error'));
  });

  testBtn.addEventListener('click', () => { test(); });

  offBtn.addEventListener('click', async () => {
    const r = await send({ type: 'teamOff' });
    if (!r?.ok) { say(String(r?.error ?? ''), 'error'); return; }
    server.value = '';
    token.value = '';
    by.value = '';
    say(msg('teamForgotten'), 'ok');
    await refresh();
  });

  refresh();
})();
