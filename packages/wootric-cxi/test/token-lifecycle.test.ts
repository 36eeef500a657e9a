// CXI tokens: from the main Wootric host by default, 7200 s, refreshed before expiry; the
// client_credentials grant; errors typed and free of secrets.
import { secretsIn } from '@oapi/test-support';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  bearerToken,
  clientCredentialsGrant,
  createWootricCxiClient,
  OAuthError,
  passwordGrant,
  unwrap,
} from '../src/index.js';
import { apiClient, owner } from '@oapi/fakes/wootric-oauth';
import { accountToken, startFakeCxi, type FakeCxi } from '@oapi/fakes/wootric-cxi';

let fake: FakeCxi;
beforeEach(async () => {
  fake = await startFakeCxi();
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-25T10:00:00Z') });
});
afterEach(async () => {
  vi.useRealTimers();
  await fake.close();
});

const options = () => ({ baseUrl: fake.api.url, tokenUrl: `${fake.tokenHost.url}/oauth/token`, retry: false as const });

describe('wootric-cxi tokens', () => {
  it('refreshes the two-hour token with the rotating refresh token, at the token host', async () => {
    const cxi = createWootricCxiClient({ ...options(), accountToken, auth: passwordGrant(owner) });
    unwrap(await cxi.GET('/v1/onboarding'));
    vi.setSystemTime(Date.now() + 6_910_000); // inside the 5-minute margin of 7200 s
    unwrap(await cxi.GET('/v1/onboarding'));
    expect(fake.oauth.tokenRequests.map((r) => r.body.grant_type)).toEqual(['password', 'refresh_token']);
    expect(fake.tokenHostRequests).toEqual([`POST /oauth/token?account_token=${accountToken}`, 'POST /oauth/token']);
  });

  it('uses client_credentials with the client in the body', async () => {
    const cxi = createWootricCxiClient({
      ...options(),
      auth: clientCredentialsGrant({ clientId: apiClient.id, clientSecret: apiClient.secret }),
    });
    unwrap(await cxi.GET('/v1/onboarding'));
    expect(fake.oauth.tokenRequests[0]?.body).toEqual({
      grant_type: 'client_credentials',
      client_id: apiClient.id,
      client_secret: apiClient.secret,
    });
  });

  it('throws OAuthError for an unknown CXI account, without credentials in it', async () => {
    const cxi = createWootricCxiClient({ ...options(), accountToken: 'NPS-00000000', auth: passwordGrant(owner) });
    const error = await cxi.GET('/v1/onboarding').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ error: 'Not found', status: 404 });
    expect(secretsIn(error, [owner.password])).toEqual([]);
  });
});

describe('createWootricCxiClient: where requests go', () => {
  it('asks https://api.wootric.com/oauth/token for tokens and https://cxi-api.wootric.com for the rest, by default', async () => {
    const urls: string[] = [];
    const fetch = (async (input: RequestInfo | URL) => {
      const url = new Request(input).url;
      urls.push(url);
      const body = url.endsWith('/oauth/token?account_token=NPS-1a2b3c4d')
        ? { access_token: 'x', token_type: 'bearer', expires_in: 7200, scope: 'public' }
        : { onboarded: true, mode: 'full' };
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    }) as typeof globalThis.fetch;
    const cxi = createWootricCxiClient({ accountToken: 'NPS-1a2b3c4d', auth: passwordGrant(owner), fetch });
    unwrap(await cxi.GET('/v1/onboarding'));
    expect(urls).toEqual([
      'https://api.wootric.com/oauth/token?account_token=NPS-1a2b3c4d',
      'https://cxi-api.wootric.com/v1/onboarding',
    ]);
  });

  it.each([
    [{ baseUrl: 'cxi-api.wootric.com' }, /"options.baseUrl" must be an absolute http\(s\) URL/],
    [
      { tokenUrl: '/oauth/token', accountToken, auth: passwordGrant(owner) },
      /"options.tokenUrl" must be an absolute http\(s\) URL, e.g. "https:\/\/api.wootric.com\/oauth\/token"/,
    ],
    [{ accountToken: '' }, /"options.accountToken" must be a non-empty string/],
    [{ tokenUrl: 'http://tokens.example.com/oauth/token', auth: bearerToken('abc-123-token') }, undefined],
  ])('checks %o', (given, message) => {
    if (message) expect(() => createWootricCxiClient(given)).toThrow(message);
    else expect(() => createWootricCxiClient(given)).not.toThrow();
  });

  it('refuses, up front, a plain-http token URL off loopback for a grant that sends credentials', () => {
    let error: unknown;
    try {
      createWootricCxiClient({
        accountToken,
        tokenUrl: 'http://tokens.example.com/oauth/token',
        auth: passwordGrant(owner),
      });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: 'AuthError', code: 'insecure_url' });
    expect(secretsIn(error, [owner.password])).toEqual([]);
  });
});
