// Extension modules for tests outside the built extension: esbuild bundles them
// (as the build does) into one classic script. loadModules runs it in a node:vm
// sandbox, its exports on sandbox.exports, so each test chooses the globals the code may see
// (navigator, chrome, …) and nothing else leaks in.
import { buildSync } from 'esbuild';
import vm from 'node:vm';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const EXT = join(dirname(fileURLToPath(import.meta.url)), '..', 'extension');

/** One classic script defining `var <globalName>` = the exports of the given extension files. */
export function bundle(files, globalName = 'exports') {
  const { outputFiles } = buildSync({
    stdin: { contents: files.map((f) => `export * from './${f}';`).join('\n'), resolveDir: EXT, sourcefile: 'test-entry.js' },
    bundle: true, format: 'iife', globalName, target: 'es2022', write: false, logLevel: 'error',
  });
  return outputFiles[0].text;
}

/** The exports of the given extension files (e.g. 'view.js'), run in sandbox. */
export function loadModules(files, sandbox = {}) {
  sandbox.globalThis ??= sandbox;
  vm.runInNewContext(bundle(files), sandbox, { filename: files.join('+') });
  return sandbox.exports;
}
