#!/usr/bin/env node
// The docs site in Debian's chromium: page weight and time to the first operation of the largest
// provider's reference, cold (fresh context, no cache), medians of BENCH_RUNS loads, at 1440 px and
// at 390 px with 4x CPU throttling; against a baseline measured in the same run: the same renderer
// and page shell with a one-operation spec (what any reference page costs). Also what the console
// (Scalar, loaded only when the reader asks for it) costs. Ratios and figures, no timed
// assertions. Needs `pnpm build` first (apps/docs/dist).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
const { buildSite } = await import('../apps/docs/src/build-site.ts');
const { launchChromium, recordContext, foreignRequests } = await import('../apps/docs/test/browser.ts');

const runs = Number(process.env.BENCH_RUNS ?? 5);
try {
  statSync(join(site, 'index.html'));
} catch {
  console.error('apps/docs/dist holds no site: run `pnpm build` first.');
  process.exit(1);
}

// The largest provider: the one with the biggest bundled spec.
const apis = await listApis(root);
const sizes = apis.map((api) => ({ id: api.id, bytes: statSync(join(root, api.bundled.json)).size }));
const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));

// The baseline: a site built by the same code from a one-operation spec.
const baselineRoot = mkdtempSync(join(tmpdir(), 'docs-bench-'));
mkdirSync(join(baselineRoot, 'dist'));
const oneOperation = {
  openapi: '3.1.0',
  info: { title: 'Baseline', version: '1' },
  servers: [{ url: 'https://api.example.com' }],
  paths: { '/ping': { get: { operationId: 'ping', summary: 'Ping', responses: { 200: { description: 'pong' } } } } },
};
writeFileSync(join(baselineRoot, 'dist', 'baseline.openapi.json'), JSON.stringify(oneOperation));
writeFileSync(join(baselineRoot, 'dist', 'baseline.openapi.yaml'), JSON.stringify(oneOperation));
writeFileSync(join(baselineRoot, 'redocly.yaml'), 'apis:\n  baseline@v1:\n    root: spec/baseline/openapi.yaml\n');
const stderr = console.error;
console.error = () => undefined; // the baseline is not a git repository: its changelog warning is noise here
await buildSite(baselineRoot, join(baselineRoot, 'site'));
console.error = stderr;

// Milliseconds from navigation start until the first operation is in the page and a frame that
// shows it has been produced (two animation frames later).
const watchFirstOperation = () => {
  const seen = () => {
    if (window.__firstOperation !== undefined || !document.querySelector('section.operation')) return false;
    requestAnimationFrame(() => requestAnimationFrame(() => (window.__firstOperation ??= performance.now())));
    return true;
  };
  new MutationObserver((_, observer) => seen() && observer.disconnect()).observe(document, {
    childList: true,
    subtree: true,
  });
};

async function measure(browser, server, path, { width, throttle }) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
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
  if (throttle > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
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

/** The console page: bytes, and milliseconds until Scalar has rendered the operation it was asked for. */
async function measureConsole(browser, server, path) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const record = await recordContext(context, server.url);
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(`${server.url}/${path}`);
  await page.getByRole('dialog', { name: 'API Client' }).waitFor({ timeout: 60_000 });
  const ready = Date.now() - started;
  await page.waitForLoadState('networkidle');
  await context.close();
  const foreign = foreignRequests(record, server.url);
  if (foreign.length > 0) throw new Error(`${path} requested ${foreign.join(', ')}`);
  return { ready, bytes: [...record.bytes.values()].reduce((a, b) => a + b, 0), requests: record.requests.length };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function sample(fn, times = runs) {
  const results = [];
  for (let i = 0; i < times; i++) results.push(await fn());
  return Object.fromEntries(Object.keys(results[0]).map((key) => [key, median(results.map((r) => r[key]))]));
}

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`.padStart(8);
const ms = (value) => `${value.toFixed(0)} ms`.padStart(9);
const ratio = (a, b) => `${(a / b).toFixed(2)}x`.padStart(8);

const siteServer = await startStaticServer(site);
const baselineServer = await startStaticServer(join(baselineRoot, 'site'));
const browser = await launchChromium();
try {
  const { referenceOperations } = await import('../apps/docs/src/reference-operations.ts');
  const spec = JSON.parse(readFileSync(join(root, 'dist', `${largest.id}.openapi.json`), 'utf8'));
  const first = referenceOperations(spec)[0];
  const target = `${largest.id}/index.html`;
  const rows = [];
  for (const [label, server, path] of [
    ['baseline (one operation)', baselineServer, 'baseline/index.html'],
    [`${largest.id} reference (largest)`, siteServer, target],
  ]) {
    const wide = await sample(() => measure(browser, server, path, { width: 1440, throttle: 1 }));
    const deep = await sample(() =>
      measure(browser, server, `${path}#${label.startsWith('baseline') ? 'ping' : first.operationId}`, {
        width: 1440,
        throttle: 1,
      }),
    );
    const phone = await sample(() => measure(browser, server, path, { width: 390, throttle: 4 }));
    rows.push({ label, wide, deep, phone });
  }
  const console_ = await sample(
    () => measureConsole(browser, siteServer, `${largest.id}/console.html#tag/${first.tagSlug}/${first.operationId}`),
    3,
  );

  console.log(`${runs} cold loads each (fresh browser context, no cache), medians; every request stayed on 127.0.0.1.`);
  console.log(
    'first operation: in the page and painted. Targets: <= 1000 ms at 1440 px, <= 3000 ms at 390 px with 4x CPU.',
  );
  console.log(
    '                                 transferred  gzipped  first op 1440  deep link 1440  first op 390/4x  requests',
  );
  for (const { label, wide, deep, phone } of rows)
    console.log(
      `${label.padEnd(32)}${kb(wide.bytes)} ${kb(wide.gzipped)}    ${ms(wide.firstOperation)}       ${ms(deep.firstOperation)}        ${ms(phone.firstOperation)}  ${String(wide.requests).padStart(8)}`,
    );
  const [base, big] = rows;
  console.log(
    `${`${largest.id} / baseline`.padEnd(32)}${ratio(big.wide.bytes, base.wide.bytes)} ${ratio(big.wide.gzipped, base.wide.gzipped)}    ${ratio(big.wide.firstOperation, base.wide.firstOperation).padStart(9)}       ${ratio(big.deep.firstOperation, base.deep.firstOperation).padStart(9)}        ${ratio(big.phone.firstOperation, base.phone.firstOperation).padStart(9)}`,
  );
  console.log(
    `console (Scalar, on demand)     ${kb(console_.bytes)}   operation open after ${console_.ready.toFixed(0)} ms (median of 3), ${console_.requests} requests`,
  );
} finally {
  await browser.close();
  await siteServer.close();
  await baselineServer.close();
  rmSync(baselineRoot, { recursive: true, force: true });
}
