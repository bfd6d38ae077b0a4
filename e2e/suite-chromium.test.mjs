// The shared end-to-end suite (e2e/suite.mjs) in Debian's Chromium on
// dist/chrome: the same test bodies as e2e/firefox.test.mjs, one browser for
// the file. The Chromium-only checks are in the other *.test.mjs files.
// Run: bash scripts/build.sh && node --test e2e/suite-chromium.test.mjs
import { DIST, launchChromium } from './browser.mjs';
import { defineSuite, SITE_ACCESS_TEST } from './suite.mjs';

defineSuite((port) => launchChromium(DIST, port), {
  only: {
    [SITE_ACCESS_TEST]: 'Chromium grants host_permissions at install and refuses to remove them by API (chrome.permissions.remove: "required permissions"), so the withheld state cannot be set up here',
  },
});
