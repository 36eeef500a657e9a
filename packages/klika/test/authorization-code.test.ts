// The authorization-code grant against the fake Doorkeeper, which answers as the template does: no
// PKCE columns, so a code_challenge is ignored and a code_verifier refused. The spec says so
// (`x-pkce: false`): the authorize URL carries state and no challenge, the exchange no verifier.
// A deployment that added the PKCE columns turns PKCE on with the `pkce` option.
import { secretsIn } from '@oapi/test-support';
import { client, users, type FakeDoorkeeper, startFakeDoorkeeper } from '@oapi/fakes/klika';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthError,
  authorizationCodeGrant,
  createAuthorizationRequest,
  createKlikaClient,
  readAuthorizationCallback,
  security,
  unwrap,
} from '../src/index.js';

const redirectUri = 'https://app.example.com/oauth/callback';

/** The browser's part: follow the authorize URL to the redirect, as a signed-in admin would. */
async function approve(url: URL): Promise<string> {
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return response.headers.get('location')!;
}

/** The README's flow: authorize URL, callback, a client that exchanges the code on its first call. */
async function signIn(server: FakeDoorkeeper, options: { pkce?: boolean; codeVerifier?: string } = {}) {
  const request = await createAuthorizationRequest({
    security,
    baseUrl: server.url,
    clientId: client.id,
    redirectUri,
    ...(options.pkce === undefined ? {} : { pkce: options.pkce }),
  });
  const { code } = readAuthorizationCallback(await approve(request.url), request);
  const codeVerifier = options.codeVerifier ?? request.codeVerifier;
  const klika = createKlikaClient({
    baseUrl: server.url,
    auth: authorizationCodeGrant({ code, redirectUri, codeVerifier, clientId: client.id, clientSecret: client.secret }),
  });
  return { request, code, klika };
}

describe('klika authorization-code grant against the template (no PKCE columns)', () => {
  let server: FakeDoorkeeper;
  beforeAll(async () => {
    server = await startFakeDoorkeeper();
  });
  afterAll(() => server.close());

  it('completes: state and no code_challenge on /oauth/authorize, no code_verifier on the exchange', async () => {
    const { request, code, klika } = await signIn(server);
    expect(request.url.origin + request.url.pathname).toBe(`${server.url}/oauth/authorize`);
    expect(Object.fromEntries(request.url.searchParams)).toEqual({
      response_type: 'code',
      client_id: client.id,
      redirect_uri: redirectUri,
      state: request.state,
    });
    expect(request.codeVerifier).toBeUndefined();

    const me = unwrap(await klika.GET('/api/v1/users/{id}', { params: { path: { id: 1 } } }));
    expect(me.email).toBe(users[1]!.email);
    const exchange = server.tokenRequests.at(-1)!;
    // As the guide shows it: grant_type in the JSON body, not the query.
    expect(exchange.body).toEqual({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: client.id,
      client_secret: client.secret,
    });
    expect(exchange.query.has('grant_type')).toBe(false);
  });

  it('gets later tokens by refresh, the code being spent', async () => {
    const { klika } = await signIn(server);
    unwrap(await klika.GET('/api/v1/countries'));
    server.expireAccessTokens();
    unwrap(await klika.GET('/api/v1/countries'));
    expect(server.tokenRequests.slice(-2).map((r) => r.body.grant_type ?? r.query.get('grant_type'))).toEqual([
      'authorization_code',
      'refresh_token',
    ]);
  });

  it('surfaces the refusal of a code_verifier passed anyway: 400 invalid_request, without secrets', async () => {
    const verifier = 'v'.repeat(43);
    const { code, klika } = await signIn(server, { codeVerifier: verifier });
    const error = await klika.GET('/api/v1/countries').catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'OAuthError',
      error: 'invalid_request',
      errorDescription: 'Invalid code_verifier parameter. Server does not support pkce.',
      status: 400,
    });
    expect(secretsIn(error, [code, client.secret, verifier])).toEqual([]);
  });

  it('refuses a callback whose state is not the one sent, without showing the code', async () => {
    const request = await createAuthorizationRequest({
      security,
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
});

describe('klika with pkce: true, for a deployment that added the PKCE columns', () => {
  let server: FakeDoorkeeper;
  beforeAll(async () => {
    server = await startFakeDoorkeeper({ pkceColumns: true });
  });
  afterAll(() => server.close());

  it('sends an S256 challenge and exchanges the code with its verifier', async () => {
    const { request, klika } = await signIn(server, { pkce: true });
    expect(request.url.searchParams.get('code_challenge_method')).toBe('S256');
    unwrap(await klika.GET('/api/v1/countries'));
    expect(server.tokenRequests.at(-1)!.body.code_verifier).toBe(request.codeVerifier);
  });

  it('is held to the challenge: another verifier fails with invalid_grant', async () => {
    const { klika } = await signIn(server, { pkce: true, codeVerifier: 'x'.repeat(43) });
    const error = await klika.GET('/api/v1/countries').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'OAuthError', error: 'invalid_grant', status: 400 });
  });
});
