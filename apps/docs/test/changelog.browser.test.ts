// Each provider's changelog as a reader meets it in chromium, collapsed sections opened: release
// notes by client release (or day), breaking changes first with what to do, sentences rather than
// the diff's notation, every change linked to its operation on the reference, every commit of the
// spec's history listed, no sideways scroll at 390 or 1440 px; and its Atom feed, read by the
// browser's XML parser, with what RFC 4287 requires of a feed and of each entry.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listApis } from '@oapi/api-list';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readChangelogs } from '../src/changelog.js';
import { recordContext, seriousViolations, sidewaysOverflow } from './browser.js';
import { repoRoot, siteDir, siteInBrowser } from './site.js';

const apis = await listApis(repoRoot);
const changelogs = await readChangelogs(repoRoot, apis);
const site = siteInBrowser();

async function open(path: string, width: number, check: (page: Page) => Promise<void>): Promise<void> {
  const context = await site.browser.newContext({ viewport: { width, height: 900 } });
  await recordContext(context, site.server.url);
  try {
    const page = await context.newPage();
    await page.goto(`${site.server.url}/${path}`, { waitUntil: 'load' });
    await check(page);
  } finally {
    await context.close();
  }
}

const order = { breaking: 0, warning: 1, info: 2 } as const;

describe.each(apis.map((api) => [api.id] as const))('%s changelog', (id) => {
  const changelog = changelogs.get(id)!;
  const reference = readFileSync(join(siteDir, id, 'index.html'), 'utf8');

  it.each([390, 1440])(
    'at %i px: release notes, breaking first, in sentences, linked, fitting the screen',
    async (width) => {
      if ('unavailable' in changelog) throw new Error(`${id}: ${changelog.unavailable}`);
      await open(`${id}/changelog.html`, width, async (page) => {
        await page.evaluate(() => {
          for (const details of document.querySelectorAll('details')) details.open = true;
        });
        const { overflow, culprit } = await sidewaysOverflow(page);
        expect(overflow, `scrolls sideways by ${overflow} px: ${culprit}`).toBe(0);
        expect(await seriousViolations(page)).toEqual([]);

        const releases = page.locator('section.release');
        expect(await releases.count()).toBeGreaterThan(0);
        for (const release of await releases.all()) {
          await expect(release.locator('h2').count()).resolves.toBe(1);
          const kinds = await release
            .locator('section.changes')
            .evaluateAll((sections) => sections.map((s) => s.classList[1] as keyof typeof order));
          expect(
            kinds.map((k) => order[k]),
            'breaking, then warnings, then the rest',
          ).toEqual(kinds.map((k) => order[k]).sort());
          for (const change of await release.locator('section.changes.breaking .notes > li > ul > li').all())
            await expect(change.textContent()).resolves.toContain('What to do:');
        }

        const text = (await page.locator('main').textContent())!;
        expect(text, 'the diff notation of alternatives').not.toMatch(/\{(oneOf|anyOf)#\d+\}/);
        expect(text, 'a per-commit tally').not.toMatch(/\d+ breaking changes?, \d+ warnings?, \d+ info/);
        expect(text, 'a raw `subject: change` line').not.toMatch(
          /^(response \S+|request body|webhook payload) [^\n]*`: /im,
        );

        for (const href of await page
          .locator('.notes a[href^="index.html#"]')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))
          expect(reference, `${href} names an operation of the reference`).toContain(`id="${href.split('#')[1]}"`);
        const commits = await page
          .locator('details.commits li[id^="commit-"]')
          .evaluateAll((lis) => lis.map((li) => li.id));
        expect(commits).toEqual(changelog.entries.map((e) => `commit-${e.shortCommit}`));
      });
    },
  );

  it('has an Atom feed, linked from the page, that parses with a feed id, title and updated, and whole entries', async () => {
    await open(`${id}/changelog.html`, 1440, async (page) => {
      const href = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
      expect(href).toBeTruthy();
      const sections = await page.locator('section.release').evaluateAll((s) => s.map((e) => e.id));
      const feed = await page.evaluate(async (url) => {
        const response = await fetch(url);
        const doc = new DOMParser().parseFromString(await response.text(), 'application/xml');
        const atom = 'http://www.w3.org/2005/Atom';
        const child = (parent: Element, name: string) =>
          [...parent.children].find((c) => c.namespaceURI === atom && c.localName === name);
        const root = doc.documentElement;
        return {
          status: response.status,
          error: doc.querySelector('parsererror')?.textContent ?? null,
          root: `${root.namespaceURI} ${root.localName}`,
          feed: ['id', 'title', 'updated', 'author'].map((n) => child(root, n)?.textContent?.trim() ?? null),
          entries: [...root.children]
            .filter((c) => c.localName === 'entry')
            .map((entry) => ({
              id: child(entry, 'id')?.textContent ?? null,
              title: child(entry, 'title')?.textContent ?? null,
              updated: child(entry, 'updated')?.textContent ?? null,
              link: child(entry, 'link')?.getAttribute('href') ?? null,
              content: child(entry, 'content')?.textContent ?? '',
              contentType: child(entry, 'content')?.getAttribute('type') ?? null,
            })),
        };
      }, new URL(href!, page.url()).href);
      expect(feed.status).toBe(200);
      expect(feed.error).toBeNull();
      expect(feed.root).toBe('http://www.w3.org/2005/Atom feed');
      const [feedId, title, updated, author] = feed.feed;
      expect(feedId).toMatch(/^tag:[^,]+,\d{4}:/);
      expect(title).toContain('changelog');
      expect(Number.isNaN(Date.parse(updated!))).toBe(false);
      expect(author).toBeTruthy();
      expect(feed.entries.map((e) => e.link)).toEqual(sections.map((s) => `changelog.html#${s}`));
      expect(new Set(feed.entries.map((e) => e.id)).size).toBe(feed.entries.length);
      for (const entry of feed.entries) {
        expect(entry.id).toMatch(/^tag:/);
        expect(entry.title).toBeTruthy();
        expect(entry.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/);
        expect(entry.contentType).toBe('html');
        expect(entry.content).toMatch(/^<p class="meta">/);
      }
      expect(Date.parse(updated!)).toBe(Math.max(...feed.entries.map((e) => Date.parse(e.updated!))));
    });
  });
});
