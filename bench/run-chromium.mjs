// Times the Go WebAssembly build inside headless Chromium (the extension's
// engine): serves bench/ on 127.0.0.1, opens harness.html with
// playwright-core and /usr/bin/chromium (or $CHROMIUM), prints one JSON
// object per line. Usage: node bench/run-chromium.mjs [sizes]
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const dir = path.dirname(fileURLToPath(import.meta.url));
const sizes = process.argv[2] || '100,1000,5000';
const types = { '.html': 'text/html', '.mjs': 'text/javascript', '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm' };
const allowed = /^\/(harness\.html|harness-core\.mjs|out\/(wasm_exec\.js|reviews\.wasm)|data\/mixed-\d+\.json)$/;

const server = http.createServer((req, res) => {
  const p = new URL(req.url, 'http://x').pathname;
  if (!allowed.test(p)) {
    res.writeHead(404).end();
    return;
  }
  const file = path.join(dir, p);
  res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/harness.html?sizes=${sizes}`);
  await page.waitForFunction(() => window.__bench, null, { timeout: 300000, polling: 200 });
  const out = await page.evaluate(() => window.__bench);
  if (out.error) throw new Error(out.error);
  const version = browser.version();
  for (const r of out) console.log(JSON.stringify({ ...r, browser: version }));
} finally {
  await browser.close();
  server.close();
}
