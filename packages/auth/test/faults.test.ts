// What goes wrong at the token endpoint becomes a typed error with the status and a redacted
// excerpt, never a hang or a secret; the clocks of client and server may disagree.
import type { ServerResponse } from 'node:http';
import { freePort, secretsIn } from '@oapi/test-support';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthError, OAuthError, passwordGrant } from '../src/index.js';
import { startFakeProvider, type FakeProvider, type RecordedRequest } from './fake-provider.js';
import { echoClient, manualClock, rejectionOf } from './helpers.js';

let provider: FakeProvider;
const password = 'pw-correct-horse-battery';
const clientSecret = 'cs-0a1b2c3d4e5f';
const secrets = [password, clientSecret];
const strategy = () => passwordGrant({ username: 'amina@example.com', password, clientId: 'cli', clientSecret });

beforeAll(async () => {
  provider = await startFakeProvider({ lifetimeSeconds: 60 });
});
afterAll(() => provider.close());
beforeEach(() => {
  provider.tokenRequests.length = 0;
  provider.tokenHandler = provider.issueTokens;
});

const reply =
  (status: number, body: string, contentType = 'application/json') =>
  (_: RecordedRequest, res: ServerResponse) =>
    res.writeHead(status, { 'content-type': contentType }).end(body);

describe('token endpoint faults', () => {
  it.each([
    [
      'a 500 with an HTML page',
      reply(500, '<html><body>Internal Server Error</body></html>', 'text/html'),
      'invalid_token_response',
      500,
      /HTTP 500/,
    ],
    [
      'a 200 with malformed JSON',
      reply(200, '{"access_token": "at-123", "token_type": "bea'),
      'invalid_token_response',
      200,
      /the body is not a JSON object/,
    ],
    ['a 200 with an empty body', reply(200, ''), 'invalid_token_response', 200, /an empty body/],
    [
      'a 200 without access_token',
      reply(200, '{"token_type":"bearer","expires_in":60}'),
      'invalid_token_response',
      200,
      /access_token/,
    ],
    [
      'a 400 that echoes the password',
      reply(400, `{"error":"invalid_grant","error_description":"wrong password ${password}"}`),
      'oauth_error',
      400,
      /answered 400 invalid_grant: wrong password \[redacted\]/,
    ],
    [
      'a 401 invalid_client that echoes the secret',
      reply(401, `{"error":"invalid_client","client_secret":"${clientSecret}"}`),
      'oauth_error',
      401,
      /answered 401 invalid_client$/,
    ],
  ])('%s', async (_, handler, code, status, message) => {
    provider.tokenHandler = handler;
    const client = echoClient(provider.url, { strategy: strategy() });
    const error = await rejectionOf(client.GET('/echo'));
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code, status });
    expect(error.message).toMatch(message);
    expect((error as AuthError).bodyExcerpt).toBeTypeOf('string');
    expect(secretsIn(error, secrets)).toEqual([]);
  });

  it('does not follow a redirect with the credentials', async () => {
    const elsewhere = await startFakeProvider();
    provider.tokenHandler = (_, res) => res.writeHead(307, { location: `${elsewhere.url}/oauth/token` }).end();
    try {
      const client = echoClient(provider.url, { strategy: strategy() });
      const error = await rejectionOf(client.GET('/echo'));
      expect(error).toMatchObject({ code: 'invalid_token_response', status: 307 });
      expect(elsewhere.tokenRequests).toHaveLength(0);
      expect(secretsIn(error, secrets)).toEqual([]);
    } finally {
      await elsewhere.close();
    }
  });

  it('abandons a token request after tokenTimeoutMs', async () => {
    provider.tokenHandler = () => undefined; // never answers
    const client = echoClient(provider.url, { strategy: strategy(), tokenTimeoutMs: 100 });
    const error = await rejectionOf(client.GET('/echo'));
    expect(error).toMatchObject({ code: 'token_request_failed' });
    expect(error.message).toBe(`The token request to ${provider.url}/oauth/token failed: no answer within 100 ms.`);
    expect(secretsIn(error, secrets)).toEqual([]);
  });

  it('abandons a reply whose body stalls, under the same timeout', async () => {
    provider.tokenHandler = (_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"access_token":'); // and nothing more
    };
    const client = echoClient(provider.url, { strategy: strategy(), tokenTimeoutMs: 150 });
    const error = await rejectionOf(client.GET('/echo'));
    expect(error).toMatchObject({ code: 'token_request_failed' });
    expect(error.message).toMatch(/no answer within 150 ms/);
  });

  it('reports a token endpoint nobody listens on', async () => {
    const port = await freePort();
    const client = echoClient(`http://127.0.0.1:${port}`, { strategy: strategy() });
    const error = await rejectionOf(client.GET('/echo'));
    expect(error).toMatchObject({ code: 'token_request_failed' });
    expect(error.message).toMatch(
      new RegExp(`^The token request to http://127.0.0.1:${port}/oauth/token failed: fetch failed\\.$`),
    );
    expect(secretsIn(error, secrets)).toEqual([]);
  });

  it('is an OAuthError for invalid_grant on the password itself, with no fallback loop', async () => {
    provider.tokenHandler = reply(400, '{"error":"invalid_grant","error_description":"Bad credentials"}');
    const client = echoClient(provider.url, { strategy: strategy() });
    const error = await rejectionOf(client.GET('/echo'));
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ error: 'invalid_grant', errorDescription: 'Bad credentials' });
    expect(provider.tokenRequests).toHaveLength(1);
  });

  it('passes a refresh failure that is not invalid_grant on, without spending the password', async () => {
    const clock = manualClock();
    const client = echoClient(provider.url, { strategy: strategy(), now: clock.now });
    await client.GET('/echo');
    provider.tokenHandler = reply(503, '<h1>Maintenance</h1>', 'text/html');
    clock.advance(61_000);
    const error = await rejectionOf(client.GET('/echo'));
    expect(error).toMatchObject({ code: 'invalid_token_response', status: 503, bodyExcerpt: '<h1>Maintenance</h1>' });
    expect(provider.tokenRequests.map((r) => r.fields.grant_type)).toEqual(['password', 'refresh_token']);
  });
});

describe('clock skew', () => {
  it("ignores the server's clock: the lifetime counts from when this machine sent the request", async () => {
    // A server whose clock runs a day ahead stamps `created_at` in what is, here, the future.
    provider.tokenHandler = (_request, res) => {
      const token = `at-skew-${provider.tokenRequests.length}`;
      provider.validTokens.add(token);
      const createdAt = Math.floor(Date.now() / 1000) + 86_400;
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 60, created_at: createdAt }));
    };
    const clock = manualClock();
    const client = echoClient(provider.url, { strategy: strategy(), now: clock.now });
    await client.GET('/echo');
    clock.advance(53_000);
    await client.GET('/echo');
    expect(provider.tokenRequests).toHaveLength(1);
    clock.advance(2_000);
    await client.GET('/echo');
    expect(provider.tokenRequests).toHaveLength(2);
  });

  it("gets a new token when this machine's clock jumps back, instead of trusting an age it cannot know", async () => {
    const clock = manualClock();
    const client = echoClient(provider.url, { strategy: strategy(), now: clock.now });
    await client.GET('/echo');
    clock.advance(-3_600_000);
    await client.GET('/echo');
    expect(provider.tokenRequests.map((r) => r.fields.grant_type)).toEqual(['password', 'refresh_token']);
    await client.GET('/echo');
    expect(provider.tokenRequests).toHaveLength(2);
  });

  it('recovers through the 401 replay when the server expires a token earlier than its clock said', async () => {
    const client = echoClient(provider.url, { strategy: strategy() });
    await client.GET('/echo');
    provider.validTokens.clear();
    expect((await client.GET('/echo')).response.status).toBe(200);
    expect(provider.tokenRequests).toHaveLength(2);
  });
});
