// Mozilla's addons-linter (via web-ext, pinned in package.json) on Firefox's
// build (dist/firefox, its own manifest), as addons.mozilla.org runs it on
// upload. Offline, about a second.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DIST_FIREFOX, ROOT, assertBuilt } from './browser.mjs';

test('web-ext lint on dist/firefox: no errors, no warnings, no notices', async () => {
  assertBuilt(DIST_FIREFOX);
  const bin = join(ROOT, 'node_modules', '.bin', 'web-ext');
  const { stdout } = await promisify(execFile)(bin, ['lint', '--source-dir', DIST_FIREFOX, '--output', 'json', '--no-config-discovery'], {
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
    maxBuffer: 16 << 20,
  }).catch((e) => e); // web-ext exits non-zero on errors; the JSON still says which
  const report = JSON.parse(stdout);
  const show = (list) => list.map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`);
  assert.deepEqual(show(report.errors), []);
  assert.deepEqual(show(report.notices), []);
  assert.deepEqual(show(report.warnings), []);
});
