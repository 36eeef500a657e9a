// createCloudcxClient's options: the host becomes the spec's server URL (port included) for the
// token request and the API calls alike, `tokenUrl` moves the token request elsewhere, bad options
// fail up front with a TypeError naming the option.
import { describe, expect, it } from 'vitest';
import { apiKey, type CloudcxClientOptions, createCloudcxClient, passwordGrant } from '../src/index.js';

/** A fetch that records where each request went and answers a token, or an empty page. */
function recordingFetch() {
  const urls: string[] = [];
  const fetch = async (input: Request | string | URL) => {
    urls.push(input instanceof Request ? input.url : String(input));
    if (urls.at(-1)!.endsWith('/oauth/token')) {
      const token = { access_token: 'eyJraWQiOiJ0ZXN0In0.e30.c2ln', token_type: 'Bearer', expires_in: 3599 };
      return new Response(JSON.stringify(token), { headers: { 'content-type': 'application/json' } });
    }
    const page = { totalPages: 0, totalElements: 0, size: 25, number: 0, numberOfElements: 0, content: [] };
    return new Response(JSON.stringify({ code: '0000', message: null, data: page }), {
      headers: { 'content-type': 'application/json' },
    });
  };
  return { urls, fetch: fetch as typeof globalThis.fetch };
}

describe('createCloudcxClient options', () => {
  it.each([
    ['cx.cloudfon.net:9001', 'https://cx.cloudfon.net:9001/openapi/v2/user/page?pageIndex=1&pageSize=25&keywords=si'],
    ['cloudcx.cloudfon.net', 'https://cloudcx.cloudfon.net/openapi/v2/user/page?pageIndex=1&pageSize=25&keywords=si'],
    ['[2001:db8::7]:9006', 'https://[2001:db8::7]:9006/openapi/v2/user/page?pageIndex=1&pageSize=25&keywords=si'],
  ])('sends every call for host %s to https://<host>', async (host, url) => {
    const { urls, fetch } = recordingFetch();
    const cloudcx = createCloudcxClient({ host, auth: apiKey('cxak_key-for-tests'), fetch });
    await cloudcx.listUsers({ pageIndex: 1, pageSize: 25, keywords: 'si' });
    expect(urls).toEqual([url]);
  });

  it.each([
    ['to the tenant host, like the API calls, as the current docs show', {}, 'https://cloudcx.example.com/oauth/token'],
    [
      "to the platform domain's token URL of older deployments, given as tokenUrl",
      { tokenUrl: 'https://cx.cloudfon.net:9001/oauth/token' },
      'https://cx.cloudfon.net:9001/oauth/token',
    ],
  ])('sends the token request %s', async (_, options, tokenUrl) => {
    const { urls, fetch } = recordingFetch();
    const auth = passwordGrant({ username: 'agent@cloudcx.example.com', password: 'pw-123456', clientId: '2603' });
    const cloudcx = createCloudcxClient({ host: 'cloudcx.example.com', auth, fetch, ...options });
    await cloudcx.listUsers();
    expect(urls).toEqual([tokenUrl, 'https://cloudcx.example.com/openapi/v2/user/page']);
  });

  it('uses a base URL as given, for a proxy or a mock', async () => {
    const { urls, fetch } = recordingFetch();
    const cloudcx = createCloudcxClient({ baseUrl: 'http://127.0.0.1:4010/', fetch });
    await cloudcx.listUsers();
    expect(urls).toEqual(['http://127.0.0.1:4010/openapi/v2/user/page']);
  });

  it.each<[string, unknown, string]>([
    [
      'no host',
      {},
      '"options.host" is required (or "options.baseUrl") for https://{host}, e.g. "cloudcx.cloudfon.net"',
    ],
    [
      'an empty host',
      { host: ' ' },
      '"options.host" must be a valid host string (no scheme, path, query, credentials or spaces) for https://{host}, e.g. "cloudcx.cloudfon.net"',
    ],
    [
      'a numeric host',
      { host: 9001 },
      '"options.host" must be a valid host string (no scheme, path, query, credentials or spaces) for https://{host}, e.g. "cloudcx.cloudfon.net"',
    ],
    [
      'a URL as host',
      { host: 'https://cx.cloudfon.net:9001' },
      '"options.host" must be a valid host string (no scheme, path, query, credentials or spaces) for https://{host}, e.g. "cloudcx.cloudfon.net"',
    ],
    [
      'a host with a path',
      { host: 'cx.cloudfon.net:9001/openapi' },
      '"options.host" must be a valid host string (no scheme, path, query, credentials or spaces) for https://{host}, e.g. "cloudcx.cloudfon.net"',
    ],
    [
      'a host with credentials',
      { host: 'admin:pw@cx.cloudfon.net' },
      '"options.host" must be a valid host string (no scheme, path, query, credentials or spaces) for https://{host}, e.g. "cloudcx.cloudfon.net"',
    ],
    [
      'a port out of range',
      { host: 'cx.cloudfon.net:99999' },
      '"options.host" must be a valid host string (no scheme, path, query, credentials or spaces) for https://{host}, e.g. "cloudcx.cloudfon.net"',
    ],
    [
      'a port that is not a number',
      { host: 'cx.cloudfon.net:tls' },
      '"options.host" must be a valid host string (no scheme, path, query, credentials or spaces) for https://{host}, e.g. "cloudcx.cloudfon.net"',
    ],
    [
      'host and baseUrl',
      { host: 'cx.cloudfon.net', baseUrl: 'https://cx.cloudfon.net' },
      'Pass either "options.host" or "options.baseUrl", not both',
    ],
    [
      'a baseUrl without scheme',
      { baseUrl: 'cx.cloudfon.net:9001' },
      '"options.baseUrl" must be an absolute http(s) URL',
    ],
    [
      'a tokenUrl without scheme, for a grant',
      {
        host: 'cx.cloudfon.net',
        tokenUrl: 'cx.cloudfon.net:9001/oauth/token',
        auth: passwordGrant({ username: 'agent', password: 'pw-123456', clientId: 'cid' }),
      },
      '"options.tokenUrl" must be an absolute http(s) URL, e.g. "https://cx.cloudfon.net/oauth/token"',
    ],
    ['no options at all', undefined, '"options" must be an object'],
  ])('refuses %s with a TypeError naming the option', (_, options, message) => {
    expect(() => createCloudcxClient(options as CloudcxClientOptions)).toThrow(TypeError);
    expect(() => createCloudcxClient(options as CloudcxClientOptions)).toThrow(message);
  });

  it('keeps the credential out of the host error', () => {
    expect(() => createCloudcxClient({ host: 'admin:s3cret-pw@cx.cloudfon.net' })).toThrow(/^(?!.*s3cret-pw)/s);
  });
});
