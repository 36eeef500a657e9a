// createProviderClient(descriptor, options): the spec's servers and variables chosen by the options,
// the token endpoint's own server and tokenUrl, the token parameters, and every option checked up
// front with a TypeError naming it.
import {
  bearerToken,
  clientCredentialsGrant,
  passwordGrant,
  type SecurityConfig,
  type SecurityOutline,
} from '@oapi/auth';
import { secretsIn } from '@oapi/test-support';
import { describe, expect, it } from 'vitest';
import {
  type ClientBaseOptions,
  createProviderClient,
  matchedServer,
  type ProviderDescriptor,
  tokenParameterValues,
} from '../src/index.js';
import { testDescriptor } from './descriptor.js';
import { json, scriptedFetch, type paths } from './scripted-fetch.js';

const security = (requiredParameters: string[] = ['account_token']): SecurityConfig & SecurityOutline => ({
  provider: 'test',
  schemes: {
    oauth2: {
      type: 'oauth2',
      flows: {
        password: { tokenUrl: '/oauth/token', refreshUrl: '/oauth/token', scopes: {} },
        clientCredentials: { tokenUrl: '/oauth/token', scopes: {} },
      },
      tokenRequest: {
        contentType: 'application/x-www-form-urlencoded',
        grantTypeIn: 'body',
        clientAuthentication: 'client_secret_post',
        queryParameters: [],
        requiredParameters: [],
        grants: { password: { queryParameters: ['account_token'], requiredParameters } },
      },
      refreshTokenRotation: false,
    },
  },
  defaultSchemes: { bearer: 'oauth2' },
});

const tenant = testDescriptor({
  servers: [{ url: 'https://{host}', variables: { host: { default: 'tenant.example.com', required: true } } }],
  exampleUrl: 'https://tenant.example.com',
  options: ['host'],
  serverOptions: ['host'],
});
const regions = testDescriptor({
  servers: [{ url: 'https://{region}.example.com', variables: { region: { default: 'eu', enum: ['eu', 'us'] } } }],
  exampleUrl: 'https://eu.example.com',
  options: ['region'],
  serverOptions: ['region'],
});
const regional = testDescriptor({
  security: security(),
  servers: [
    { url: 'https://api.example.com', name: 'us' },
    { url: 'https://api.example.eu', name: 'eu', match: { parameter: 'account_token', pattern: '^NPS-EU-' } },
  ],
  serverMatcher: matchedServer,
  exampleUrl: 'https://api.example.com',
  options: ['server', 'accountToken'],
  serverOptions: ['server'],
  tokenParameters: { account_token: 'accountToken' },
  tokenParameterReader: tokenParameterValues,
});
const tokenElsewhere = testDescriptor({
  security: security([]),
  servers: [{ url: 'https://api.example.com' }],
  tokenServers: [{ url: 'https://{tokenHost}', variables: { tokenHost: { default: 'id.example.com' } } }],
  options: ['tokenHost'],
});

const token = () => json(200, { access_token: 'at-123456', token_type: 'bearer', expires_in: 60 });
const password = () => passwordGrant({ username: 'me', password: 'pw-123456' });

/** The URLs a client sends to for one GET, token request first. */
async function urlsOf(descriptor: ProviderDescriptor, options: Record<string, unknown>): Promise<string[]> {
  const { fetch, sent } = scriptedFetch([token(), json(200, []), json(200, [])]);
  const client = createProviderClient<paths>(descriptor, { fetch, ...options });
  await client.GET('/things');
  return sent.map((request) => request.url);
}

describe('matchedServer, the serverMatcher of a spec with x-server-match', () => {
  const eu = { url: 'https://api.example.eu', match: { parameter: 'account_token', pattern: '^NPS-EU-' } };
  const us = { url: 'https://api.example.com' };

  it('takes the first server whose pattern matches, else the first without a pattern', () => {
    expect(matchedServer([eu, us], { account_token: 'NPS-EU-1' })).toBe(eu);
    expect(matchedServer([eu, us], { account_token: 'NPS-1' })).toBe(us);
    expect(matchedServer([eu, us], undefined)).toBe(us);
    expect(matchedServer([eu], {})).toBeUndefined();
  });
});

describe('where requests go', () => {
  it.each<[string, ProviderDescriptor, Record<string, unknown>, string[]]>([
    [
      'a server variable from its option',
      tenant,
      { host: 'acme.example.com:9001' },
      ['https://acme.example.com:9001/things'],
    ],
    [
      'the default of a variable the spec does not require',
      tokenElsewhere,
      { auth: password() },
      ['https://id.example.com/oauth/token', 'https://api.example.com/things'],
    ],
    ['a variable from its enum', regions, { region: 'us' }, ['https://us.example.com/things']],
    ['baseUrl over the servers', tenant, { baseUrl: 'http://127.0.0.1:4010/' }, ['http://127.0.0.1:4010/things']],
    [
      'the server the token parameter matches',
      regional,
      { accountToken: 'NPS-EU-1a2b3c4d' },
      ['https://api.example.eu/things'],
    ],
    [
      'the first server when nothing matches',
      regional,
      { accountToken: 'nps-eu-1a2b3c4d' },
      ['https://api.example.com/things'],
    ],
    [
      "the grant's own parameter, which also goes with the token request",
      regional,
      { auth: passwordGrant({ username: 'me', password: 'pw-123456', parameters: { account_token: 'NPS-EU-1' } }) },
      ['https://api.example.eu/oauth/token?account_token=NPS-EU-1', 'https://api.example.eu/things'],
    ],
    [
      'the named server over a match',
      regional,
      { accountToken: 'NPS-EU-1', server: 'us' },
      ['https://api.example.com/things'],
    ],
    [
      'the option token parameter, sent with the password grant',
      regional,
      { auth: password(), accountToken: 'NPS-1a2b3c4d' },
      ['https://api.example.com/oauth/token?account_token=NPS-1a2b3c4d', 'https://api.example.com/things'],
    ],
    [
      "the token server's variable, whatever baseUrl says",
      tokenElsewhere,
      { auth: password(), tokenHost: 'login.example.com', baseUrl: 'https://proxy.example.com' },
      ['https://login.example.com/oauth/token', 'https://proxy.example.com/things'],
    ],
    [
      'tokenUrl over the token server',
      tokenElsewhere,
      { auth: password(), tokenUrl: 'http://127.0.0.1:9/token' },
      ['http://127.0.0.1:9/token', 'https://api.example.com/things'],
    ],
  ])('%s', async (_, descriptor, options, urls) => {
    expect(await urlsOf(descriptor, options)).toEqual(urls);
  });

  it('says where it sends requests', () => {
    const options: ClientBaseOptions & { host: string } = { host: 'acme.example.com' };
    expect(createProviderClient<paths>(tenant, options).baseUrl).toBe('https://acme.example.com');
  });

  it('sends a token parameter only with the grants whose shape names it', async () => {
    const urls = await urlsOf(regional, {
      auth: clientCredentialsGrant({ clientId: 'cli', clientSecret: 'cs-123456' }),
      accountToken: 'NPS-EU-1',
    });
    expect(urls).toEqual(['https://api.example.eu/oauth/token', 'https://api.example.eu/things']);
  });
});

describe('bad options', () => {
  it.each<[string, ProviderDescriptor, unknown, string]>([
    ['no options', tenant, undefined, '"options" must be an object'],
    [
      'a required variable missing',
      tenant,
      {},
      '"options.host" is required (or "options.baseUrl") for https://{host}, e.g. "tenant.example.com"',
    ],
    [
      'a variable that is not a string',
      tenant,
      { host: 9001 },
      '"options.host" must be a valid host string (no scheme, path, query, credentials or spaces) for https://{host}, e.g. "tenant.example.com"',
    ],
    [
      'a URL as a variable',
      tenant,
      { host: 'https://a.example.com' },
      '"options.host" must be a valid host string (no scheme, path, query, credentials or spaces) for https://{host}, e.g. "tenant.example.com"',
    ],
    [
      'a path in a variable',
      tenant,
      { host: 'a.example.com/v2' },
      '"options.host" must be a valid host string (no scheme, path, query, credentials or spaces) for https://{host}, e.g. "tenant.example.com"',
    ],
    [
      'a port out of range',
      tenant,
      { host: 'a.example.com:99999' },
      '"options.host" must be a valid host string (no scheme, path, query, credentials or spaces) for https://{host}, e.g. "tenant.example.com"',
    ],
    [
      'a variable outside its enum',
      regions,
      { region: 'mars' },
      '"options.region" must be one of eu, us for https://{region}.example.com, e.g. "eu"',
    ],
    [
      'a variable and baseUrl',
      tenant,
      { host: 'a.example.com', baseUrl: 'https://b.example.com' },
      'Pass either "options.host" or "options.baseUrl", not both',
    ],
    [
      'a baseUrl without scheme',
      tenant,
      { baseUrl: 'a.example.com' },
      '"options.baseUrl" must be an absolute http(s) URL, e.g. "https://tenant.example.com"',
    ],
    [
      'a tokenUrl without scheme, for a grant',
      tokenElsewhere,
      { auth: password(), tokenUrl: '/oauth/token' },
      '"options.tokenUrl" must be an absolute http(s) URL, e.g. "https://id.example.com/oauth/token"',
    ],
    ['an unknown server name', regional, { server: 'mars' }, '"options.server" must be one of us, eu'],
    [
      'an unknown option',
      regional,
      { region: 'eu' },
      '"options.region" is not an option of the test client; it takes auth,',
    ],
    [
      "a token parameter's option where the spec has none (nor their reader)",
      tenant,
      { host: 'a.example.com', accountToken: 'NPS-1' },
      '"options.accountToken" is not an option of the test client; it takes auth,',
    ],
    [
      'an auth that no strategy factory made',
      tenant,
      { host: 'a.example.com', auth: 'secret-token' },
      '"options.auth" must come from a strategy factory such as passwordGrant() or apiKey()',
    ],
    [
      'an allowInsecureHttp that is not a boolean',
      tenant,
      { host: 'a.example.com', auth: bearerToken('secret-token'), allowInsecureHttp: 'yes' },
      '"options.allowInsecureHttp" must be true or false',
    ],
    [
      'a fetch that is not a function',
      tenant,
      { host: 'a.example.com', fetch: 'fetch' },
      '"options.fetch" must be a function',
    ],
    ['an empty token parameter', regional, { accountToken: '' }, '"options.accountToken" must be a non-empty string'],
    [
      'a token parameter that differs from the grant one',
      regional,
      {
        accountToken: 'NPS-1',
        auth: passwordGrant({ username: 'me', password: 'pw-1', parameters: { account_token: 'NPS-2' } }),
      },
      '"options.accountToken" and the password grant\'s parameters.account_token differ',
    ],
    [
      'a grant without the parameter its shape requires',
      regional,
      { auth: password() },
      '"options.accountToken" is required with the password grant: test\'s token endpoint requires account_token',
    ],
  ])('refuses %s', (_, descriptor, options, message) => {
    expect(() => createProviderClient<paths>(descriptor, options as never)).toThrow(TypeError);
    expect(() => createProviderClient<paths>(descriptor, options as never)).toThrow(message);
  });

  it('needs the required parameter only for the grant that requires it', () => {
    const auth = clientCredentialsGrant({ clientId: 'cli', clientSecret: 'cs-123456' });
    expect(() => createProviderClient<paths>(regional, { auth })).not.toThrow();
    expect(() => createProviderClient<paths>(regional, { auth: bearerToken('at-123456') })).not.toThrow();
  });

  it('keeps what a bad variable held out of the message', () => {
    let message = '';
    try {
      createProviderClient<paths>(tenant, { host: 'admin:s3cret-pw@a.example.com' } as never);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('"options.host"');
    expect(secretsIn(message, ['s3cret-pw'])).toEqual([]);
  });
});
