// Walking every page of users against the stateful fake: one-based pageIndex in, zero-based
// number out, no user skipped or repeated whatever the page size, and the empty result.
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  apiKey,
  CloudcxApiError,
  createCloudcxClient,
  PaginationError,
  type CloudcxClient,
  type User,
  type UserPage,
} from '../src/index.js';
import { makeUsers, maxPageSize, startFakeCloudcx, validApiKey, type FakeCloudcx } from '@oapi/fakes/cloudcx';

const everyone = makeUsers(2345);
let server: FakeCloudcx;
let cloudcx: CloudcxClient;

beforeAll(async () => {
  server = await startFakeCloudcx({ users: everyone });
  cloudcx = createCloudcxClient({ baseUrl: server.url, auth: apiKey(validApiKey) });
});
afterAll(() => server.close());

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('cloudcx user paging', () => {
  it.each([7, 25, 100, 469, 1000])('yields all 2,345 users once, in order, with pageSize %i', async (pageSize) => {
    server.pageRequests.length = 0;
    const users = await collect(cloudcx.users({ pageSize }));
    expect(users.map((u) => u.id)).toEqual(everyone.map((u) => u.id));
    expect(server.pageRequests.map((r) => r.query.get('pageIndex'))).toEqual(
      Array.from({ length: Math.ceil(2345 / pageSize) }, (_, i) => String(i + 1)),
    );
  });

  it('yields pages numbered from zero for pageIndex from one, with the filter on every request', async () => {
    server.pageRequests.length = 0;
    const pages = await collect(cloudcx.userPages({ keywords: 'FREESIA', pageSize: 5 }));
    expectTypeOf(pages).toEqualTypeOf<UserPage[]>();
    expect(pages.map((p) => [p.number, p.numberOfElements, p.totalPages])).toEqual([
      [0, 5, 5],
      [1, 5, 5],
      [2, 5, 5],
      [3, 5, 5],
      [4, 4, 5],
    ]);
    expect(pages.flatMap((p) => p.content).every((u) => u.firstName === 'freesia')).toBe(true);
    expect(
      server.pageRequests.every((r) => r.query.get('keywords') === 'FREESIA' && r.query.get('pageSize') === '5'),
    ).toBe(true);
  });

  it('makes one request and yields nothing for an empty result', async () => {
    server.pageRequests.length = 0;
    const users: User[] = await collect(cloudcx.users({ keywords: 'nobody-is-called-this' }));
    expect(users).toEqual([]);
    expect(server.pageRequests).toHaveLength(1);
    const pages = await collect(cloudcx.userPages({ keywords: 'nobody-is-called-this' }));
    expect(pages).toEqual([{ totalPages: 0, totalElements: 0, size: 25, number: 0, numberOfElements: 0, content: [] }]);
  });

  it('uses 25 users a page by default and resumes from firstPageIndex', async () => {
    server.pageRequests.length = 0;
    const users = await collect(cloudcx.users({ firstPageIndex: 93 }));
    expect(users.map((u) => u.id)).toEqual(everyone.slice(92 * 25).map((u) => u.id));
    expect(server.pageRequests.map((r) => [r.query.get('pageIndex'), r.query.get('pageSize')])).toEqual([
      ['93', '25'],
      ['94', '25'],
    ]);
  });

  it('stops early when the caller breaks out of the loop', async () => {
    server.pageRequests.length = 0;
    let seen = 0;
    for await (const _user of cloudcx.users({ pageSize: 10 })) if (++seen === 15) break;
    expect(server.pageRequests).toHaveLength(2);
  });

  it('passes a CloudcxApiError from a page on, e.g. an error code under HTTP 200', async () => {
    const error = await collect(cloudcx.users({ pageSize: maxPageSize + 1 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudcxApiError);
    expect(error).toMatchObject({ status: 200, code: '1001' });
  });

  it('stops with a PaginationError when the tenant ignores pageIndex, instead of repeating page 1', async () => {
    const stuck = await startFakeCloudcx({ users: everyone, ignorePageIndex: true });
    try {
      const client = createCloudcxClient({ baseUrl: stuck.url, auth: apiKey(validApiKey) });
      const seen: User[] = [];
      const error = await (async () => {
        for await (const user of client.users({ pageSize: 100 })) seen.push(user);
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PaginationError);
      expect((error as PaginationError).pageIndex).toBe(2);
      expect((error as Error).message).toMatch(
        /^GET \/openapi\/v2\/user\/page answered page number 0 for pageIndex=2; expected 1/,
      );
      expect(seen).toHaveLength(100);
    } finally {
      await stuck.close();
    }
  });

  it.each([
    [{ pageSize: 0 }, '"options.pageSize" must be a positive integer, got 0'],
    [{ pageSize: 2.5 }, '"options.pageSize" must be a positive integer, got 2.5'],
    [{ firstPageIndex: 0 }, '"options.firstPageIndex" must be a positive integer, got 0'],
  ])('refuses %o up front with a TypeError', (options, message) => {
    expect(() => cloudcx.users(options)).toThrow(new TypeError(message));
    expect(() => cloudcx.userPages(options)).toThrow(new TypeError(message));
  });
});
