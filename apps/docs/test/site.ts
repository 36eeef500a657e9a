// What the browser tests share: the built site (apps/docs/dist) and the pages it holds.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findRepoRoot } from '@oapi/api-list';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Json } from '../src/spec-json.js';
import { type StaticServer, startStaticServer } from '../src/static-server.js';
import { launchChromium } from './browser.js';

export const repoRoot = findRepoRoot(import.meta.dirname);
/** The built site: `apps/docs/dist`, or another build named by `DOCS_SITE_DIR` (say, main's, to compare). */
export const siteDir = process.env.DOCS_SITE_DIR ?? join(import.meta.dirname, '..', 'dist');
export const shots = join(repoRoot, 'test-output', 'docs');

export function assertBuilt(): void {
  if (!existsSync(join(siteDir, 'index.html')))
    throw new Error(`${siteDir} holds no site: run \`pnpm build\` before the browser tests`);
}

/** Every HTML page of the built site, relative to its root, sorted. */
export function sitePages(dir = siteDir): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

export const bundled = (id: string) =>
  JSON.parse(readFileSync(join(repoRoot, 'dist', `${id}.openapi.json`), 'utf8')) as Json;

/**
 * Serves the built site on loopback and starts chromium before a test file's tests, and stops both
 * after them. Read `server` and `browser` inside tests (they exist once `beforeAll` has run).
 */
export function siteInBrowser(): { readonly server: StaticServer; readonly browser: Browser } {
  const state = {} as { server: StaticServer; browser: Browser };
  beforeAll(async () => {
    assertBuilt();
    state.server = await startStaticServer(siteDir);
    state.browser = await launchChromium();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
  return state;
}
