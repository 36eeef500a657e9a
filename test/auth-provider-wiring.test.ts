// Every strategy each provider's spec declares, wired from the bundled spec exactly as a client
// package does (the provider descriptor of @oapi/codegen → createAuth), against the provider's
// stateful fake (@oapi/fakes), which answers as the provider's reference documents: the token
// request must carry exactly the fields and query the reference names, and the fake must accept it.
// Strategies a spec does not declare are refused.
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
import { providerDescriptor, type SpecDescriptor } from '@oapi/codegen';
import type { TokenRequestRecord } from '@oapi/fakes/wootric-oauth';
import { secretsIn } from '@oapi/test-support';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  account,
  apiClient,
  cxiAccount,
  klikaClient,
  klikaCode,
  klikaUsers,
  oauthClient,
  owner,
  type ProviderWorld,
  secrets,
  validApiKey,
  wootricAccount,
  worlds,
} from './auth-provider-worlds.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const descriptorOf = (id: string): SpecDescriptor =>
  providerDescriptor(
    { id },
    JSON.parse(readFileSync(`${root}dist/${id}.openapi.json`, 'utf8')) as Record<string, unknown>,
  );
const securityOf = (id: string): SecurityConfig => descriptorOf(id).security;

interface Case {
  readonly grant: string;
  /** The strategy, from what the fake issued before (a refresh token, an authorization code). */
  readonly strategy: (world: ProviderWorld) => AuthStrategy | Promise<AuthStrategy>;
  /** The token request the call made (none for an API key). */
  readonly expect: (request: TokenRequestRecord | undefined) => void;
}

interface Provider {
  readonly id: string;
  /** Where the reference says token requests go when not to the API's host (routed to the fake's token host). */
  readonly absoluteTokenOrigin?: string;
  readonly cases: readonly Case[];
  readonly undeclared: readonly [string, () => AuthStrategy][];
}

const query = (request: TokenRequestRecord | undefined) => Object.fromEntries(request!.query);

const wootricCases = (accountToken: string): Case[] => [
  {
    grant: 'password with account_token',
    strategy: () =>
      passwordGrant({
        ...owner,
        clientId: 'ignored-id',
        clientSecret: apiClient.secret,
        parameters: { account_token: accountToken },
      }),
    expect: (request) => {
      expect(query(request)).toEqual({ account_token: accountToken });
      expect(request!.body).toEqual({ grant_type: 'password', ...owner });
    },
  },
  {
    grant: 'client_credentials',
    strategy: () => clientCredentialsGrant({ clientId: apiClient.id, clientSecret: apiClient.secret }),
    expect: (request) =>
      expect(request!.body).toEqual({
        grant_type: 'client_credentials',
        client_id: apiClient.id,
        client_secret: apiClient.secret,
      }),
  },
  {
    grant: 'refresh_token, without client credentials',
    strategy: async (world) =>
      refreshTokenGrant({ refreshToken: await world.refreshToken(), clientId: 'ignored-id', clientSecret: 'x' }),
    expect: (request) =>
      expect(request!.body).toEqual({ grant_type: 'refresh_token', refresh_token: expect.any(String) }),
  },
];
const wootricUndeclared: Provider['undeclared'] = [
  ['authorization_code', () => authorizationCodeGrant({ code: 'c', redirectUri: 'https://app/cb', clientId: 'id' })],
  ['an API key', () => apiKey('key-123456')],
];

const cloudcxClient = { clientId: oauthClient.id, clientSecret: oauthClient.secret };
const klikaCredentials = { clientId: klikaClient.id, clientSecret: klikaClient.secret };
const redirectUri = 'https://app.example.com/cb';

const providers: Provider[] = [
  { id: 'wootric', cases: wootricCases(wootricAccount), undeclared: wootricUndeclared },
  {
    id: 'wootric-cxi',
    absoluteTokenOrigin: 'https://api.wootric.com',
    cases: wootricCases(cxiAccount),
    undeclared: wootricUndeclared,
  },
  {
    id: 'cloudcx',
    cases: [
      {
        grant: 'password',
        strategy: () => passwordGrant({ username: account.username, password: account.password, ...cloudcxClient }),
        expect: (request) => {
          expect(request!.contentType).toBe('application/x-www-form-urlencoded');
          expect(request!.body).toEqual({
            grant_type: 'password',
            username: account.username,
            password: account.password,
            client_id: oauthClient.id,
            client_secret: oauthClient.secret,
          });
        },
      },
      {
        grant: 'refresh_token (inferred)',
        strategy: async (world) => refreshTokenGrant({ refreshToken: await world.refreshToken(), ...cloudcxClient }),
        expect: (request) =>
          expect(request!.body).toEqual({
            grant_type: 'refresh_token',
            refresh_token: expect.any(String),
            client_id: oauthClient.id,
            client_secret: oauthClient.secret,
          }),
      },
      {
        grant: 'an API key, sent as a bearer token',
        strategy: () => apiKey(validApiKey),
        expect: (request) => expect(request).toBeUndefined(),
      },
    ],
    undeclared: [
      ['client_credentials', () => clientCredentialsGrant({ clientId: 'id', clientSecret: 'x' })],
      [
        'authorization_code',
        () => authorizationCodeGrant({ code: 'c', redirectUri: 'https://app/cb', clientId: 'id' }),
      ],
    ],
  },
  {
    id: 'klika',
    cases: [
      {
        grant: 'password, grant_type in the query',
        strategy: () =>
          passwordGrant({ username: klikaUsers[0]!.email, password: klikaUsers[0]!.password, ...klikaCredentials }),
        expect: (request) => {
          expect(query(request)).toEqual({ grant_type: 'password' });
          expect(request!.contentType).toMatch(/^application\/json/);
          expect(request!.body).toEqual({
            username: klikaUsers[0]!.email,
            password: klikaUsers[0]!.password,
            client_id: klikaClient.id,
            client_secret: klikaClient.secret,
          });
        },
      },
      {
        grant: 'refresh_token',
        strategy: async (world) => refreshTokenGrant({ refreshToken: await world.refreshToken(), ...klikaCredentials }),
        expect: (request) => expect(query(request)).toEqual({ grant_type: 'refresh_token' }),
      },
      {
        grant: 'authorization_code, without PKCE',
        strategy: async (world) =>
          authorizationCodeGrant({ code: await klikaCode(world, redirectUri), redirectUri, ...klikaCredentials }),
        expect: (request) => {
          // The guide's code exchange carries grant_type in the JSON body, not the query.
          expect(query(request)).toEqual({});
          expect(request!.body).toEqual({
            grant_type: 'authorization_code',
            code: expect.any(String),
            redirect_uri: redirectUri,
            client_id: klikaClient.id,
            client_secret: klikaClient.secret,
          });
        },
      },
    ],
    undeclared: [
      ['client_credentials', () => clientCredentialsGrant({ clientId: 'id', clientSecret: 'x' })],
      ['an API key', () => apiKey('key-123456')],
    ],
  },
];

describe.each(providers)('$id: the spec wires packages/auth', (provider) => {
  let world: ProviderWorld;
  beforeAll(async () => {
    world = await worlds[provider.id]!();
  });
  afterAll(() => world.close());

  /** The client's fetch: requests to the spec's absolute token host go to the fake's token host instead. */
  const fetchVia =
    (seen: string[]): typeof fetch =>
    (input, init) => {
      const request = input as Request;
      seen.push(request.url);
      const origin = provider.absoluteTokenOrigin;
      if (origin && request.url.startsWith(origin))
        return fetch(new Request(world.token + request.url.slice(origin.length), request), init);
      return fetch(request, init);
    };

  it.each(provider.cases)('$grant', async ({ strategy, expect: expectations }) => {
    const seen: string[] = [];
    const fetch = fetchVia(seen);
    const [tokenServer] = descriptorOf(provider.id).tokenServers ?? [];
    const auth = createAuth({
      security: securityOf(provider.id),
      strategy: await strategy(world),
      baseUrl: world.api,
      fetch,
      ...(tokenServer ? { tokenBaseUrl: tokenServer.url } : {}),
    });
    const client = createClient<Record<string, never>>({ baseUrl: world.api, fetch });
    client.use(auth.middleware);
    const before = world.tokenRequests().length;
    const { response } = await client.request('get' as never, world.apiPath as never);
    expect(response.status, `${world.apiPath} with the token the fake issued`).toBe(200);
    const made = world.tokenRequests().slice(before);
    expect(made.length).toBeLessThanOrEqual(1);
    if (provider.absoluteTokenOrigin && made.length > 0)
      expect(seen[0]).toMatch(new RegExp(`^${provider.absoluteTokenOrigin}/oauth/token`));
    if (made[0]) expect(made[0].authorization, 'client credentials in the body, not a Basic header').toBeUndefined();
    expectations(made[0]);
    expect(seen.filter((url) => secrets.some((secret) => url.includes(secret)))).toEqual([]);
  });

  it.each(provider.undeclared)('refuses %s, which the spec does not declare', (_, strategy) => {
    let error: unknown;
    try {
      createAuth({ security: securityOf(provider.id), strategy: strategy(), baseUrl: world.api });
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
