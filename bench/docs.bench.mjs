#!/usr/bin/env node
// The docs site in Debian's chromium: page weight and time to the first rendered operation of the
// largest provider's reference page, against a baseline measured in the same run: the same Redoc
// bundle and page shell rendering a one-operation spec (what any Redoc page costs). Ratios, no
// timed assertions. Needs `pnpm build` first (apps/docs/dist).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { register } from 'tsx/esm/api';
import { listApis } from '@oapi/api-list';

register();
const root = fileURLToPath(new URL('..', import.meta.url));
const site = join(root, 'apps/docs/dist');
const { startStaticServer } = await import('../apps/docs/src/static-server.ts');
const { launchChromium, recordContext, foreignRequests } = await import('../apps/docs/test/browser.ts');

const runs = Number(process.env.BENCH_RUNS ?? 5);

if (!existsSync(join(site, 'index.html'))) {
  console.error('apps/docs/dist holds no site: run `pnpm build` first.');
  process.exit(1);
}

// The largest provider: the one with the biggest bundled spec.
const apis = await listApis(root);
const sizes = apis.map((api) => ({ id: api.id, bytes: statSync(join(root, api.bundled.json)).size }));
const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));

// The baseline: the reference page shell with a one-operation spec, served beside the same assets.
const baselineDir = mkdtempSync(join(tmpdir(), 'docs-bench-'));
mkdirSync(join(baselineDir, 'assets'));
mkdirSync(join(baselineDir, 'baseline'));
for (const file of ['favicon.svg', 'assets/site.css', 'assets/redoc.standalone.js'])
  copyFileSync(join(site, file), join(baselineDir, file));
const oneOperation = {
  openapi: '3.1.0',
  info: { title: 'Baseline', version: '1' },
  paths: { '/ping': { get: { operationId: 'ping', summary: 'Ping', responses: { 200: { description: 'pong' } } } } },
};
writeFileSync(
  join(baselineDir, 'baseline/index.html'),
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Baseline</title>
<link rel="icon" href="../favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="../assets/site.css"></head>
<body class="reference"><div id="redoc"></div><script src="../assets/redoc.standalone.js"></script>
<script>Redoc.init(${JSON.stringify(oneOperation)}, { hideLoading: true }, document.getElementById('redoc'));</script></body></html>`,
);

// Milliseconds from navigation start until Redoc has put the first operation into the page.
const watchFirstOperation = () => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-section-id*="operation/"]')) {
      window.__firstOperation = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

async function measure(browser, server, path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const record = await recordContext(context, server.url);
  const bodies = [];
  context.on('response', (response) =>
    bodies.push(
      response.body().then(
        (body) => gzipSync(body).length,
        () => 0,
      ),
    ),
  );
  const page = await context.newPage();
  await page.addInitScript(watchFirstOperation);
  await page.goto(`${server.url}/${path}`);
  await page.waitForFunction(() => window.__firstOperation !== undefined, undefined, { timeout: 60_000 });
  const firstOperation = await page.evaluate(() => window.__firstOperation);
  await page.waitForLoadState('networkidle');
  await context.close();
  const foreign = foreignRequests(record, server.url);
  if (foreign.length > 0) throw new Error(`${path} requested ${foreign.join(', ')}`);
  const bytes = [...record.bytes.values()].reduce((a, b) => a + b, 0);
  const gzipped = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
  return { bytes, gzipped, firstOperation, requests: record.requests.length };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function sample(browser, server, path) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await measure(browser, server, path));
  return {
    bytes: median(results.map((r) => r.bytes)),
    gzipped: median(results.map((r) => r.gzipped)),
    firstOperation: median(results.map((r) => r.firstOperation)),
    requests: results[0].requests,
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`.padStart(8);
const ms = (value) => `${value.toFixed(0)} ms`.padStart(8);

const siteServer = await startStaticServer(site);
const baselineServer = await startStaticServer(baselineDir);
const browser = await launchChromium();
try {
  const baseline = await sample(browser, baselineServer, 'baseline/index.html');
  const target = await sample(browser, siteServer, `${largest.id}/index.html`);
  console.log(`${runs} cold loads each (fresh browser context, no cache), medians; every request stayed on 127.0.0.1.`);
  console.log(`                                      transferred   gzipped   first operation   requests`);
  console.log(
    `baseline (Redoc, one operation)       ${kb(baseline.bytes)}    ${kb(baseline.gzipped)}   ${ms(baseline.firstOperation)}          ${baseline.requests}`,
  );
  console.log(
    `${`${largest.id} reference (largest spec)`.padEnd(38)}${kb(target.bytes)}    ${kb(target.gzipped)}   ${ms(target.firstOperation)}          ${target.requests}`,
  );
  console.log(
    `${largest.id} / baseline                  ${`${(target.bytes / baseline.bytes).toFixed(2)}x`.padStart(8)}    ${`${(target.gzipped / baseline.gzipped).toFixed(2)}x`.padStart(8)}   ${`${(target.firstOperation / baseline.firstOperation).toFixed(2)}x`.padStart(8)}`,
  );
} finally {
  await browser.close();
  await siteServer.close();
  await baselineServer.close();
  rmSync(baselineDir, { recursive: true, force: true });
}
