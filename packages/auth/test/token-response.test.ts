// Token replies are validated; every unusable one is a typed error with the status and a redacted
// excerpt, and no error carries a token or a secret.
import { secretsIn } from '@oapi/test-support';
import { describe, expect, it } from 'vitest';
import { AuthError, OAuthError, redactedExcerpt } from '../src/index.js';
import { processTokenResponse, type TokenReply } from '../src/token-response.js';
import { rejectionOf } from './helpers.js';

const issuedToken = 'eyJhbGciOiJIUzUxMiJ9.issued-access-token';
const password = 'correct-horse-battery';
const clientSecret = 'client-secret-0a1b2c';
const context = {
  sentAt: 1_000_000,
  previousRefreshToken: undefined,
  defaultLifetimeSeconds: undefined,
  secrets: [password, clientSecret],
};
const secrets = [issuedToken, password, clientSecret];

const json = (status: number, body: unknown, headers: Record<string, string> = {}): TokenReply => ({
  status,
  headers: new Headers({ 'content-type': 'application/json; charset=utf-8', ...headers }),
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('processTokenResponse: usable replies', () => {
  it.each([
    ['token_type Bearer', { access_token: issuedToken, token_type: 'Bearer', expires_in: 60 }, 60],
    ['token_type BEARER', { access_token: issuedToken, token_type: 'BEARER', expires_in: 7200 }, 7200],
    ['expires_in as a numeric string', { access_token: issuedToken, token_type: 'bearer', expires_in: '3599' }, 3599],
    [
      'an id_token, ignored (no OpenID Connect)',
      { access_token: issuedToken, token_type: 'bearer', expires_in: 60, id_token: 'not.a.jwt' },
      60,
    ],
    [
      'expires_in 0 (already expired, as oauth4webapi allows)',
      { access_token: issuedToken, token_type: 'bearer', expires_in: 0 },
      0,
    ],
    [
      'null fields, as absent ones (servers serialize unset fields so)',
      { access_token: issuedToken, token_type: 'bearer', expires_in: 60, refresh_token: null, scope: null },
      60,
    ],
  ])('%s', async (_, body, lifetime) => {
    const tokens = await processTokenResponse(json(200, body), context);
    expect(tokens).toEqual({
      accessToken: issuedToken,
      tokenType: 'bearer',
      expiresAt: 1_000_000 + lifetime * 1000,
      refreshToken: undefined,
      scope: undefined,
      receivedAt: 1_000_000,
    });
  });

  it('reads a JSON body whatever its content type says, as oauth4webapi does', async () => {
    const reply = { ...json(200, { access_token: issuedToken, token_type: 'bearer' }), headers: new Headers() };
    expect((await processTokenResponse(reply, context)).accessToken).toBe(issuedToken);
    const text = { ...reply, headers: new Headers({ 'content-type': 'text/plain' }) };
    expect((await processTokenResponse(text, context)).accessToken).toBe(issuedToken);
  });

  it('takes an empty scope, a string as RFC 6749 §3.3 has it', async () => {
    const body = { access_token: issuedToken, token_type: 'bearer', scope: '' };
    expect((await processTokenResponse(json(200, body), context)).scope).toBe('');
  });

  it('uses the spec lifetime when the reply has no expires_in, and none when neither says', async () => {
    const body = { access_token: issuedToken, token_type: 'bearer' };
    expect((await processTokenResponse(json(200, body), { ...context, defaultLifetimeSeconds: 3599 })).expiresAt).toBe(
      1_000_000 + 3_599_000,
    );
    expect((await processTokenResponse(json(200, body), context)).expiresAt).toBeUndefined();
  });

  it('keeps the previous refresh token only when a refresh reply brings none (RFC 6749 §6)', async () => {
    const bare = { access_token: issuedToken, token_type: 'bearer' };
    expect(
      (await processTokenResponse(json(200, bare), { ...context, previousRefreshToken: 'rt-old' })).refreshToken,
    ).toBe('rt-old');
    const rotated = { ...bare, refresh_token: 'rt-new', scope: 'read write' };
    expect(
      await processTokenResponse(json(200, rotated), { ...context, previousRefreshToken: 'rt-old' }),
    ).toMatchObject({ refreshToken: 'rt-new', scope: 'read write' });
  });
});

describe('processTokenResponse: unusable replies', () => {
  it.each([
    [
      'an HTML error page',
      {
        status: 502,
        headers: new Headers({ 'content-type': 'text/html' }),
        body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
      },
      502,
      /HTTP 502\) is not a usable token response: not a token response/,
    ],
    ['an empty 200', { status: 200, headers: new Headers(), body: '' }, 200, /an empty body/],
    [
      'malformed JSON',
      json(200, `{"access_token":"${issuedToken}", "token_type":`),
      200,
      /the body is not a JSON object/,
    ],
    ['a JSON array', json(200, [issuedToken]), 200, /the body is not a JSON object/],
    [
      'no access_token',
      json(200, { token_type: 'bearer', expires_in: 60 }),
      200,
      /"access_token" must be a non-empty string/,
    ],
    [
      'a token under another name',
      json(200, { accessToken: issuedToken, tokenType: 'Bearer' }),
      200,
      /"access_token" must be a non-empty string/,
    ],
    ['no token_type', json(200, { access_token: issuedToken }), 200, /"token_type" must be a non-empty string/],
    [
      'a mac token',
      json(200, { access_token: issuedToken, token_type: 'mac' }),
      200,
      /"token_type" is "mac"; only bearer tokens/,
    ],
    [
      'a DPoP token',
      json(200, { access_token: issuedToken, token_type: 'DPoP' }),
      200,
      /"token_type" is "dpop"; only bearer tokens/,
    ],
    [
      'the token again as token_type',
      json(200, { access_token: issuedToken, token_type: issuedToken }),
      200,
      /"token_type" is "\[redacted\]"; only bearer tokens/,
    ],
    [
      'the password as token_type',
      json(200, { access_token: issuedToken, token_type: password }),
      200,
      /"token_type" is "\[redacted\]"; only bearer tokens/,
    ],
    [
      'expires_in not numeric',
      json(200, { access_token: issuedToken, token_type: 'bearer', expires_in: 'soon' }),
      200,
      /"expires_in" must be a non-negative number/,
    ],
    [
      'a negative expires_in',
      json(200, { access_token: issuedToken, token_type: 'bearer', expires_in: -5 }),
      200,
      /"expires_in" must be a non-negative number/,
    ],
    [
      'a refresh_token that is not a string',
      json(200, { access_token: issuedToken, token_type: 'bearer', refresh_token: 42 }),
      200,
      /"refresh_token" must be a non-empty string/,
    ],
    [
      'an empty refresh_token',
      json(200, { access_token: issuedToken, token_type: 'bearer', refresh_token: '' }),
      200,
      /"refresh_token" must be a non-empty string/,
    ],
    [
      'a scope that is not a string',
      json(200, { access_token: issuedToken, token_type: 'bearer', scope: ['read'] }),
      200,
      /"scope" must be a string/,
    ],
    [
      'an access_token that is not a string',
      json(200, { access_token: 12345, token_type: 'bearer' }),
      200,
      /"access_token" must be a non-empty string/,
    ],
    [
      'an empty token_type',
      json(200, { access_token: issuedToken, token_type: '' }),
      200,
      /"token_type" must be a non-empty string/,
    ],
    [
      'expires_in with a unit (parseFloat would read 3600)',
      json(200, { access_token: issuedToken, token_type: 'bearer', expires_in: '3600s' }),
      200,
      /"expires_in" must be a non-negative number/,
    ],
    [
      'a token with another success status',
      json(201, { access_token: issuedToken, token_type: 'bearer' }),
      201,
      /HTTP 201\) is not a usable token response: not a token response/,
    ],
    [
      'a challenge without an OAuth error, and no body',
      { status: 401, headers: new Headers({ 'www-authenticate': 'Basic realm="tokens"' }), body: '' },
      401,
      /HTTP 401\) is not a usable token response: an empty body, and a "Basic" challenge without an OAuth error/,
    ],
    [
      'a 500 with a JSON body but no error',
      json(500, { message: 'boom', access_token: issuedToken }),
      500,
      /HTTP 500\) is not a usable token response/,
    ],
    [
      'a 404 with plain text',
      { status: 404, headers: new Headers({ 'content-type': 'text/plain' }), body: 'Not Found' },
      404,
      /HTTP 404/,
    ],
  ])('%s: invalid_token_response with status and a redacted excerpt', async (_, reply, status, message) => {
    const error = await rejectionOf(processTokenResponse(reply, context));
    expect(error).toBeInstanceOf(AuthError);
    expect(error).not.toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ code: 'invalid_token_response', status });
    expect(error.message).toMatch(message);
    expect((error as AuthError).bodyExcerpt).toBeTypeOf('string');
    expect(secretsIn(error, secrets)).toEqual([]);
  });

  it.each([
    [
      'a JSON error body',
      json(400, { error: 'invalid_grant', error_description: 'Bad credentials' }),
      'invalid_grant',
      'Bad credentials',
    ],
    [
      'an error body labelled text/html (Rails, Spring)',
      { status: 401, headers: new Headers({ 'content-type': 'text/html' }), body: '{"error":"invalid_client"}' },
      'invalid_client',
      undefined,
    ],
    [
      'a WWW-Authenticate challenge and no body (Doorkeeper invalid_client)',
      {
        status: 401,
        headers: new Headers({
          'www-authenticate':
            'Bearer realm="Doorkeeper", error="invalid_client", error_description="Client authentication failed."',
        }),
        body: '',
      },
      'invalid_client',
      'Client authentication failed.',
    ],
    [
      'a challenge and a JSON body: the body wins',
      json(401, { error: 'invalid_client' }, { 'www-authenticate': 'Basic realm="x"' }),
      'invalid_client',
      undefined,
    ],
    [
      'an unquoted challenge error, an escaped description',
      {
        status: 401,
        headers: new Headers({
          'www-authenticate': 'Bearer error=invalid_client, error_description="the \\"id\\" is unknown"',
        }),
        body: '',
      },
      'invalid_client',
      'the "id" is unknown',
    ],
    ["Wootric's bad account_token", json(404, { error: 'Not found', status: 404 }), 'Not found', undefined],
    [
      'an RFC 6749 error under a 5xx',
      json(503, { error: 'temporarily_unavailable' }),
      'temporarily_unavailable',
      undefined,
    ],
  ])('%s: an OAuthError with the code and description', async (_, reply, code, description) => {
    const error = await rejectionOf(processTokenResponse(reply, context));
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({
      code: 'oauth_error',
      error: code,
      errorDescription: description,
      status: reply.status,
    });
    expect(error.message).toBe(
      `The token endpoint answered ${reply.status} ${code}${description ? `: ${description}` : ''}`,
    );
    expect(secretsIn(error, secrets)).toEqual([]);
  });

  it('redacts what the request carried when the server echoes it, in the description and the excerpt', async () => {
    const reply = json(400, {
      error: 'invalid_grant',
      error_description: `password ${password} is wrong for client ${clientSecret}`,
    });
    const error = (await rejectionOf(processTokenResponse(reply, context))) as OAuthError;
    expect(error.errorDescription).toBe('password [redacted] is wrong for client [redacted]');
    expect(secretsIn(error, secrets)).toEqual([]);
  });

  it('shows what a refused reply said, with its tokens hidden', async () => {
    const html = await rejectionOf(
      processTokenResponse({ status: 503, headers: new Headers(), body: '<h1>Service  Unavailable</h1>' }, context),
    );
    expect((html as AuthError).bodyExcerpt).toBe('<h1>Service Unavailable</h1>');
    const camel = await rejectionOf(
      processTokenResponse(json(200, { accessToken: issuedToken, expires: 60 }), context),
    );
    expect((camel as AuthError).bodyExcerpt).toBe('{"accessToken":"[redacted]","expires":60}');
  });

  it('redacts the token a reply carries when the reply is refused for another reason', async () => {
    const error = await rejectionOf(
      processTokenResponse(
        json(200, { access_token: issuedToken, token_type: 'mac', refresh_token: 'rt-leaky-1234' }),
        context,
      ),
    );
    expect(secretsIn(error, [...secrets, 'rt-leaky-1234'])).toEqual([]);
  });
});

describe('redactedExcerpt', () => {
  it.each([
    [
      'JSON secret fields',
      '{"access_token":"abc123","code":"authz-code-xyz","password":"pw"}',
      '{"access_token":"[redacted]","code":"[redacted]","password":"[redacted]"}',
    ],
    [
      'form secret fields',
      'refresh_token=rt1&client_secret=cs2&username=me',
      'refresh_token=[redacted]&client_secret=[redacted]&username=me',
    ],
    ["a vendor's status code", '{"code":"0000","message":null}', '{"code":"0000","message":null}'],
    [
      'listed secrets, raw, JSON-escaped and URL-encoded',
      'a "q\\"uote-1" b q%22uote-1 c q"uote-1',
      'a "[redacted]" b [redacted] c [redacted]',
    ],
    ['whitespace, folded', 'line one\n\n  line two', 'line one line two'],
  ])('%s', (_, body, expected) => {
    expect(redactedExcerpt(body, ['q"uote-1'])).toBe(expected);
  });

  it('cuts long bodies', () => {
    expect(redactedExcerpt('x'.repeat(500))).toBe(`${'x'.repeat(200)}…`);
  });
});
