// The authorization-code grant with PKCE against the fake Doorkeeper: the authorize URL built from
// the spec, the redirect back, the checked callback, the code exchange, then refreshes.
import { secretsIn } from '@oapi/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthError,
  authorizationCodeGrant,
  createAuthorizationRequest,
  createKlikaClient,
  readAuthorizationCallback,
  provider,
  unwrap,
} from '../src/index.js';
import { client, startFakeDoorkeeper, users, type FakeDoorkeeper } from './fake-doorkeeper.js';

let server: FakeDoorkeeper;
const redirectUri = 'https://app.example.com/oauth/callback';

beforeAll(async () => {
  server = await startFakeDoorkeeper();
});
afterAll(() => server.close());

/** The browser's part: follow the authorize URL to the redirect, as a signed-in user would. */
async function approve(url: URL): Promise<string> {
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return response.headers.get('location')!;
}

describe('klika authorization-code grant', () => {
  it('sends the user to /oauth/authorize with PKCE S256 and state, and exchanges the code', async () => {
    const request = await createAuthorizationRequest({
      security: provider.security,
      baseUrl: server.url,
      clientId: client.id,
      redirectUri,
    });
    expect(request.url.origin + request.url.pathname).toBe(`${server.url}/oauth/authorize`);
    expect(Object.fromEntries(request.url.searchParams)).toMatchObject({
      client_id: client.id,
      redirect_uri: redirectUri,
      response_type: 'code',
      code_challenge_method: 'S256',
      state: request.state,
    });
    expect(request.url.searchParams.has('code_verifier')).toBe(false);

    const { code } = readAuthorizationCallback(await approve(request.url), request);
    const klika = createKlikaClient({
      baseUrl: server.url,
      auth: authorizationCodeGrant({
        code,
        redirectUri,
        codeVerifier: request.codeVerifier,
        clientId: client.id,
        clientSecret: client.secret,
      }),
    });
    const me = unwrap(await klika.GET('/api/v1/users/{id}', { params: { path: { id: 1 } } }));
    expect(me.email).toBe(users[1]!.email);

    const exchange = server.tokenRequests.at(-1)!;
    // As the guide shows it: grant_type in the JSON body, not the query.
    expect(exchange.body).toMatchObject({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: request.codeVerifier,
    });
    expect(exchange.query.has('grant_type')).toBe(false);
  });

  it('refuses a callback whose state is not the one sent, without showing the code', async () => {
    const request = await createAuthorizationRequest({
      security: provider.security,
      baseUrl: server.url,
      clientId: client.id,
      redirectUri,
    });
    const forged = new URL(await approve(request.url));
    forged.searchParams.set('state', 'attacker-state');
    const error = (() => {
      try {
        readAuthorizationCallback(forged, request);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'invalid_callback' });
    expect(secretsIn(error, [forged.searchParams.get('code')!])).toEqual([]);
  });

  it('fails the exchange with invalid_grant when the verifier is not the one of the challenge', async () => {
    const request = await createAuthorizationRequest({
      security: provider.security,
      baseUrl: server.url,
      clientId: client.id,
      redirectUri,
    });
    const { code } = readAuthorizationCallback(await approve(request.url), request);
    const klika = createKlikaClient({
      baseUrl: server.url,
      auth: authorizationCodeGrant({
        code,
        redirectUri,
        codeVerifier: 'x'.repeat(43),
        clientId: client.id,
        clientSecret: client.secret,
      }),
    });
    const error = await klika.GET('/api/v1/countries').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'OAuthError', error: 'invalid_grant', status: 400 });
    expect(secretsIn(error, [code, client.secret, request.codeVerifier!])).toEqual([]);
  });
});
