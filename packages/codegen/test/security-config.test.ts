import { describe, expect, it } from 'vitest';
import { securityConfig, SpecError } from '../src/index.js';

const oauth2 = (extra: Record<string, unknown> = {}) => ({
  components: {
    securitySchemes: {
      oauth2: { type: 'oauth2', flows: { password: { tokenUrl: '/oauth/token', scopes: {} } }, ...extra },
    },
  },
  security: [{ oauth2: [] }],
});

describe('securityConfig', () => {
  it('applies RFC 6749 defaults when the spec says nothing of its token requests', () => {
    const config = securityConfig('x', oauth2());
    expect(config.schemes.oauth2).toMatchObject({
      type: 'oauth2',
      tokenRequest: {
        contentType: 'application/x-www-form-urlencoded',
        grantTypeIn: 'body',
        clientAuthentication: 'client_secret_basic',
        queryParameters: [],
        requiredParameters: [],
        grants: {},
      },
      refreshTokenRotation: false,
    });
  });

  it('reads x-token-request with per-grant overrides, x-token-lifetime and x-refresh-token-rotation', () => {
    const config = securityConfig(
      'x',
      oauth2({
        'x-token-request': {
          contentType: 'application/json',
          grantTypeIn: 'query',
          queryParameters: ['account_token'],
          grants: { password: { clientAuthentication: 'none', requiredParameters: ['account_token'] } },
        },
        'x-token-lifetime': 60,
        'x-refresh-token-rotation': true,
      }),
    );
    expect(config.schemes.oauth2).toMatchObject({
      tokenRequest: {
        contentType: 'application/json',
        grantTypeIn: 'query',
        queryParameters: ['account_token'],
        grants: { password: { clientAuthentication: 'none', requiredParameters: ['account_token'] } },
      },
      tokenLifetime: 60,
      refreshTokenRotation: true,
    });
  });

  const withCodeFlow = (flow: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    oauth2({
      flows: {
        authorizationCode: { authorizationUrl: '/oauth/authorize', tokenUrl: '/oauth/token', scopes: {}, ...flow },
      },
      ...extra,
    });

  it('sends PKCE on the authorizationCode flow unless its x-pkce says the server has none', () => {
    const pkceOf = (spec: Record<string, unknown>) => {
      const scheme = securityConfig('x', spec).schemes.oauth2;
      return scheme?.type === 'oauth2' ? scheme.flows.authorizationCode?.pkce : undefined;
    };
    expect(pkceOf(withCodeFlow({}))).toBe(true);
    expect(pkceOf(withCodeFlow({ 'x-pkce': true }))).toBe(true);
    expect(pkceOf(withCodeFlow({ 'x-pkce': false }))).toBe(false);
  });

  it('reads a deferred x-refresh-token-rotation', () => {
    const config = securityConfig('x', oauth2({ 'x-refresh-token-rotation': 'deferred' }));
    expect(config.schemes.oauth2).toMatchObject({ refreshTokenRotation: 'deferred' });
  });

  it.each([
    [
      'x-pkce that is no boolean',
      withCodeFlow({ 'x-pkce': 'no' }),
      '/flows/authorizationCode/x-pkce: must be true or false',
    ],
    [
      'x-pkce on another flow',
      oauth2({ flows: { password: { tokenUrl: '/oauth/token', scopes: {}, 'x-pkce': false } } }),
      '/flows/password/x-pkce: only the authorizationCode flow takes x-pkce',
    ],
  ])('refuses %s, naming its pointer', (_what, spec, message) => {
    expect(() => securityConfig('x', spec)).toThrowError(`#/components/securitySchemes/oauth2${message}`);
  });

  it('reads http bearer and header API-key schemes', () => {
    const config = securityConfig('x', {
      components: {
        securitySchemes: {
          key: { type: 'http', scheme: 'Bearer' },
          header: { type: 'apiKey', in: 'header', name: 'X-Key' },
        },
      },
    });
    expect(config.schemes).toEqual({
      key: { type: 'http', scheme: 'bearer' },
      header: { type: 'apiKey', in: 'header', name: 'X-Key' },
    });
  });

  it.each([
    [
      'an unknown content type',
      { 'x-token-request': { contentType: 'text/plain' } },
      '#/components/securitySchemes/oauth2/x-token-request/contentType',
    ],
    [
      'an unknown key',
      { 'x-token-request': { bodyType: 'json' } },
      '#/components/securitySchemes/oauth2/x-token-request: unknown key(s) bodyType',
    ],
    [
      'an unknown grant',
      { 'x-token-request': { grants: { implicit: {} } } },
      '#/components/securitySchemes/oauth2/x-token-request/grants/implicit',
    ],
    ['a non-positive lifetime', { 'x-token-lifetime': 0 }, '#/components/securitySchemes/oauth2/x-token-lifetime'],
    [
      'a non-boolean rotation',
      { 'x-refresh-token-rotation': 'yes' },
      '#/components/securitySchemes/oauth2/x-refresh-token-rotation',
    ],
  ])('names the pointer of %s', (_what, extra, pointer) => {
    expect(() => securityConfig('x', oauth2(extra))).toThrowError(SpecError);
    expect(() => securityConfig('x', oauth2(extra))).toThrowError(pointer);
  });

  it('names a root security requirement that uses an undefined scheme', () => {
    expect(() => securityConfig('x', { ...oauth2(), security: [{ apiKey: [] }] })).toThrowError(
      '#/security/0: names the undefined security scheme "apiKey"',
    );
  });

  it('rejects a flow without tokenUrl', () => {
    const spec = {
      components: { securitySchemes: { oauth2: { type: 'oauth2', flows: { password: { scopes: {} } } } } },
    };
    expect(() => securityConfig('x', spec)).toThrowError(
      '#/components/securitySchemes/oauth2/flows/password/tokenUrl: must be a non-empty URL',
    );
  });
});
