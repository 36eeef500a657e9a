// Deprecation at run time: an operation the spec marks deprecated, or a response with Deprecation
// (RFC 9745) / Sunset (RFC 8594) headers, is told once per operation through onDeprecation, whose
// default writes one console warning.
import { bearerToken } from '@oapi/auth';
import { secretsIn } from '@oapi/test-support';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProviderClient, type DeprecationNotice } from '../src/index.js';
import { bearerSecurity, testDescriptor } from './descriptor.js';
import { json, type paths, type Reply, scriptedFetch } from './scripted-fetch.js';

const secret = 'at-secret-123456';
const descriptor = testDescriptor({
  security: bearerSecurity,
  deprecatedOperations: ['GET /things'],
});

function client(replies: Reply[], onDeprecation?: (notice: DeprecationNotice) => void) {
  const { fetch } = scriptedFetch(replies);
  const options = { baseUrl: 'https://api.example.com', auth: bearerToken(secret), fetch, onDeprecation };
  return createProviderClient<paths>(descriptor, options);
}

const told = () => {
  const notices: DeprecationNotice[] = [];
  return { notices, hook: (notice: DeprecationNotice) => void notices.push(notice) };
};

afterEach(() => vi.restoreAllMocks());

describe('onDeprecation', () => {
  it('tells once of an operation the spec marks deprecated, and of no other', async () => {
    const { notices, hook } = told();
    const api = client([json(200, []), json(200, []), json(200, { id: 1 })], hook);
    await api.GET('/things');
    await api.GET('/things');
    await api.POST('/things', { body: { thing: { name: 'a' } } });
    expect(notices).toEqual([{ provider: 'test', operation: 'GET /things', inSpec: true, fromServer: false }]);
  });

  it.each<[string, Record<string, string>, Partial<DeprecationNotice>]>([
    [
      'RFC 9745 and RFC 8594 headers, with their links',
      {
        deprecation: '@1735689600',
        sunset: 'Wed, 31 Dec 2025 23:59:59 GMT',
        link: '<https://dev.example.com/changelog>; rel="deprecation"; type="text/html"',
      },
      {
        deprecatedAt: new Date('2025-01-01T00:00:00Z'),
        sunsetAt: new Date('2025-12-31T23:59:59Z'),
        link: 'https://dev.example.com/changelog',
      },
    ],
    ['a draft-era Deprecation: true', { deprecation: 'true' }, { deprecatedAt: undefined }],
    [
      'a draft-era HTTP-date',
      { deprecation: 'Sun, 11 Nov 2018 23:59:59 GMT' },
      { deprecatedAt: new Date('2018-11-11T23:59:59Z') },
    ],
    [
      'only a Sunset, its link among others',
      {
        sunset: 'Sat, 01 Aug 2026 00:00:00 GMT',
        link: '<https://a.example>; rel="next", <https://b.example/sunset>; rel="sunset"',
      },
      { sunsetAt: new Date('2026-08-01T00:00:00Z'), link: 'https://b.example/sunset' },
    ],
  ])('reads what the server says of an operation: %s', async (_, headers, expected) => {
    const { notices, hook } = told();
    const api = client([json(200, { id: 1 }, headers), json(200, { id: 2 }, headers)], hook);
    await api.PUT('/things', { body: { thing: { name: 'a' } } });
    await api.PUT('/things', { body: { thing: { name: 'b' } } });
    expect(notices).toEqual([
      { provider: 'test', operation: 'PUT /things', inSpec: false, fromServer: true, ...expected },
    ]);
  });

  it('tells of each operation on its own, the spec and the server together', async () => {
    const { notices, hook } = told();
    const sunset = { sunset: 'Sat, 01 Aug 2026 00:00:00 GMT' };
    const api = client([json(200, [], sunset), json(200, { id: 1 }, sunset)], hook);
    await api.GET('/things');
    await api.POST('/things', { body: { thing: { name: 'a' } } });
    expect(notices.map((n) => [n.operation, n.inSpec, n.fromServer])).toEqual([
      ['GET /things', true, true],
      ['POST /things', false, true],
    ]);
  });

  it('writes one console warning by default, naming the operation, with what was said beside it, not the credential', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const headers = { deprecation: '@1735689600', sunset: 'Wed, 31 Dec 2025 23:59:59 GMT' };
    const api = client([json(200, [], headers), json(200, [], headers)]);
    await api.GET('/things');
    await api.GET('/things');
    expect(warn).toHaveBeenCalledTimes(1);
    const [line, notice] = warn.mock.calls[0]!;
    expect(line).toBe('test: GET /things is deprecated; told once per operation, onDeprecation handles it');
    expect(notice).toEqual({
      provider: 'test',
      operation: 'GET /things',
      inSpec: true,
      fromServer: true,
      deprecatedAt: new Date('2025-01-01T00:00:00Z'),
      sunsetAt: new Date('2025-12-31T23:59:59Z'),
      link: undefined,
    });
    expect(secretsIn([line, notice], [secret])).toEqual([]);
  });

  it('fails the call when the hook throws: a test suite may forbid deprecated operations so', async () => {
    const api = client([json(200, [])], (notice) => {
      throw new Error(`${notice.operation} is deprecated`);
    });
    await expect(api.GET('/things')).rejects.toThrow('GET /things is deprecated');
  });

  it('refuses an onDeprecation that is not a function, naming it', () => {
    expect(() => createProviderClient<paths>(descriptor, { onDeprecation: 'warn' as never })).toThrow(
      '"options.onDeprecation" must be a function',
    );
  });
});
