// Try it: from the reference, the console (Scalar) opens the operation on the provider's sandbox
// (a Prism mock that `pnpm run docs` starts), fetches a token there with the reader's credentials
// and shows the answer. With `?server=` it talks to the reader's own server instead, and the
// credentials go there and nowhere else, and are not stored.
import { join } from 'node:path';
import { listApis } from '@oapi/api-list';
import { type LoopbackServer, listen, readBody } from '@oapi/test-support';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DocsServer, startDocsServer } from '../src/docs-server.js';
import { launchChromium, type PageRecord, recordContext, requestsOutside, watchConsole } from './browser.js';
import { assertBuilt, repoRoot, siteDir } from './site.js';

const apis = await listApis(repoRoot);
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

/** Fills the password grant in the console's Authentication section and asks for a token. */
async function authorize(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: /Authentication/ }).click();
  await dialog.getByRole('combobox', { name: 'Username' }).fill(credentials.username);
  await dialog.getByLabel('Password', { exact: true }).fill(credentials.password);
  await dialog.getByRole('combobox', { name: 'Client ID' }).fill(credentials.clientId);
  const secret = dialog.getByLabel('Client Secret', { exact: true });
  if ((await secret.count()) > 0) await secret.fill(credentials.clientSecret);
  await dialog.getByRole('button', { name: 'Authorize' }).click();
  await dialog.getByText('Access Token', { exact: true }).waitFor();
}

async function send(page: Page, dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: /^Send/ }).first().click();
  await dialog
    .getByText(/\b200\b/)
    .first()
    .waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
}

/** What the page keeps after it is done: its storage, cookies and IndexedDB databases, as text. */
const leftovers = (page: Page) =>
  page.evaluate(async () =>
    JSON.stringify({
      local: { ...localStorage },
      session: { ...sessionStorage },
      cookies: document.cookie,
      databases: await indexedDB.databases(),
    }),
  );

const carrying = (record: PageRecord, secret: string) =>
  record.sent.filter((r) => r.body.includes(secret) || Object.values(r.headers).some((v) => v.includes(secret)));

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
      const dialog = page.getByRole('dialog', { name: 'API Client' });
      await dialog.waitFor({ timeout: 30_000 });
      const sandbox = `${docs.url}/sandbox/${id}`;
      await expect(dialog.getByText(sandbox).first().isVisible()).resolves.toBe(true);
      await authorize(dialog);
      await send(page, dialog);

      const token = record.sent.filter((r) => r.url.startsWith(`${sandbox}/oauth/token`));
      expect(token.length, 'one token request to the sandbox').toBe(1);
      expect(new URLSearchParams(token[0]!.body).get('password')).toBe(credentials.password);
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

describe("the reader's own server (?server=)", () => {
  let own: LoopbackServer;
  const seen: Array<{ method: string; path: string; authorization: string; body: string }> = [];
  const issued = 'own-token-d41d8cd9-reader';
  beforeAll(async () => {
    // A server of the reader's, which allows this docs origin (CORS) and knows one user.
    own = await listen(async (req, res) => {
      const cors = {
        'access-control-allow-origin': docs.url,
        'access-control-allow-headers': 'authorization, content-type, accept',
        'access-control-allow-methods': 'GET, POST',
      };
      if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
      const body = await readBody(req);
      const path = (req.url ?? '').split('?')[0]!;
      seen.push({ method: req.method!, path, authorization: req.headers.authorization ?? '', body });
      const json = (status: number, value: unknown) =>
        res.writeHead(status, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (req.method === 'POST' && path === '/oauth/token') {
        const form = new URLSearchParams(body);
        const good =
          form.get('grant_type') === 'password' &&
          form.get('username') === credentials.username &&
          form.get('password') === credentials.password &&
          form.get('client_secret') === credentials.clientSecret;
        return good
          ? json(200, { access_token: issued, token_type: 'bearer', expires_in: 3600 })
          : json(400, { error: 'invalid_grant' });
      }
      if (req.method === 'GET' && path === '/openapi/v2/user/page') {
        return req.headers.authorization === `Bearer ${issued}`
          ? json(200, { code: '0000', message: null, data: { content: [], totalElements: 0, number: 0 } })
          : json(401, { code: '401', message: 'unauthorized' });
      }
      json(404, { error: 'not found' });
    });
  });
  afterAll(() => own?.close());

  it('sends the credentials to that server only, and keeps them nowhere', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const record = await recordContext(context, docs.url, [own.url]);
    try {
      const page = await context.newPage();
      watchConsole(page, record);
      await page.goto(`${docs.url}/cloudcx/console.html?server=${encodeURIComponent(own.url)}#tag/users/listUsers`);
      const dialog = page.getByRole('dialog', { name: 'API Client' });
      await dialog.waitFor({ timeout: 30_000 });
      await authorize(dialog);
      await send(page, dialog);
      expect(await leftovers(page)).not.toMatch(
        new RegExp(`${credentials.password}|${credentials.clientSecret}|${issued}`),
      );
    } finally {
      await context.close();
    }
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /oauth/token', 'GET /openapi/v2/user/page']);
    expect(seen[1]!.authorization).toBe(`Bearer ${issued}`);
    for (const secret of [credentials.password, credentials.clientSecret])
      expect(carrying(record, secret).map((r) => r.url)).toEqual([`${own.url}/oauth/token`]);
    expect(carrying(record, issued).map((r) => r.url.split('?')[0])).toEqual([`${own.url}/openapi/v2/user/page`]);
    expect(requestsOutside(record, [docs.url, own.url])).toEqual([]);
    expect(record.errors).toEqual([]);
  });
});
