// Every page of the built site as readers see it: a 390 px phone in light and dark mode and a
// 1440 px screen. Each fits its width (no sideways scroll), passes axe-core with no serious or
// critical violation, has its landmarks and a working skip link, shows where the keyboard focus is,
// logs no error and requests nothing from any host but the site's own.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { foreignRequests, recordContext, seriousViolations, sidewaysOverflow, watchConsole } from './browser.js';
import { shots, siteInBrowser, sitePages } from './site.js';

const site = siteInBrowser();

const screens = [
  { name: '390 px, light', width: 390, height: 844, colorScheme: 'light' },
  { name: '390 px, dark', width: 390, height: 844, colorScheme: 'dark' },
  { name: '1440 px, light', width: 1440, height: 900, colorScheme: 'light' },
] as const;

/** Waits until the page is complete: the console once Scalar has rendered its reference. */
async function settled(page: Page, path: string): Promise<void> {
  if (path.endsWith('console.html')) await page.waitForSelector('#console .scalar-app, #console [class*="scalar"]');
  await page.waitForLoadState('networkidle');
}

const pages = sitePages();

it('the site has a landing page and four pages per provider', () => {
  expect(pages).toContain('index.html');
  expect(pages.filter((p) => p.endsWith('/console.html')).length).toBeGreaterThanOrEqual(4);
  expect(pages.length).toBe(1 + 4 * pages.filter((p) => p.endsWith('/console.html')).length);
});

describe.each(screens)('at $name', (screen) => {
  it.each(pages)(
    '%s fits, passes axe, has landmarks and stays on the site',
    async (path) => {
      const context = await site.browser.newContext({
        viewport: { width: screen.width, height: screen.height },
        colorScheme: screen.colorScheme,
      });
      const record = await recordContext(context, site.server.url);
      try {
        const page = await context.newPage();
        watchConsole(page, record);
        await page.goto(`${site.server.url}/${path}`);
        await settled(page, path);

        const scheme = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
        expect(scheme).toBe(screen.colorScheme === 'dark');
        const { overflow, culprit } = await sidewaysOverflow(page);
        expect(overflow, `${path} scrolls sideways by ${overflow} px at ${screen.width} px: ${culprit}`).toBe(0);
        expect(await seriousViolations(page), `axe on ${path}, ${screen.name}`).toEqual([]);
        await expect(page.locator('header.site-header').count()).resolves.toBe(1);
        await expect(page.locator('header nav, nav').count()).resolves.toBeGreaterThan(0);
        await expect(page.locator('#main').count()).resolves.toBe(1);
        await page.screenshot({
          path: join(shots, `${path.replace(/\//g, '-')}-${screen.width}-${screen.colorScheme}.png`),
        });
      } finally {
        await context.close();
      }
      expect(record.errors, `console errors on ${path}`).toEqual([]);
      expect(record.failedResponses, `failed requests on ${path}`).toEqual([]);
      expect(foreignRequests(record, site.server.url), `requests that left the site on ${path}`).toEqual([]);
      // axe reads every node of the largest reference: slow on two shared cores.
    },
    180_000,
  );
});

describe('keyboard', () => {
  it.each(pages.filter((p) => !p.endsWith('console.html')))(
    '%s: the first Tab shows the skip link, which moves focus to the content; focus stays visible',
    async (path) => {
      const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
      await recordContext(context, site.server.url);
      try {
        const page = await context.newPage();
        await page.goto(`${site.server.url}/${path}`);
        await page.keyboard.press('Tab');
        const skip = page.locator('a.skip-link');
        await expect(skip.evaluate((a) => a === document.activeElement)).resolves.toBe(true);
        const box = await skip.boundingBox();
        expect(box && box.y >= 0 && box.height > 0, 'the focused skip link is on screen').toBe(true);
        await page.keyboard.press('Enter');
        await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
        // Every next stop is outlined: its focus style is visible, never `outline: none`.
        for (let i = 0; i < 4; i++) {
          await page.keyboard.press('Tab');
          const outline = await page.evaluate(() => {
            const focused = document.activeElement as HTMLElement;
            const style = getComputedStyle(focused);
            return { tag: focused.tagName, width: Number.parseFloat(style.outlineWidth), style: style.outlineStyle };
          });
          expect(outline.style, `${path}: focus on ${outline.tag} has no outline`).not.toBe('none');
          expect(outline.width).toBeGreaterThan(0);
        }
      } finally {
        await context.close();
      }
    },
  );
});
