// The browser step of the authorization-code grant: the authorize URL (PKCE S256, state), the
// callback check, and the loopback redirect for CLIs.
import { createHash } from 'node:crypto';
import { secretsIn } from '@oapi/test-support';
import { describe, expect, it } from 'vitest';
import { AuthError, createAuthorizationRequest, readAuthorizationCallback } from '../src/index.js';
import { startLoopbackRedirect } from '../src/node.js';
import { oauth2Scheme, rejectionOf, securityWith, thrownBy } from './helpers.js';

const security = securityWith();
const base = {
  security,
  baseUrl: 'https://api.example.com/api/v1',
  clientId: 'cli',
  redirectUri: 'https://app.example.com/callback',
};

describe('createAuthorizationRequest', () => {
  it("resolves the spec's authorizationUrl against the base URL and adds PKCE S256 and state", async () => {
    const request = await createAuthorizationRequest({ ...base, scope: 'read write', parameters: { prompt: 'login' } });
    expect(`${request.url.origin}${request.url.pathname}`).toBe('https://api.example.com/oauth/authorize');
    expect(Object.fromEntries(request.url.searchParams)).toEqual({
      prompt: 'login',
      response_type: 'code',
      client_id: 'cli',
      redirect_uri: 'https://app.example.com/callback',
      scope: 'read write',
      state: request.state,
      code_challenge: createHash('sha256').update(request.codeVerifier!).digest('base64url'),
      code_challenge_method: 'S256',
    });
    expect(request.codeVerifier).toMatch(/^[\w-]{43,128}$/);
    expect(request.url.href).not.toContain(request.codeVerifier!);
  });

  it('makes a new state and verifier every time', async () => {
    const [a, b] = await Promise.all([createAuthorizationRequest(base), createAuthorizationRequest(base)]);
    expect(a.state).not.toBe(b.state);
    expect(a.codeVerifier).not.toBe(b.codeVerifier);
  });

  it.each([
    ['a loopback http redirect (CLI)', 'http://127.0.0.1:53124/callback'],
    ["a native app's private-use scheme", 'com.example.app:/oauth2redirect'],
  ])('accepts %s', async (_, redirectUri) => {
    expect((await createAuthorizationRequest({ ...base, redirectUri })).redirectUri).toBe(redirectUri);
  });

  it.each([
    ['an http redirect off loopback', { redirectUri: 'http://app.example.com/callback' }, AuthError, /redirect URI/],
    ['an http authorize URL off loopback', { baseUrl: 'http://api.example.com' }, AuthError, /authorization URL/],
    [
      'a relative redirect URI',
      { redirectUri: '/callback' },
      TypeError,
      /"options.redirectUri" must be an absolute URL/,
    ],
    [
      'a credential among the parameters',
      { parameters: { client_secret: 'cs-123456' } },
      TypeError,
      /"options.parameters.client_secret" is a credential/,
    ],
    ['no clientId', { clientId: '' }, TypeError, /"options.clientId" must be a non-empty string/],
    [
      'a spec without an authorizationCode flow',
      { security: securityWith(oauth2Scheme({ flows: { password: { tokenUrl: '/t', scopes: {} } } })) },
      TypeError,
      /the test spec declares no authorizationCode flow/,
    ],
  ])('refuses %s', async (_, overrides, type, message) => {
    const error = await rejectionOf(createAuthorizationRequest({ ...base, ...overrides }));
    expect(error).toBeInstanceOf(type);
    expect(error.message).toMatch(message);
    expect(secretsIn(error, ['cs-123456'])).toEqual([]);
  });
});

describe('readAuthorizationCallback', () => {
  const code = 'SplxlOBeZQQYbYS6WxSbIA-the-code';
  const state = 'af0ifjsldkj-the-state';

  it.each([
    ['a full URL string', `https://app.example.com/callback?code=${code}&state=${state}`],
    ['a URL', new URL(`https://app.example.com/callback?code=${code}&state=${state}`)],
    ["a server's req.url", `/callback?state=${state}&code=${code}`],
    ['URLSearchParams', new URLSearchParams({ code, state })],
    ['an iss it cannot check, ignored', `/callback?code=${code}&state=${state}&iss=https%3A%2F%2Fid.example.com`],
  ])('returns the code from %s', (_, callback) => {
    expect(readAuthorizationCallback(callback, { state })).toEqual({ code });
  });

  it.each([
    [
      'a different state (CSRF)',
      `/cb?code=${code}&state=forged`,
      /Ignoring the authorization callback \(forged, stale or malformed\): unexpected "state" response parameter value/,
    ],
    ['no state', `/cb?code=${code}`, /response parameter "state" missing/],
    ['two states', `/cb?code=${code}&state=${state}&state=${state}`, /"state" parameter must be provided only once/],
    [
      'an error from the server',
      `/cb?error=access_denied&error_description=The+user+said+no&state=${state}`,
      /^The authorization server refused: access_denied: The user said no\.$/,
    ],
    [
      'an error without description',
      `/cb?error=temporarily_unavailable&state=${state}`,
      /^The authorization server refused: temporarily_unavailable\.$/,
    ],
    ['no code', `/cb?state=${state}`, /^The authorization callback carries no code\.$/],
    [
      'an implicit-flow token',
      `/cb?access_token=at-leaked&state=${state}&token=at-leaked`,
      /implicit and hybrid flows are not supported/,
    ],
  ])('refuses %s with invalid_callback', (_, callback, message) => {
    const error = thrownBy(() => readAuthorizationCallback(callback, { state }));
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'invalid_callback' });
    expect(error.message).toMatch(message);
    expect(secretsIn(error, [code, 'at-leaked'])).toEqual([]);
  });

  it('needs the expected state', () => {
    expect(thrownBy(() => readAuthorizationCallback(`/cb?code=${code}`, {} as never)).message).toBe(
      '"expected.state" must be a non-empty string',
    );
  });
});

describe('startLoopbackRedirect', () => {
  it('listens on 127.0.0.1, ignores other requests, answers the callback without echoing it, then stops', async () => {
    const redirect = await startLoopbackRedirect({ path: '/oauth/done', timeoutMs: 5_000 });
    expect(redirect.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/done$/);
    expect((await fetch(new URL('/favicon.ico', redirect.redirectUri))).status).toBe(404);
    expect((await fetch(`${redirect.redirectUri}?nothing=here`)).status).toBe(404);

    const page = await fetch(`${redirect.redirectUri}?code=the-code-123&state=s-1`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('Signed in.');
    expect(html).not.toContain('the-code-123');
    const url = await redirect.waitForCallback();
    expect(url.searchParams.get('code')).toBe('the-code-123');

    await redirect.close();
    expect(await rejectionOf(fetch(redirect.redirectUri))).toBeInstanceOf(TypeError);
  });

  it('resolves with an error callback too, and says so on the page', async () => {
    const redirect = await startLoopbackRedirect({ timeoutMs: 5_000 });
    const page = await fetch(`${redirect.redirectUri}?error=access_denied&state=s`);
    expect(await page.text()).toContain('Authorization failed.');
    expect(readAuthorizationCallback.bind(null, await redirect.waitForCallback(), { state: 's' })).toThrow(
      /access_denied/,
    );
  });

  it('gives up after timeoutMs with callback_timeout and stops listening', async () => {
    const redirect = await startLoopbackRedirect({ timeoutMs: 50 });
    const error = await rejectionOf(redirect.waitForCallback());
    expect(error).toMatchObject({ name: 'AuthError', code: 'callback_timeout' });
    expect(error.message).toBe(`No authorization callback reached ${redirect.redirectUri} within 50 ms.`);
    expect(await rejectionOf(fetch(redirect.redirectUri))).toBeInstanceOf(TypeError);
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    const redirect = await startLoopbackRedirect({ signal: controller.signal });
    controller.abort();
    expect((await rejectionOf(redirect.waitForCallback())).name).toBe('AbortError');
  });

  it('uses a fixed port when asked, and reports one in use', async () => {
    const first = await startLoopbackRedirect({ timeoutMs: 5_000 });
    const port = Number(new URL(first.redirectUri).port);
    const error = await rejectionOf(startLoopbackRedirect({ port }));
    expect((error as NodeJS.ErrnoException).code).toBe('EADDRINUSE');
    await first.close();
    const second = await startLoopbackRedirect({ port, timeoutMs: 5_000 });
    expect(second.redirectUri).toBe(`http://127.0.0.1:${port}/callback`);
    await second.close();
  });

  it.each([
    [{ path: 'callback' }, '"options.path" must be a path starting with "/"'],
    [{ port: 70_000 }, '"options.port" must be a port number'],
    [{ timeoutMs: -1 }, '"options.timeoutMs" must be a positive number'],
  ])('refuses %o', async (options, message) => {
    expect((await rejectionOf(startLoopbackRedirect(options))).message).toBe(message);
  });
});
