// Screenshots of the badge and the open panel for the README and docs/:
// a high-risk, a caution, a trusted and an unreadable (security check) offer
// page, in an English and in a Chinese panel, at 1280x800 (what the panel
// shows before "show more"). The pages are the end-to-end fixtures
// (e2e/pages.mjs: real captures; the security check is the real anti-bot page).
// Run: bash scripts/screenshots.sh (builds the extension first), or
//      node e2e/screenshots.mjs with dist/chrome built.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { DIST, ROOT, launch, waitForVerdict } from './browser.mjs';

const OUT = join(ROOT, 'docs', 'screenshots');
const PAGES = [
  ['high-risk', '900000000001', 'high-risk'], // new store asking for WeChat payment (real model B + edited attribute)
  ['caution', '943009939489', 'caution'], // real G3 page, no store age
  ['trusted', '597090034012', 'trusted'], // real G2 page + shopcard, 11 years
  ['unreadable', '900000000009', 'unknown'], // 1688's security check instead of the page
];
const LANGS = [['en', 'auto'], ['zh', 'zh']]; // file suffix, language setting (the browser is English)

const server = await startServer();
const browser = await launch(DIST, server.port);
try {
  mkdirSync(OUT, { recursive: true });
  const sw = await browser.worker();
  await sw.evaluate(() => chrome.storage.local.set({ tlTestOpenShadow: true, prefs: { panelOpenByDefault: true } }));
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  // The first page of a fresh browser waits for the core's cold start: load one before the shots.
  await page.goto('http://detail.1688.com/offer/900000000003.html');
  await waitForVerdict(page, 60_000);
  for (const [suffix, language] of LANGS) {
    await sw.evaluate((lang) => chrome.storage.sync.set({ settings: { language: lang } }), language);
    for (const [name, id, level] of PAGES) {
      await page.goto(`http://detail.1688.com/offer/${id}.html`);
      const o = await waitForVerdict(page, 30_000);
      if (o.level !== level) throw new Error(`${name}: level ${o.level}, expected ${level}`);
      await page.waitForTimeout(300); // fonts settle
      const file = join(OUT, `${name}-${suffix}.png`);
      await page.screenshot({ path: file });
      console.log(`${file}: ${o.badgeText}`);
    }
  }
  await sw.evaluate(() => chrome.storage.sync.remove('settings'));
} finally {
  await browser.close();
  await server.close();
}
