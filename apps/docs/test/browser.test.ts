// The built site (apps/docs/dist) in Debian's chromium, page by page, for what each shows: every
// operation and webhook of each spec in the reference's HTML, samples in tabs labelled by language,
// provenance as badges, research notes collapsed, each operation linked to its auth guide section
// and (with an added/changed badge) to its last change, the guides (the changelogs:
// changelog.browser.test.ts); and the site-wide search and provider switcher.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listApis } from '@oapi/api-list';
import { type Finding, rules } from '@oapi/spec-diff';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readChangelogs } from '../src/changelog.js';
import { findClientPackage } from '../src/client-package.js';
import { operationSamples } from '../src/code-samples.js';
import { loadProviders } from '../src/providers.js';
import { referenceOperations } from '../src/reference-operations.js';
import { isObject, type Json } from '../src/spec-json.js';
import { foreignRequests, type PageRecord, recordContext, watchConsole } from './browser.js';
import { bundled, repoRoot, siteDir, siteInBrowser } from './site.js';

const apis = await listApis(repoRoot);
const changelogs = await readChangelogs(repoRoot, apis);
const providers = await loadProviders(repoRoot);

const site = siteInBrowser();

/** Opens a site page in a fresh context, runs `check` on it, then asserts that it stayed clean. */
async function visit(path: string, check: (page: Page) => Promise<void>, width = 1280): Promise<PageRecord> {
  const context = await site.browser.newContext({ viewport: { width, height: 900 } });
  const record = await recordContext(context, site.server.url);
  try {
    const page = await context.newPage();
    watchConsole(page, record);
    await page.goto(`${site.server.url}/${path}`, { waitUntil: 'load' });
    await check(page);
  } finally {
    await context.close();
  }
  expect(record.errors, `console errors on ${path}`).toEqual([]);
  expect(record.failedResponses, `failed requests on ${path}`).toEqual([]);
  expect(foreignRequests(record, site.server.url), `requests that left localhost on ${path}`).toEqual([]);
  return record;
}

describe('the request recorder', () => {
  it('catches a request to another host (the check is real)', async () => {
    const context = await site.browser.newContext();
    const record = await recordContext(context, site.server.url);
    const page = await context.newPage();
    await page.goto(`${site.server.url}/index.html`);
    await page.evaluate(
      () =>
        new Promise((done) =>
          Object.assign(new Image(), { onerror: done, onload: done, src: 'https://fonts.scalar.com/inter.woff2' }),
        ),
    );
    await context.close();
    expect(foreignRequests(record, site.server.url)).toEqual(['https://fonts.scalar.com/inter.woff2']);
  });
});

describe('the landing page', () => {
  it('lists every API of redocly.yaml with working links', async () => {
    await visit('index.html', async (page) => {
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
          .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href)))
          expect((await page.request.get(href)).status(), href).toBe(200);
      }
    });
  });
});

describe.each(apis.map((api) => [api.id, api] as const))('%s', (id, api) => {
  const spec = bundled(id);
  const operations = referenceOperations(spec);
  const html = readFileSync(join(siteDir, id, 'index.html'), 'utf8');

  it('reference: every operation and webhook is in the HTML as served, before any script runs', () => {
    const sections = [...html.matchAll(/<section class="operation" id="([^"]+)"/g)].map((m) => m[1]);
    expect(sections).toEqual(operations.map((op) => op.operationId));
    expect(operations.length).toBeGreaterThan(0);
  });

  it('reference: at 1440 px no code sample is cut off (no tab, no setup scrolls sideways)', async () => {
    await visit(
      `${id}/index.html`,
      async (page) => {
        const cut = await page.evaluate(() => {
          for (const panel of document.querySelectorAll('[role="tabpanel"]')) panel.removeAttribute('hidden');
          return [...document.querySelectorAll('.samples pre, #client-setup pre')]
            .filter((pre) => pre.scrollWidth > pre.clientWidth)
            .map((pre) => `${pre.closest('section')?.id}: ${pre.scrollWidth} > ${pre.clientWidth}`);
        });
        expect(cut).toEqual([]);
      },
      1440,
    );
  });

  it('reference: samples in tabs labelled by language, provenance as badges, research notes collapsed', async () => {
    const client = findClientPackage(repoRoot, api, spec);
    await visit(`${id}/index.html`, async (page) => {
      const curl = page.getByRole('tab', { name: 'curl', exact: true });
      await expect(curl.count()).resolves.toBe(operations.length);
      const tabs = page.getByRole('tab', { name: 'TypeScript', exact: true });
      await expect(tabs.count()).resolves.toBe(client ? operations.filter((op) => op.kind === 'operation').length : 0);
      if (client) {
        const last = tabs.last();
        await last.scrollIntoViewIfNeeded();
        await last.click();
        const panel = page.locator(`[id="${await last.getAttribute('aria-controls')}"]`);
        const samples = operationSamples(providers.find((p) => p.id === id)!);
        const lastOperation = samples.filter((s) => s.typescript).at(-1)!;
        await expect(panel.locator('pre').textContent()).resolves.toBe(lastOperation.typescript);
        await expect(page.locator('#client-setup pre').textContent()).resolves.toContain(`${client.factory}(`);
      }

      // Every x-provenance of an operation or parameter shows as a badge with its meaning.
      for (const op of operations) {
        const section = page.locator(`section.operation[id="${op.operationId}"]`);
        const level = op.operation['x-provenance'];
        if (typeof level === 'string')
          await expect(section.locator(`.endpoint .provenance.${level}`).count()).resolves.toBe(1);
        for (const raw of [...(Array.isArray(op.operation.parameters) ? op.operation.parameters : [])]) {
          if (isObject(raw) && typeof raw['x-provenance'] === 'string' && typeof raw.name === 'string') {
            const row = section.locator('.params tr', { has: page.locator(`td.name code:text-is("${raw.name}")`) });
            await expect(row.locator(`td.name .provenance.${raw['x-provenance']}`).count()).resolves.toBe(1);
          }
        }
      }
      const badges = page.locator('.provenance');
      if ((await badges.count()) > 0) {
        const first = badges.first();
        await first.focus();
        await expect(first.locator('.tooltip').isVisible()).resolves.toBe(true);
        await expect(first.locator('.tooltip').textContent()).resolves.toMatch(/^(Documented|Observed|Inferred):/);
      }
      // No inline mark is left as prose (code spans show them as written).
      const text = await page.locator('main').evaluate((main) => {
        const copy = main.cloneNode(true) as HTMLElement;
        for (const code of copy.querySelectorAll('code')) code.remove();
        return copy.textContent ?? '';
      });
      expect(text).not.toMatch(/\[(doc|documented|inferred|observed)\b[^\]]*\]/);

      const description = String((spec.info as Json).description ?? '');
      const research = page.locator('details#research-notes');
      if (/^## (Research notes|Known slips)/m.test(description)) {
        await expect(research.getAttribute('open')).resolves.toBeNull();
        await expect(page.locator('#introduction > :not(details)').allTextContents()).resolves.not.toContain(
          'Known slips of the docs',
        );
        await research.locator('summary').click();
        await expect(research.locator('h2').allTextContents()).resolves.toEqual(
          [...description.matchAll(/^## (Research notes|Known slips.*)$/gm)].map((m) => m[1]),
        );
      } else await expect(research.count()).resolves.toBe(0);
    });
  });

  it('reference: each operation links to its auth guide section, and to its last change with an added/changed badge', async () => {
    const auth = readFileSync(join(siteDir, id, 'auth.html'), 'utf8');
    const changelogHtml = readFileSync(join(siteDir, id, 'changelog.html'), 'utf8');
    const changelog = changelogs.get(id)!;
    const badges: string[] = [];
    await visit(`${id}/index.html`, async (page) => {
      for (const op of operations.filter((o) => o.kind === 'operation')) {
        const actions = page.locator(`section.operation[id="${op.operationId}"] .actions`);
        for (const href of await actions
          .locator('a[href^="auth.html#"]')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))
          expect(auth, `${op.operationId} links to ${href}`).toContain(`id="${href.split('#')[1]}"`);
        const log = actions.locator('a[href^="changelog.html"]');
        await expect(log.count()).resolves.toBe(1);
        const anchor = (await log.getAttribute('href'))!.split('#')[1];
        if (anchor) expect(changelogHtml).toContain(`id="${anchor}"`);
        if (!('entries' in changelog)) continue;
        // Its newest change the release notes list (not a description or an example), to it or its path.
        const key = `${op.method.toUpperCase()} ${op.name}`;
        const names = (f: Finding) =>
          (f.operation === key || f.operation === op.name) &&
          !(rules[f.id].severity === 'info' && rules[f.id].bump === 'patch');
        const latest = changelog.entries.find((e) => e.findings.some(names));
        if (!latest) {
          await expect(log.locator('.badge').count()).resolves.toBe(0);
          continue;
        }
        const added =
          latest.change === 'added' ||
          latest.findings.some((f) => names(f) && (f.id === 'path-added' || f.id === 'operation-added'));
        const badge = (await log.locator('.badge.change').textContent())!;
        badges.push(badge);
        expect(badge, `${key}: its last change`).toBe(added ? 'added' : 'changed');
        await expect(log.locator('time').getAttribute('datetime')).resolves.toBe(latest.date);
      }
    });
    // Every operation of a spec with a history carries its badge; some were changed since they were added.
    if ('entries' in changelog) expect(badges.length).toBe(operations.filter((o) => o.kind === 'operation').length);
    if (id === 'klika') expect(badges).toContain('changed');
  });

  it('authentication guide: a section per scheme, with a quickstart when there is a client', async () => {
    const client = findClientPackage(repoRoot, api, spec);
    await visit(`${id}/auth.html`, async (page) => {
      const schemes = Object.keys(((spec.components as Json).securitySchemes as Json) ?? {});
      for (const name of schemes) await expect(page.locator(`section#scheme-${name}`).count()).resolves.toBe(1);
      if (client) expect(await page.locator('#quickstart pre').last().textContent()).toContain(client.factory);
      else expect(await page.locator('main').textContent()).toContain('is in progress');
    });
  });
});

describe('search over every provider', () => {
  const all = apis.flatMap((api) => referenceOperations(bundled(api.id)).map((op) => ({ id: api.id, ...op })));

  it('/ opens it on any page; an operationId of another provider leads to that operation', async () => {
    const [from, to] = [apis[0]!.id, apis.at(-1)!.id];
    const unique = (op: (typeof all)[number]) => all.filter((o) => o.operationId === op.operationId).length === 1;
    const target = all.find((op) => op.id === to && op.kind === 'operation' && unique(op))!;
    await visit(`${from}/auth.html`, async (page) => {
      await page.keyboard.press('/');
      const input = page.getByRole('searchbox');
      await expect(input.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
      await input.fill(target.operationId);
      const first = page.locator('#search-results a').first();
      await expect
        .poll(() => first.getAttribute('href'), { timeout: 10_000 })
        .toBe(`../${to}/index.html#${target.operationId}`);
      await input.press('Enter');
      await page.waitForURL(`**/${to}/index.html#${target.operationId}`);
      await expect(page.locator(`[id="${target.operationId}"]`).isVisible()).resolves.toBe(true);
    });
  });

  it('Ctrl-K opens it too, and it finds operations by path and by summary across providers', async () => {
    await visit('index.html', async (page) => {
      await page.keyboard.press('Control+k');
      const input = page.getByRole('searchbox');
      for (const op of [all[0]!, all.at(-1)!, all[Math.floor(all.length / 2)]!]) {
        for (const query of [op.name, op.summary]) {
          await input.fill(query);
          // The first search waits for the index to load: read the results once they are there.
          await expect
            .poll(() => page.locator('#search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), {
              message: `"${query}"`,
              timeout: 10_000,
            })
            .toContain(`${op.id}/index.html#${op.operationId}`);
        }
      }
      await input.fill('no operation is called this');
      await expect.poll(() => page.locator('.search-status').textContent(), { timeout: 10_000 }).toBe('0 results');
      await expect(page.locator('#search-results a').count()).resolves.toBe(0);
    });
  });

  it('the provider switcher leads to the same page of every other provider', async () => {
    await visit(`${apis[0]!.id}/changelog.html`, async (page) => {
      await page.locator('.switcher summary').click();
      const links = page.locator('.switcher a');
      await expect(links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).resolves.toEqual(
        apis.map((api) => `../${api.id}/changelog.html`),
      );
      await links.last().click();
      await page.waitForURL(`**/${apis.at(-1)!.id}/changelog.html`);
    });
  });
});
