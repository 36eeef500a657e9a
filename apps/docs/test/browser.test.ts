// The built site (apps/docs/dist) in Debian's chromium: every page renders, with no console error,
// no failed request and no request to any host but the site's own; a screenshot of each page goes to
// test-output/docs/.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot, listApis } from '@oapi/api-list';
import { operationList } from '@oapi/codegen';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChangelogs } from '../src/changelog.js';
import { findClientPackage } from '../src/client-package.js';
import { specWebhooks, type Json } from '../src/spec-json.js';
import { startStaticServer, type StaticServer } from '../src/static-server.js';
import { foreignRequests, launchChromium, recordContext, watchConsole, type PageRecord } from './browser.js';

const repoRoot = findRepoRoot(import.meta.dirname);
const siteDir = join(import.meta.dirname, '..', 'dist');
const shots = join(repoRoot, 'test-output', 'docs');
const apis = await listApis(repoRoot);
const changelogs = await readChangelogs(repoRoot, apis);

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(siteDir, 'index.html')))
    throw new Error(`${siteDir} holds no site: run \`pnpm build\` before the browser tests`);
  mkdirSync(shots, { recursive: true });
  server = await startStaticServer(siteDir);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a site page in a fresh context, runs `check` on it, then asserts that it stayed clean. */
async function visit(path: string, shot: string, check: (page: Page) => Promise<void>): Promise<PageRecord> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const record = await recordContext(context, server.url);
  try {
    const page = await context.newPage();
    watchConsole(page, record);
    await page.goto(`${server.url}/${path}`, { waitUntil: 'load' });
    await check(page);
    await page.screenshot({ path: join(shots, shot) });
  } finally {
    await context.close();
  }
  expect(record.errors, `console errors on ${path}`).toEqual([]);
  expect(record.failedResponses, `failed requests on ${path}`).toEqual([]);
  expect(foreignRequests(record, server.url), `requests that left localhost on ${path}`).toEqual([]);
  expect(record.requests.length).toBeGreaterThan(0);
  return record;
}

const bundled = (id: string) => JSON.parse(readFileSync(join(repoRoot, 'dist', `${id}.openapi.json`), 'utf8')) as Json;

/** The operationIds Redoc rendered: its sections are `operation/<id>` and `tag/<tag>/operation/<id>`. */
async function renderedOperations(page: Page): Promise<Set<string>> {
  const ids = await page.$$eval('[data-section-id]', (elements) =>
    elements.map((e) => e.getAttribute('data-section-id') ?? ''),
  );
  return new Set(
    ids.map((id) => /(?:^|\/)operation\/(.+)$/.exec(id)?.[1]).filter((id): id is string => id !== undefined),
  );
}

describe('the request recorder', () => {
  it('catches a request to another host, such as the CDN logo the unpatched Redoc loads (the check is real)', async () => {
    const context = await browser.newContext();
    const record = await recordContext(context, server.url);
    const page = await context.newPage();
    await page.goto(`${server.url}/index.html`);
    await page.evaluate(
      () =>
        new Promise((done) =>
          Object.assign(new Image(), { onerror: done, onload: done, src: 'https://cdn.redoc.ly/redoc/logo-mini.svg' }),
        ),
    );
    await context.close();
    expect(foreignRequests(record, server.url)).toEqual(['https://cdn.redoc.ly/redoc/logo-mini.svg']);
  });
});

describe('the landing page', () => {
  it('lists every API of redocly.yaml with working links, cleanly', async () => {
    await visit('index.html', 'index.png', async (page) => {
      for (const api of apis) {
        const card = page.locator(`li.provider#${api.id}`);
        await expect(card.count()).resolves.toBe(1);
        const text = await card.textContent();
        expect(text).toContain(String((bundled(api.id).info as Json).version));
        expect(text).toContain(
          findClientPackage(repoRoot, api, bundled(api.id)) ? `npm install ${api.client.name}` : 'client in progress',
        );
        for (const href of await card
          .locator('a')
          .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))) {
          expect((await page.request.get(href)).status(), href).toBe(200);
        }
      }
    });
  });
});

describe.each(apis.map((api) => [api.id, api] as const))('%s', (id, api) => {
  const spec = bundled(id);
  const operations = operationList(spec);
  const webhooks = specWebhooks(spec);

  it('reference: shows every operation and webhook of the bundled spec, its download, search, offline', async () => {
    const expected = new Set([...operations.map((op) => op.operationId), ...webhooks.map((w) => w.operationId)]);
    const target = operations.at(-1)!;
    await visit(`${id}/index.html`, `${id}.png`, async (page) => {
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-section-id*="operation/"]').length >= n,
        expected.size,
        { timeout: 30_000 },
      );
      const rendered = await renderedOperations(page);
      expect(rendered.size).toBe(operations.length + webhooks.length);
      expect(rendered).toEqual(expected);

      const downloads = await page
        .locator('a[download]')
        .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      expect(downloads).toEqual([`${server.url}/downloads/${id}.openapi.yaml`]);
      expect((await page.request.get(downloads[0]!)).status()).toBe(200);

      await page.locator('input[placeholder="Search..."]').fill(target.summary!);
      const results = page.locator('[data-role="search:results"]');
      await results.waitFor({ timeout: 10_000 });
      await expect(results.textContent()).resolves.toContain(target.summary);
    });
  });

  it('reference: code samples use the generated client when there is one', async () => {
    const client = findClientPackage(repoRoot, api, spec);
    await visit(`${id}/index.html`, `${id}-samples.png`, async (page) => {
      await page.waitForSelector('[data-section-id*="operation/"]', { timeout: 30_000 });
      // One sample tab per operation (Redoc selects the payload tab first where there is a body).
      const tabs = page.getByRole('tab', { name: `@oapi/${id}`, exact: true });
      await expect(tabs.count()).resolves.toBe(client ? operations.length : 0);
      if (!client) return;
      const last = tabs.last();
      await last.scrollIntoViewIfNeeded();
      await last.click();
      const panel = page.locator(`[id="${await last.getAttribute('aria-controls')}"]`);
      await expect(panel.textContent()).resolves.toContain(`${client.factory}({`);
    });
  });

  it('changelog: renders the entries of the spec history cleanly, each with its date, hash, bump and findings', async () => {
    const changelog = changelogs.get(id)!;
    await visit(`${id}/changelog.html`, `${id}-changelog.png`, async (page) => {
      if ('unavailable' in changelog) {
        await expect(page.locator('#history-unavailable').textContent()).resolves.toContain(changelog.unavailable);
        return;
      }
      const entries = page.locator('li.entry');
      await expect(entries.count()).resolves.toBe(changelog.entries.length);
      for (const [i, entry] of changelog.entries.entries()) {
        const text = await entries.nth(i).textContent();
        for (const part of [
          entry.date.slice(0, 10),
          entry.subject,
          entry.shortCommit,
          entry.bump === 'none' ? 'no release needed' : `${entry.bump} release`,
        ])
          expect(text).toContain(part);
        await expect(entries.nth(i).locator('.findings li:not(:has(li))').count()).resolves.toBe(entry.findings.length);
      }
      await expect(page.locator('.site-nav a', { hasText: 'Changelog' }).getAttribute('href')).resolves.toBe(
        'changelog.html',
      );
    });
  });

  it('authentication guide: renders cleanly, with a quickstart when there is a client', async () => {
    const client = findClientPackage(repoRoot, api, spec);
    await visit(`${id}/auth.html`, `${id}-auth.png`, async (page) => {
      const text = await page.locator('main').textContent();
      expect(text).toContain('authentication');
      if (client) expect(await page.locator('#quickstart pre').last().textContent()).toContain(client.factory);
      else expect(text).toContain('is in progress');
    });
  });
});
