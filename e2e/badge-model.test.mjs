// extension/view.js's badge model and change reason as pure functions (no
// DOM is touched by them): "Checking…" never carries a level; a level that
// changed after it was shown says from what and why; the language setting
// decides the words (accessible names too). Static: no build, no browser
// (search.js gives the store years in the panel language).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModules } from './modules.mjs';

/** view.js and search.js with the language setting saved as `language`. */
async function load(language, browserLanguage = 'en-US') {
  const ext = loadModules(['settings.js', 'view.js', 'search.js'], { navigator: { language: browserLanguage }, TextEncoder });
  await ext.saveSettings({ language }); // no chrome.storage here: sets the settings in effect
  return ext;
}

const finding = (id, severity, en) => ({ id, severity, title: { en, zh: `${en}（中文）` }, evidence: '', advice: { en: '', zh: '' } });
const trusted = { level: 'trusted', score: 80, readable: true, supplier: { storeAgeYears: 11 }, findings: [finding('badge-trustpass', 'positive', 'TrustPass')], summary: { reason: { en: '11 years on 1688, no warning signs', zh: '入驻1688共11年，无危险信号' } } };
const caution = { ...trusted, level: 'caution', score: 62, findings: [...trusted.findings, finding('review-near-duplicate', 'medium', 'Many reviews look copied')] };

test('"Checking…" names what it waits for and never shows a level', async () => {
  const ext = await load('auto');
  const m = ext.badgeModel({ phase: 'checking', waitingFor: ['store-age', 'reviews'] });
  assert.equal(m.level, 'unknown');
  assert.equal(m.score, null);
  assert.equal(m.text, 'Checking… store age, reviews');
  const zh = (await load('zh')).badgeModel({ phase: 'checking', waitingFor: ['store-age'] });
  assert.equal(zh.text, '检查中… 店铺年限');
});

test('a later change of level is shown as a change, with its reason', async () => {
  const ext = await load('auto');
  const reason = ext.changeReason(trusted, caution);
  assert.deepEqual({ ...reason }, { en: 'new warning: Many reviews look copied', zh: '新风险提示：Many reviews look copied（中文）' });
  const m = ext.badgeModel({ phase: 'ready', verdict: caution, change: { from: 'trusted', to: 'caution', reason } });
  assert.equal(m.text, 'Caution · 62 · 11 yrs');
  assert.equal(m.was, 'Trusted');
  assert.match(m.label, /^TrustLens: Caution, score 62, 11 yrs on 1688\. 11 years on 1688, no warning signs\. Was Trusted: new warning: Many reviews look copied\. Show details\.$/);
  assert.equal(m.change, 'Was Trusted: new warning: Many reviews look copied');
  const zh = (await load('auto', 'zh-CN')).badgeModel({ phase: 'ready', verdict: caution, change: { from: 'trusted', to: 'caution', reason } });
  assert.equal(zh.change, '原为可信（新风险提示：Many reviews look copied（中文））');
  assert.equal(ext.badgeModel({ phase: 'ready', verdict: caution }).change, null);
  // A warning that went away, and a store age that arrived, are reasons too.
  assert.equal(ext.changeReason(caution, trusted).en, 'no longer: Many reviews look copied');
  const noAge = { ...caution, supplier: { storeAgeYears: null } };
  assert.equal(ext.changeReason(noAge, { ...noAge, supplier: { storeAgeYears: 3 }, findings: noAge.findings }).en, 'store age read: 3 yrs');
});

test('one language setting: English in an English browser, Chinese throughout in a Chinese one (accessible name too)', async () => {
  assert.equal((await load('auto')).uiLang, 'en');
  const zh = await load('auto', 'zh-CN');
  assert.equal(zh.uiLang, 'zh');
  const m = zh.badgeModel({ phase: 'ready', verdict: trusted });
  assert.match(m.text, /^可信 · 80 · 11年$/);
  assert.match(m.label, /^TrustLens：可信，评分 80。/);
  assert.equal((await load('both')).pairText({ en: 'Caution', zh: '谨慎' }), 'Caution 谨慎');
  assert.equal((await load('en')).pairText({ en: 'Caution', zh: '谨慎' }), 'Caution');
});
