// Try it: from the reference, the console (Scalar) opens the operation on the provider's sandbox
// (a Prism mock that `pnpm run docs` starts), fetches a token there with the reader's credentials
// and shows the answer. A reader's own server (`?server=`): console-credentials.browser.test.ts.
import { join } from 'node:path';
import { listApis } from '@oapi/api-list';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowsWithoutClientCredentials } from '../src/console-spec.js';
import { type DocsServer, startDocsServer } from '../src/docs-server.js';
import { loadProviders } from '../src/providers.js';
import { launchChromium, recordContext, requestsOutside, watchConsole } from './browser.js';
import { authorizePassword, carrying, consoleDialog, send } from './console-page.js';
import { assertBuilt, repoRoot, siteDir } from './site.js';

const apis = await listApis(repoRoot);
const providers = await loadProviders(repoRoot);
/** A GET operation per provider that needs credentials. */
const firstCalls: Record<string, { operationId: string; path: string }> = {
  klika: { operationId: 'listCountries', path: '/api/v1/countries' },
  wootric: { operationId: 'listEndUsers', path: '/v1/end_users' },
  'wootric-cxi': { operationId: 'getOnboarding', path: '/v1/onboarding' },
  cloudcx: { operationId: 'listUsers', path: '/openapi/v2/user/page' },
};

let docs: DocsServer;
let browser: Browser;
beforeAll(async () => {
  assertBuilt();
  docs = await startDocsServer(
    siteDir,
    Object.fromEntries(apis.map((api) => [api.id, join(repoRoot, 'dist', `${api.id}.openapi.yaml`)])),
  );
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await docs?.close();
});

const credentials = {
  username: 'reader@example.com',
  password: 'pw-7f3a9c-reader',
  clientId: 'client-4411',
  clientSecret: 'secret-b52e-reader',
};

describe.each(apis.map((api) => [api.id]))('%s', (id) => {
  it('Try it on the reference opens the operation in the console on the sandbox; a token from the sandbox gets an answer', async () => {
    const call = firstCalls[id];
    if (!call) throw new Error(`no first call chosen for ${id}: add one to firstCalls`);
    expect(docs.sandboxes[id], docs.failures[id]).toBe(`/sandbox/${id}`);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const record = await recordContext(context, docs.url);
    try {
      const page = await context.newPage();
      watchConsole(page, record);
      await page.goto(`${docs.url}/${id}/index.html`);
      await page.locator(`[id="${call.operationId}"] a.try`).click();
      await expect(page.url()).toMatch(new RegExp(`/${id}/console\\.html#tag/[a-z-]+/${call.operationId}$`));
      const dialog = await consoleDialog(page);
      const sandbox = `${docs.url}/sandbox/${id}`;
      await expect(dialog.getByText(sandbox).first().isVisible()).resolves.toBe(true);
      // Client credentials only where the password grant's token request takes them (the page says so).
      const noClient = flowsWithoutClientCredentials(providers.find((p) => p.id === id)!).includes('password');
      await expect(page.locator('#console-client-fields').count()).resolves.toBe(noClient ? 1 : 0);
      const { clientId, clientSecret, ...user } = credentials;
      await authorizePassword(dialog, noClient ? user : credentials);
      await send(page, dialog);

      const token = record.sent.filter((r) => r.url.startsWith(`${sandbox}/oauth/token`));
      expect(token.length, 'one token request to the sandbox').toBe(1);
      expect(new URLSearchParams(token[0]!.body).get('password')).toBe(credentials.password);
      if (noClient) {
        expect(token[0]!.headers.authorization, 'no client credentials as HTTP Basic').toBeUndefined();
        expect(new URLSearchParams(token[0]!.body).has('client_id')).toBe(false);
      }
      const calls = record.sent.filter((r) => r.url.split('?')[0] === `${sandbox}${call.path}`);
      expect(calls.map((r) => r.method)).toEqual(['GET']);
      expect(calls[0]!.headers.authorization).toMatch(/^Bearer \S+/);
      expect(carrying(record, credentials.password).map((r) => r.url)).toEqual(token.map((r) => r.url));
    } finally {
      await context.close();
    }
    expect(record.errors).toEqual([]);
    expect(requestsOutside(record, [docs.url])).toEqual([]);
  });
});
