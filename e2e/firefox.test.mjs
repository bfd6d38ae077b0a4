// End-to-end in Debian's firefox-esr over WebDriver BiDi (e2e/firefox.mjs):
// the shared suite (e2e/suite.mjs) on dist/firefox, one browser and profile
// for the file, then what only Firefox has.
// Run: bash scripts/build.sh && node --test e2e/firefox.test.mjs
import { DIST_FIREFOX } from './browser.mjs';
import { launchFirefox } from './firefox.mjs';
import { defineSuite } from './suite.mjs';

defineSuite((port) => launchFirefox(DIST_FIREFOX, port));
