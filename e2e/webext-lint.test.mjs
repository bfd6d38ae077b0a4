// Mozilla's addons-linter (via web-ext, pinned in package.json) on the built
// extension: the same files must load in Firefox. Offline, about a second.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DIST, ROOT, assertBuilt } from './browser.mjs';

// Firefox ignores background.service_worker and uses background.scripts: expected.
const EXPECTED_WARNINGS = new Set(['BACKGROUND_SERVICE_WORKER_IGNORED']);

test('web-ext lint: no errors, no notices, only the expected warning', async () => {
  assertBuilt();
  const bin = join(ROOT, 'node_modules', '.bin', 'web-ext');
  const { stdout } = await promisify(execFile)(bin, ['lint', '--source-dir', DIST, '--output', 'json', '--no-config-discovery'], {
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
    maxBuffer: 16 << 20,
  }).catch((e) => e); // web-ext exits non-zero on errors; the JSON still says which
  const report = JSON.parse(stdout);
  const show = (list) => list.map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`);
  assert.deepEqual(show(report.errors), []);
  assert.deepEqual(show(report.notices), []);
  assert.deepEqual(show(report.warnings.filter((w) => !EXPECTED_WARNINGS.has(w.code))), []);
});
