// Try it on a reader's own server (`console.html?server=<url>`), once for each way a spec lets a
// reader authenticate: the OAuth2 password grant and an API key (CloudCX), client credentials
// (Wootric). The server is the provider's stateful fake, which checks what the references say the
// real server checks, so a field the console sends wrong or leaves out fails the test. The
// credentials reach that server as the spec says, go nowhere else and are left nowhere in the page.
import { type FakeCloudcx, account, oauthClient, startFakeCloudcx, validApiKey } from '@oapi/fakes/cloudcx';
import { type FakeWootric, startFakeWootric } from '@oapi/fakes/wootric';
import { apiClient } from '@oapi/fakes/wootric-oauth';
import type { LoopbackServer } from '@oapi/test-support';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type PageRecord, recordContext, requestsOutside, watchConsole } from './browser.js';
import {
  authorizeClientCredentials,
  authorizePassword,
  carrying,
  consoleDialog,
  leftovers,
  send,
  useBearerScheme,
} from './console-page.js';
import { allowingOrigin } from './own-server.js';
import { bundled, siteInBrowser } from './site.js';

const site = siteInBrowser();
let own: LoopbackServer | undefined;
afterEach(() => own?.close());

/** Opens `<id>/console.html?server=<own>#<operation>` at 1440 px and runs `reader` on it; returns what the page did. */
async function onOwnServer(id: string, operation: string, reader: (page: Page) => Promise<void>): Promise<PageRecord> {
  const context = await site.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const record = await recordContext(context, site.server.url, [own!.url]);
  try {
    const page = await context.newPage();
    watchConsole(page, record);
    await page.goto(`${site.server.url}/${id}/console.html?server=${encodeURIComponent(own!.url)}#${operation}`);
    await reader(page);
  } finally {
    await context.close();
  }
  return record;
}

type Spec = { components: { securitySchemes: Record<string, Record<string, unknown>> } };
/** A security scheme of a provider's bundled spec, as written. */
const securityScheme = (id: string, name: string) => (bundled(id) as unknown as Spec).components.securitySchemes[name];

describe('CloudCX on your own server', () => {
  let fake: FakeCloudcx;
  const start = async () => {
    fake = await startFakeCloudcx();
    own = await allowingOrigin(fake.url, site.server.url);
  };
  afterEach(() => fake?.close());

  it('password grant: the credentials go to that server only, and are kept nowhere', async () => {
    await start();
    let issued = '';
    const record = await onOwnServer('cloudcx', 'tag/users/listUsers', async (page) => {
      const dialog = await consoleDialog(page);
      issued = await authorizePassword(dialog, {
        username: account.username,
        password: account.password,
        clientId: oauthClient.id,
        clientSecret: oauthClient.secret,
      });
      await send(page, dialog);
      expect(await leftovers(page)).not.toMatch(new RegExp(`${account.password}|${oauthClient.secret}|${issued}`));
    });
    // spec/cloudcx/components/securitySchemes/OAuth2.yaml: form fields, the client's id and secret among them.
    expect(fake.tokenRequests).toHaveLength(1);
    expect(fake.tokenRequests[0]!.authorization).toBeUndefined();
    expect(fake.tokenRequests[0]!.body).toMatchObject({
      grant_type: 'password',
      username: account.username,
      password: account.password,
      client_id: oauthClient.id,
      client_secret: oauthClient.secret,
    });
    expect(fake.pageRequests.map((r) => r.authorization)).toEqual([`Bearer ${issued}`]);
    for (const secret of [account.password, oauthClient.secret])
      expect(carrying(record, secret).map((r) => r.url)).toEqual([`${own!.url}/oauth/token`]);
    expect(carrying(record, issued).map((r) => r.url.split('?')[0])).toEqual([`${own!.url}/openapi/v2/user/page`]);
    expect(requestsOutside(record, [site.server.url, own!.url])).toEqual([]);
    expect(record.errors).toEqual([]);
  });

  it('API key: sent as `Authorization: Bearer <key>` to that server only, no token request, kept nowhere', async () => {
    // spec/cloudcx/components/securitySchemes/ApiKey.yaml: an HTTP bearer scheme, the key itself as the token.
    expect(securityScheme('cloudcx', 'apiKey')).toMatchObject({ type: 'http', scheme: 'bearer' });
    await start();
    const record = await onOwnServer('cloudcx', 'tag/users/listUsers', async (page) => {
      const dialog = await consoleDialog(page);
      await useBearerScheme(dialog, 'apiKey', 'oauth2', validApiKey);
      await send(page, dialog);
      expect(await leftovers(page)).not.toContain(validApiKey);
    });
    expect(fake.tokenRequests).toEqual([]);
    expect(fake.pageRequests.map((r) => r.authorization)).toEqual([`Bearer ${validApiKey}`]);
    expect(record.sent.filter((r) => r.url.includes('/oauth/'))).toEqual([]);
    expect(carrying(record, validApiKey).map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual([
      `GET ${own!.url}/openapi/v2/user/page`,
    ]);
    expect(requestsOutside(record, [site.server.url, own!.url])).toEqual([]);
    expect(record.errors).toEqual([]);
  });
});

describe('Wootric on your own server', () => {
  let fake: FakeWootric;
  afterEach(() => fake?.close());

  it('client credentials: grant_type, client_id and client_secret as form fields, and the token gets a 200', async () => {
    // spec/wootric/components/securitySchemes/OAuth2TokenRequest.yaml: form fields, and for this
    // grant the client authenticates with client_id and client_secret in the body (not HTTP Basic).
    expect(securityScheme('wootric', 'oauth2')?.['x-token-request']).toMatchObject({
      contentType: 'application/x-www-form-urlencoded',
      grants: { client_credentials: { clientAuthentication: 'client_secret_post' } },
    });
    fake = await startFakeWootric();
    own = await allowingOrigin(fake.url, site.server.url);
    let issued = '';
    const record = await onOwnServer('wootric', 'tag/segments/listSegments', async (page) => {
      const dialog = await consoleDialog(page);
      issued = await authorizeClientCredentials(dialog, apiClient);
      await send(page, dialog);
      expect(await leftovers(page)).not.toMatch(new RegExp(`${apiClient.secret}|${issued}`));
    });
    // Exactly these fields, in a form body, no Authorization header, nothing in the query.
    expect(fake.oauth.tokenRequests).toHaveLength(1);
    const [request] = fake.oauth.tokenRequests;
    expect(request!.contentType).toMatch(/^application\/x-www-form-urlencoded\b/);
    expect(request!.authorization).toBeUndefined();
    expect([...request!.query]).toEqual([]);
    expect(request!.body).toEqual({
      grant_type: 'client_credentials',
      client_id: apiClient.id,
      client_secret: apiClient.secret,
    });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/segments']);
    expect(carrying(record, issued).map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual([
      `GET ${own!.url}/v1/segments`,
    ]);
    expect(
      record.sent.find((r) => r.method === 'GET' && r.url.startsWith(`${own!.url}/v1/`))?.headers.authorization,
    ).toBe(`Bearer ${issued}`);
    expect(carrying(record, apiClient.secret).map((r) => r.url)).toEqual([`${own!.url}/oauth/token`]);
    expect(requestsOutside(record, [site.server.url, own!.url])).toEqual([]);
    expect(record.errors).toEqual([]);
  });
});
