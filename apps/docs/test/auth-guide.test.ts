// The authentication guide and the quickstarts are written from the security schemes alone: a
// made-up provider shows that every part of the page comes from its spec.
import { describe, expect, it } from 'vitest';
import { authMethods } from '../src/auth-methods.js';
import { operationSamples } from '../src/code-samples.js';
import type { ClientPackage } from '../src/client-package.js';
import { authGuidePage } from '../src/pages/auth-guide.js';
import { landingPage } from '../src/pages/landing.js';
import { providerFromSpec } from '../src/providers.js';
import { quickstarts } from '../src/quickstart.js';
import type { Json } from '../src/spec-json.js';

const site = { providers: [{ id: 'acme', title: 'Acme API' }] };

const spec: Json = {
  openapi: '3.1.0',
  info: { title: 'Acme API', version: '2.0.0', summary: 'Anvils.' },
  servers: [{ url: 'https://{region}.acme.test', variables: { region: { default: 'eu' } } }],
  security: [{ oauth2: [] }, { key: [] }],
  paths: {
    '/oauth/token': { post: { operationId: 'token', summary: 'Get a token', security: [], responses: {} } },
    '/anvils': {
      get: {
        operationId: 'listAnvils',
        summary: 'List anvils',
        responses: { '200': { content: { 'application/json': { schema: { type: 'array' } } } } },
      },
    },
  },
  components: {
    securitySchemes: {
      oauth2: {
        type: 'oauth2',
        description: 'Tokens are **short-lived**. <img src="https://evil.test/x.png"> Never put `password` in a URL.',
        flows: {
          password: { tokenUrl: '/oauth/token', refreshUrl: '/oauth/token', scopes: {} },
          clientCredentials: { tokenUrl: 'https://auth.acme.test/token', scopes: { read: 'Read anvils' } },
        },
        'x-token-request': {
          contentType: 'application/json',
          grantTypeIn: 'query',
          clientAuthentication: 'client_secret_post',
          grants: { password: { clientAuthentication: 'none', queryParameters: ['tenant'] } },
        },
        'x-token-lifetime': 7200,
        'x-refresh-token-rotation': true,
      },
      key: { type: 'http', scheme: 'bearer', description: 'An API key.' },
    },
  },
};

const bundled = { yaml: '/dev/null', json: '/dev/null' };
const api = { id: 'acme', name: 'acme@v2', version: 'v2' };
const client: ClientPackage = {
  name: '@oapi/acme',
  version: '0.1.0',
  dir: '/nowhere',
  factory: 'createAcmeClient',
  strategies: ['passwordGrant', 'refreshTokenGrant', 'bearerToken', 'apiKey'],
  tokenParameters: [{ name: 'tenant', option: 'tenant' }],
};

describe('authMethods', () => {
  it('lists each grant with its own token request shape, then refresh, a ready token and the API key', () => {
    const methods = authMethods(providerFromSpec(api, spec, bundled, undefined).security);
    expect(methods.map((m) => [m.scheme, m.strategy])).toEqual([
      ['oauth2', 'passwordGrant'],
      ['oauth2', 'clientCredentialsGrant'],
      ['oauth2', 'refreshTokenGrant'],
      ['oauth2', 'bearerToken'],
      ['key', 'apiKey'],
    ]);
    expect(methods[0]!.tokenRequest).toEqual({
      contentType: 'application/json',
      grantTypeIn: 'query',
      clientAuthentication: 'none',
      queryParameters: ['tenant'],
      requiredParameters: [],
    });
    expect(methods[1]!.tokenRequest).toMatchObject({ clientAuthentication: 'client_secret_post', queryParameters: [] });
  });
});

describe('the authentication guide', () => {
  const provider = providerFromSpec(api, spec, bundled, client);
  const page = authGuidePage(site, provider);

  it.each([
    ['the public operations', '<code>POST /oauth/token</code> (Get a token): no credentials'],
    ['relative token URLs resolved against the default server', 'POST https://eu.acme.test/oauth/token'],
    ['absolute token URLs as they are', 'POST https://auth.acme.test/token'],
    ['where grant_type travels', 'the query string'],
    ['extra query parameters', '<code>tenant</code> (in the query string, never the body)'],
    ['client authentication per grant', 'none: no client credentials are sent'],
    ['the documented lifetime', '7200 seconds (about 2 hours)'],
    ['rotation', 'new refresh token that replaces the old one'],
    ['the provider warning, as Markdown', 'Tokens are <strong>short-lived</strong>.'],
    ['raw HTML of a description as text', '&lt;img src=&quot;https://evil.test/x.png&quot;&gt;'],
    ['a quickstart', 'id="quickstart"'],
  ])('shows %s', (_, fragment) => {
    expect(page).toContain(fragment);
  });

  it('never renders markup from the spec', () => {
    expect(page).not.toContain('<img');
  });

  it('has a quickstart for each strategy the client exports, and none for the others', () => {
    expect(quickstarts(provider).map((q) => q.method.strategy)).toEqual([
      'passwordGrant',
      'refreshTokenGrant',
      'bearerToken',
      'apiKey',
    ]);
    const password = quickstarts(provider)[0]!.code;
    // The token parameter is a client option, sent with the grants whose request names it.
    expect(password).toContain("  tenant: process.env.ACME_TENANT ?? '',");
    expect(password).not.toContain('clientSecret');
    // Server variables are options, from the environment; a default that is no mere example stays the fallback.
    expect(password).toContain("  region: process.env.ACME_REGION ?? 'eu',");
    expect(password).toContain("const data = unwrap(await acme.GET('/anvils'));");
    expect(page).toContain('<p><span class="status">not in <code>@oapi/acme</code> yet</span></p>');
  });

  it('refuses to write samples without credentials when the client exports no strategy the spec accepts', () => {
    const bare = providerFromSpec(api, spec, bundled, { ...client, strategies: [] });
    expect(() => operationSamples(bare)).toThrow(
      '@oapi/acme exports none of the strategies the spec accepts (passwordGrant, clientCredentialsGrant, refreshTokenGrant, bearerToken, apiKey): its provider descriptor lists none',
    );
  });

  it('says the client is in progress, without code, when there is none', () => {
    const bare = authGuidePage(site, providerFromSpec(api, spec, bundled, undefined));
    expect(bare).toContain('<code>@oapi/acme</code> is in progress');
    expect(bare).not.toContain('id="quickstart"');
    expect(bare).not.toContain('language-ts');
    expect(landingPage(site, [providerFromSpec(api, spec, bundled, undefined)])).toContain('client in progress');
  });
});
