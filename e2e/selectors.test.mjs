// Page detectors of extension/selectors.js against real 1688 addresses (and
// addresses they must leave alone), and the manifest's content-script matches
// against the same addresses: every page a detector accepts must get the
// content scripts. Static: no build, no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModules } from './modules.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));

const ext = loadModules(['selectors.js'], { URL });
const idOf = (href) => ext.detectPage(href)?.id ?? null;

// Real addresses (docs 1688-pages.md §1, internal/page/testdata/real) and what each is.
const PAGES = {
  'https://detail.1688.com/offer/597090034012.html': 'offer',
  'https://detail.1688.com/offer/597090034012.html?sk=consign': 'offer',
  'https://m.1688.com/offer/597090034012.html?sk=order': 'offer-mobile',
  'https://shop1467652076311.1688.com': 'shop',
  'https://shop3e67986509770.1688.com/page/creditdetail.htm': 'shop',
  'https://shop1416933982155.1688.com/page/offerlist.htm': 'shop',
  'https://shop1416933982155.1688.com/page/contactinfo.htm': 'shop',
  'https://ccgame.1688.com/page/index.html': 'shop',
  'https://ccgame.1688.com/page/creditdetail.html': 'shop',
  'https://ccgame.1688.com/page/contactinfo.html': 'shop',
  'http://wwm16888.1688.com/page/creditdetail.htm': 'shop',
  'https://winport.m.1688.com/page/index.html?memberId=b2b-406915100661872': 'shop-mobile',
  'https://m.1688.com/winport/b2b-29266662898cf9d.html': 'shop-mobile',
  'https://wp.m.1688.com/page/businessinfor.html?memberId=b2b-1634230375&bizCode=winport': 'licence',
  'https://sale.1688.com/factory/card.html?memberId=b2b-1634230375&__recSource__=win_port&facMemId=b2b-1634230375': 'factory-card',
  // not ours
  'https://www.1688.com/': null,
  // search and list pages
  'https://s.1688.com/selloffer/offer_search.htm?keywords=abc': 'search',
  'https://s.1688.com/selloffer/offer_search.htm?keywords=%CA%D6%BB%FA%BF%C7&beginPage=2': 'search',
  'https://s.1688.com/company/company_search.htm?keywords=%CA%CE%C6%B7': 'search',
  'https://s.1688.com/youyuan/index.htm?tab=imageSearch': null,
  'https://s.1688.com/selloffer/other.htm': null,
  'https://search.1688.com/service/companySearchBusinessService?keywords=a': null,
  'https://h5api.m.1688.com/h5/mtop.1688.moga.pc.shopcard/1.0/': null,
  'https://login.1688.com/member/signin.htm': null,
  'https://detail.1688.com/': null,
  'https://m.1688.com/': null,
  'https://air.1688.com/pages/od/app-desc/x/index.html': null,
  'https://sale.1688.com/factory/other.html': null,
  'https://shop.1688.com/': null,
  'https://ccgame.1688.com/page/albumlist.htm': null,
  'https://ccgame.1688.com/page/feedback.htm': null,
  'https://wp.m.1688.com/page/other.html': null,
  'https://deep.sub.1688.com/': null,
  'https://example.com/offer/1.html': null,
  'https://1688.com.evil.example/offer/1.html': null,
  'javascript:alert(1)': null,
};

test('page detectors: real store, licence, factory-card and offer addresses; service hosts and other sub-pages left alone', () => {
  const got = Object.fromEntries(Object.keys(PAGES).map((u) => [u, idOf(u)]));
  assert.deepEqual(got, PAGES);
  for (const [u, id] of Object.entries(PAGES)) {
    if (id && id !== 'offer' && id !== 'offer-mobile' && id !== 'search') assert.equal(ext.detectPage(u).store, true, `${u} is a store page`);
  }
});

/** Chrome match-pattern semantics for the patterns the manifest uses (scheme *, host *.domain or exact, path glob). */
function matches(pattern, href) {
  const m = /^(\*|https?):\/\/(\*|\*\.[^/]+|[^/*]+)(\/.*)$/.exec(pattern);
  assert.ok(m, `unsupported pattern ${pattern}`);
  const u = new URL(href);
  if (!['http:', 'https:'].includes(u.protocol) || (m[1] !== '*' && `${m[1]}:` !== u.protocol)) return false;
  const host = m[2];
  if (host.startsWith('*.')) {
    const base = host.slice(2);
    if (u.hostname !== base && !u.hostname.endsWith(`.${base}`)) return false;
  } else if (host !== '*' && host !== u.hostname) return false;
  const glob = new RegExp(`^${m[3].split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return glob.test(u.pathname + u.search);
}
const injected = (cs, href) => cs.matches.some((p) => matches(p, href)) && !(cs.exclude_matches ?? []).some((p) => matches(p, href));

test('manifest: every page a detector accepts gets both content scripts; excluded hosts are never pages of ours', () => {
  for (const [u, id] of Object.entries(PAGES)) {
    if (!id) continue;
    // capture.js (MAIN) and the isolated scripts, each from one of their entries (search pages have their own pair).
    for (const main of [true, false]) {
      const entries = manifest.content_scripts.filter((cs) => (cs.world === 'MAIN') === main);
      assert.ok(entries.some((cs) => injected(cs, u)), `${main ? 'capture.js' : 'content scripts'} not injected on ${u}`);
    }
  }
  for (const p of manifest.content_scripts[0].exclude_matches) {
    const host = p.replace(/^\*:\/\//, '').replace(/\/\*$/, '');
    for (const path of ['/', '/offer/1.html', '/page/creditdetail.htm', '/factory/card.html']) {
      assert.equal(idOf(`https://${host}${path}`), null, `${host}${path} is excluded in the manifest but a detector accepts it`);
    }
  }
});

test('selectors: every group is a non-empty list of valid-looking CSS selectors', () => {
  for (const [name, list] of Object.entries(ext.selectors)) {
    assert.ok(Array.isArray(list) && list.length > 0, name);
    for (const sel of list) assert.match(sel, /^[#.\w[\]="*:\-\s>/()]+$/, `${name}: ${sel}`);
  }
  // Every page's anchors exist as selector groups.
  for (const p of ext.pages) for (const a of p.anchors) assert.ok(ext.selectors[a], `${p.id} anchor ${a}`);
});
