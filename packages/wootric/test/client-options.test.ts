// Where requests go: the region's server from the account token, by the rule Wootric's SDKs use
// (`^NPS-(EU-|AU-)`, stated on the spec's servers), unless `server` or `baseUrl` says otherwise;
// and the options refused up front.
import { describe, expect, it } from 'vitest';
import {
  bearerToken,
  createWootricClient,
  parseWootricDateTime,
  passwordGrant,
  wootricRateLimitResetMs,
} from '../src/index.js';

function recordingFetch() {
  const urls: string[] = [];
  const fetch = async (input: RequestInfo | URL) => {
    urls.push(new Request(input).url);
    return new Response(
      input instanceof Request && new URL(input.url).pathname === '/oauth/token'
        ? JSON.stringify({ access_token: 'x', token_type: 'bearer', expires_in: 7200, scope: 'public' })
        : '[]',
      {
        headers: { 'content-type': 'application/json' },
      },
    );
  };
  return { fetch: fetch as typeof globalThis.fetch, urls };
}

describe('createWootricClient: where requests go', () => {
  it.each([
    [{ accountToken: 'NPS-EU-1a2b3c4d' }, 'https://api.wootric.eu/v1/segments'],
    [{ accountToken: 'NPS-AU-1a2b3c4d' }, 'https://api.wootric.au/v1/segments'],
    [{ accountToken: 'NPS-1a2b3c4d' }, 'https://api.wootric.com/v1/segments'],
    // The SDKs' rule: a dash after the region, upper case.
    [{ accountToken: 'NPS-EUROPA12' }, 'https://api.wootric.com/v1/segments'],
    [{ accountToken: 'nps-eu-1a2b3c4d' }, 'https://api.wootric.com/v1/segments'],
    [{}, 'https://api.wootric.com/v1/segments'],
    [{ accountToken: 'NPS-EU-1a2b3c4d', server: 'au' as const }, 'https://api.wootric.au/v1/segments'],
    [
      { accountToken: 'NPS-EU-1a2b3c4d', baseUrl: 'https://proxy.example.com/wootric' },
      'https://proxy.example.com/wootric/v1/segments',
    ],
  ])('%o → %s', async (options, url) => {
    const { fetch, urls } = recordingFetch();
    await createWootricClient({ ...options, auth: bearerToken('t0ken-abc'), fetch }).GET('/v1/segments');
    expect(urls).toEqual([url]);
  });

  it("takes the region from the password grant's account_token, and asks that region for tokens", async () => {
    const { fetch, urls } = recordingFetch();
    const auth = passwordGrant({
      username: 'a@example.com',
      password: 'pw-123456',
      parameters: { account_token: 'NPS-AU-1a2b3c4d' },
    });
    await createWootricClient({ auth, fetch }).GET('/v1/segments');
    expect(urls).toEqual([
      'https://api.wootric.au/oauth/token?account_token=NPS-AU-1a2b3c4d',
      'https://api.wootric.au/v1/segments',
    ]);
  });

  it.each([
    [{ accountToken: '' }, /"options.accountToken" must be a non-empty string/],
    [{ server: 'mars' as never }, /"options.server" must be one of us, eu, au/],
    [{ region: 'eu' } as never, /"options.region" is not an option of the wootric client/],
    [{ baseUrl: 'api.wootric.com' }, /"options.baseUrl" must be an absolute http\(s\) URL/],
    [
      {
        accountToken: 'NPS-EU-1',
        auth: passwordGrant({
          username: 'a@example.com',
          password: 'pw-123456',
          parameters: { account_token: 'NPS-AU-2' },
        }),
      },
      /"options.accountToken" and the password grant's parameters.account_token differ/,
    ],
  ])('refuses %o', (options, message) => {
    expect(() => createWootricClient(options)).toThrow(message);
  });
});

describe('small readers', () => {
  it.each([
    ['2018-01-02 23:03:41 -0800', '2018-01-03T07:03:41.000Z'],
    ['2015-02-12T06:29:27.000-08:00', '2015-02-12T14:29:27.000Z'],
    ['2014-12-01 18:36:59', '2014-12-01T18:36:59.000Z'],
    ['2016-08-04 13:57:26 +0530', '2016-08-04T08:27:26.000Z'],
  ])('parseWootricDateTime(%s) = %s', (text, iso) => {
    expect(parseWootricDateTime(text).toISOString()).toBe(iso);
  });

  it.each(['yesterday', '2018-13-45 99:99:99 -0800', ''])('refuses the date-time %j', (text) => {
    expect(() => parseWootricDateTime(text)).toThrow(/is not a (Wootric|valid) date-time/);
  });

  it.each([
    [{ 'x-rate-limit-reset': '1764064860' }, 60_000],
    [{ 'x-rate-limit-reset': '30' }, 30_000],
    [{ 'retry-after': '5' }, 5_000],
    [{}, undefined],
  ])('wootricRateLimitResetMs(%o) = %s', (headers, ms) => {
    expect(
      wootricRateLimitResetMs(new Response(null, { status: 429, headers }), Date.parse('2025-11-25T10:00:00Z')),
    ).toBe(ms);
  });
});
