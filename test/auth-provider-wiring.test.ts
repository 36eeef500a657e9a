// Every strategy each provider's spec declares, wired from the bundled spec exactly as a client
// package does (the provider descriptor of @oapi/codegen → createAuth), against a fake token endpoint that
// enforces what the provider's reference documents. Strategies a spec does not declare are refused.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  apiKey,
  authorizationCodeGrant,
  clientCredentialsGrant,
  createAuth,
  createAuthorizationRequest,
  passwordGrant,
  refreshTokenGrant,
  type AuthStrategy,
  type SecurityConfig,
} from '@oapi/auth';
import { providerDescriptor } from '@oapi/codegen';
import type { ProviderDescriptor } from '@oapi/runtime';
import { secretsIn } from '@oapi/test-support';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cloudcxRules,
  klikaRules,
  startProviderFake,
  wootricRules,
  type ProviderFake,
  type ProviderRules,
} from './auth-provider-fakes.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const descriptorOf = (id: string): ProviderDescriptor =>
  providerDescriptor(
    { id },
    JSON.parse(readFileSync(`${root}dist/${id}.openapi.json`, 'utf8')) as Record<string, unknown>,
  );
const securityOf = (id: string): SecurityConfig => descriptorOf(id).security;

const password = 'pw-correct-horse-battery';
const clientSecret = 'client-secret-0a1b2c3d';
const secrets = [password, clientSecret];
const wootricAccount = 'NPS-a1b2c3d4';

interface Case {
  readonly grant: string;
  readonly strategy: () => AuthStrategy;
  /** An API key the fake's API accepts. */
  readonly apiKey?: string;
  /** What the fake must have received, beyond its own rules. */
  readonly expect: (fake: ProviderFake, tokenRequestsMade: number) => void;
}

interface Provider {
  readonly id: string;
  readonly rules: ProviderRules;
  /** Where the reference says token requests go when not to the API's host (routed to the fake by the client's fetch). */
  readonly absoluteTokenOrigin?: string;
  readonly cases: readonly Case[];
  readonly undeclared: readonly [string, () => AuthStrategy][];
}

const lastToken = (fake: ProviderFake) => fake.tokenRequests.at(-1)!;

const wootricCases: Case[] = [
  {
    grant: 'password with account_token',
    strategy: () =>
      passwordGrant({
        username: 'amina@example.com',
        password,
        clientId: 'ignored-id',
        clientSecret,
        parameters: { account_token: wootricAccount },
      }),
    expect: (fake) => {
      const request = lastToken(fake);
      expect(Object.fromEntries(request.url.searchParams)).toEqual({ account_token: wootricAccount });
      expect(request.fields).toEqual({ grant_type: 'password', username: 'amina@example.com', password });
    },
  },
  {
    grant: 'client_credentials',
    strategy: () => clientCredentialsGrant({ clientId: 'wootric-client', clientSecret }),
    expect: (fake) =>
      expect(lastToken(fake).fields).toEqual({
        grant_type: 'client_credentials',
        client_id: 'wootric-client',
        client_secret: clientSecret,
      }),
  },
  {
    grant: 'refresh_token, without client credentials',
    strategy: () => refreshTokenGrant({ refreshToken: 'rt-held-by-user', clientId: 'ignored-id', clientSecret }),
    expect: (fake) =>
      expect(lastToken(fake).fields).toEqual({ grant_type: 'refresh_token', refresh_token: 'rt-held-by-user' }),
  },
];
const wootricUndeclared: Provider['undeclared'] = [
  ['authorization_code', () => authorizationCodeGrant({ code: 'c', redirectUri: 'https://app/cb', clientId: 'id' })],
  ['an API key', () => apiKey('key-123456')],
];

const providers: Provider[] = [
  { id: 'wootric', rules: wootricRules, cases: wootricCases, undeclared: wootricUndeclared },
  {
    id: 'wootric-cxi',
    rules: wootricRules,
    absoluteTokenOrigin: 'https://api.wootric.com',
    cases: wootricCases,
    undeclared: wootricUndeclared,
  },
  {
    id: 'cloudcx',
    rules: cloudcxRules,
    cases: [
      {
        grant: 'password',
        strategy: () =>
          passwordGrant({ username: 'agent@tenant.example', password, clientId: 'cx-client', clientSecret }),
        expect: (fake) => {
          expect(lastToken(fake).contentType).toBe('application/x-www-form-urlencoded');
          expect(lastToken(fake).fields).toEqual({
            grant_type: 'password',
            username: 'agent@tenant.example',
            password,
            client_id: 'cx-client',
            client_secret: clientSecret,
          });
        },
      },
      {
        grant: 'refresh_token (inferred)',
        strategy: () => refreshTokenGrant({ refreshToken: 'rt-held-by-user', clientId: 'cx-client', clientSecret }),
        expect: (fake) =>
          expect(lastToken(fake).fields).toEqual({
            grant_type: 'refresh_token',
            refresh_token: 'rt-held-by-user',
            client_id: 'cx-client',
            client_secret: clientSecret,
          }),
      },
      {
        grant: 'an API key, sent as a bearer token',
        strategy: () => apiKey('cx-api-key-123456'),
        apiKey: 'cx-api-key-123456',
        expect: (_, tokenRequestsMade) => expect(tokenRequestsMade).toBe(0),
      },
    ],
    undeclared: [
      ['client_credentials', () => clientCredentialsGrant({ clientId: 'id', clientSecret })],
      [
        'authorization_code',
        () => authorizationCodeGrant({ code: 'c', redirectUri: 'https://app/cb', clientId: 'id' }),
      ],
    ],
  },
  {
    id: 'klika',
    rules: klikaRules,
    cases: [
      {
        grant: 'password, grant_type in the query',
        strategy: () =>
          passwordGrant({ username: 'amina@example.com', password, clientId: 'klika-client', clientSecret }),
        expect: (fake) => {
          const request = lastToken(fake);
          expect(Object.fromEntries(request.url.searchParams)).toEqual({ grant_type: 'password' });
          expect(request.fields).toEqual({
            username: 'amina@example.com',
            password,
            client_id: 'klika-client',
            client_secret: clientSecret,
          });
        },
      },
      {
        grant: 'refresh_token',
        strategy: () => refreshTokenGrant({ refreshToken: 'rt-held-by-user', clientId: 'klika-client', clientSecret }),
        expect: (fake) => expect(lastToken(fake).url.searchParams.get('grant_type')).toBe('refresh_token'),
      },
      {
        grant: 'authorization_code, without PKCE',
        strategy: () =>
          authorizationCodeGrant({
            code: 'a'.repeat(64),
            redirectUri: 'https://app.example.com/cb',
            clientId: 'klika-client',
            clientSecret,
          }),
        expect: (fake) => {
          // The guide's code exchange carries grant_type in the JSON body, not the query.
          expect(lastToken(fake).url.searchParams.has('grant_type')).toBe(false);
          expect(lastToken(fake).fields).toEqual({
            grant_type: 'authorization_code',
            code: 'a'.repeat(64),
            redirect_uri: 'https://app.example.com/cb',
            client_id: 'klika-client',
            client_secret: clientSecret,
          });
        },
      },
    ],
    undeclared: [
      ['client_credentials', () => clientCredentialsGrant({ clientId: 'id', clientSecret })],
      ['an API key', () => apiKey('key-123456')],
    ],
  },
];

describe.each(providers)('$id: the spec wires packages/auth', (provider) => {
  let fake: ProviderFake;
  beforeAll(async () => {
    fake = await startProviderFake(provider.rules);
  });
  afterAll(() => fake.close());

  /** The client's fetch: requests to the spec's absolute token host go to the fake instead. */
  const fetchVia =
    (seen: string[]): typeof fetch =>
    (input, init) => {
      const request = input as Request;
      seen.push(request.url);
      const origin = provider.absoluteTokenOrigin;
      if (origin && request.url.startsWith(origin))
        return fetch(new Request(fake.url + request.url.slice(origin.length), request), init);
      return fetch(request, init);
    };

  it.each(provider.cases)('$grant', async ({ strategy, apiKey: key, expect: expectations }) => {
    if (key) fake.validTokens.add(key);
    const seen: string[] = [];
    const fetch = fetchVia(seen);
    const [tokenServer] = descriptorOf(provider.id).tokenServers ?? [];
    const auth = createAuth({
      security: securityOf(provider.id),
      strategy: strategy(),
      baseUrl: fake.url,
      fetch,
      ...(tokenServer ? { tokenBaseUrl: tokenServer.url } : {}),
    });
    const client = createClient<Record<string, never>>({ baseUrl: fake.url, fetch });
    client.use(auth.middleware);
    const before = fake.tokenRequests.length;
    const { response } = await client.request('get' as never, '/ping' as never);
    expect(fake.refusals).toEqual([]);
    expect(response.status).toBe(200);
    if (provider.absoluteTokenOrigin && fake.tokenRequests.length > before)
      expect(seen[0]).toMatch(new RegExp(`^${provider.absoluteTokenOrigin}/oauth/token`));
    expectations(fake, fake.tokenRequests.length - before);
    expect(seen.filter((url) => secrets.some((secret) => url.includes(secret)))).toEqual([]);
  });

  it.each(provider.undeclared)('refuses %s, which the spec does not declare', (_, strategy) => {
    let error: unknown;
    try {
      createAuth({ security: securityOf(provider.id), strategy: strategy(), baseUrl: fake.url });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/^"auth": the /);
    expect(secretsIn(error, secrets)).toEqual([]);
  });
});

describe('klika: the authorize URL from the spec', () => {
  it('resolves /oauth/authorize against the deployment and carries state, and no PKCE (x-pkce: false)', async () => {
    const request = await createAuthorizationRequest({
      security: securityOf('klika'),
      baseUrl: 'https://api.example.com',
      clientId: 'klika-client',
      redirectUri: 'https://app.example.com/cb',
    });
    expect(`${request.url.origin}${request.url.pathname}`).toBe('https://api.example.com/oauth/authorize');
    expect(request.url.searchParams.has('code_challenge')).toBe(false);
    expect(request.url.searchParams.has('code_challenge_method')).toBe(false);
    expect(request.codeVerifier).toBeUndefined();
    expect(request.url.searchParams.get('state')).toBe(request.state);
  });

  it.each(['wootric', 'wootric-cxi', 'cloudcx'])('%s declares no authorize URL', async (id) => {
    await expect(
      createAuthorizationRequest({
        security: securityOf(id),
        baseUrl: 'https://x.example',
        clientId: 'c',
        redirectUri: 'https://app/cb',
      }),
    ).rejects.toThrow(/declares no authorizationCode flow/);
  });
});
