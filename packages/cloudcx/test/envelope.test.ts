// The {code, message, data} envelope: callers get `data`, and every failure (a non-"0000" code
// under HTTP 200, a non-2xx reply, a body that is no envelope) is a CloudcxApiError.
import { secretsIn } from '@oapi/test-support';
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  ApiError,
  apiKey,
  CloudcxApiError,
  createCloudcxClient,
  unwrap,
  unwrapEnvelope,
  type CloudcxClient,
  type UserPage,
} from '../src/index.js';
import { makeUsers, startFakeCloudcx, validApiKey, type CannedReply, type FakeCloudcx } from '@oapi/fakes/cloudcx';

let server: FakeCloudcx;
let cloudcx: CloudcxClient;

beforeAll(async () => {
  server = await startFakeCloudcx({ users: makeUsers(3) });
  cloudcx = createCloudcxClient({ baseUrl: server.url, auth: apiKey(validApiKey) });
});
afterAll(() => server.close());
beforeEach(() => {
  server.pageRequests.length = 0;
});

async function failure(reply: CannedReply): Promise<CloudcxApiError> {
  server.replyNext(reply);
  const error = await cloudcx.listUsers({ pageIndex: 1, pageSize: 25 }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CloudcxApiError);
  expect(error).toBeInstanceOf(ApiError);
  expect(secretsIn(error, [validApiKey])).toEqual([]);
  return error as CloudcxApiError;
}

describe('cloudcx envelope', () => {
  it('returns the typed data of a "0000" envelope', async () => {
    const page = await cloudcx.listUsers({ pageIndex: 1, pageSize: 2 });
    expectTypeOf(page).toEqualTypeOf<UserPage>();
    expect(page).toMatchObject({ totalPages: 2, totalElements: 3, size: 2, number: 0, numberOfElements: 2 });
    expect(page.content.map((u) => u.loginCode)).toEqual(['agent00000', 'agent00001']);
    expect(Object.fromEntries(server.pageRequests[0]!.query)).toEqual({ pageIndex: '1', pageSize: '2' });
  });

  it('unwraps a raw GET to the same typed data', async () => {
    const page = unwrapEnvelope(
      await cloudcx.GET('/openapi/v2/user/page', { params: { query: { pageIndex: 2, pageSize: 2 } } }),
    );
    expectTypeOf(page).toEqualTypeOf<UserPage>();
    expect(page.content.map((u) => u.loginCode)).toEqual(['agent00002']);
  });

  it("unwrap gives an envelope's data, and throws for an error code under 200", async () => {
    const page = unwrap(
      await cloudcx.GET('/openapi/v2/user/page', { params: { query: { pageIndex: 1, pageSize: 2 } } }),
    );
    expectTypeOf(page).toEqualTypeOf<UserPage>();
    expect(page.totalElements).toBe(3);
    server.replyNext({ status: 200, body: { code: '1001', message: 'Invalid parameter pageSize', data: null } });
    const error = await cloudcx
      .GET('/openapi/v2/user/page', { params: { query: { pageIndex: 1, pageSize: 2 } } })
      .then(unwrap, (e: unknown) => e)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'CloudcxApiError', status: 200, code: '1001' });
  });

  it('throws for an error code under HTTP 200, with code, message and status', async () => {
    const error = await failure({
      status: 200,
      body: { code: '1001', message: 'Invalid parameter pageSize', data: null },
    });
    expect(error).toMatchObject({
      status: 200,
      code: '1001',
      cloudcxMessage: 'Invalid parameter pageSize',
      operation: 'GET /openapi/v2/user/page',
    });
    expect(error.body).toEqual({ code: '1001', message: 'Invalid parameter pageSize', data: null });
    expect(error.message).toBe(
      'GET /openapi/v2/user/page failed with CloudCX code "1001", although the reply is HTTP 200 OK: Invalid parameter pageSize',
    );
  });

  it('throws for an error code under 200 that the fake decides itself (pageSize too large)', async () => {
    const error = await cloudcx.listUsers({ pageIndex: 1, pageSize: 5000 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'CloudcxApiError', status: 200, code: '1001' });
  });

  it('throws for a non-2xx envelope with its code', async () => {
    const error = await cloudcx.listUsers({ pageIndex: 1, pageSize: 'abc' as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudcxApiError);
    expect(error).toMatchObject({ status: 400, code: '400' });
    expect((error as Error).message).toMatch(
      /^GET \/openapi\/v2\/user\/page failed with CloudCX code "400" \(HTTP 400 Bad Request\): Failed to convert/,
    );
  });

  it.each<[string, CannedReply, RegExp]>([
    [
      'a null message',
      { status: 200, body: { code: '9999', message: null, data: null } },
      /code "9999", although the reply is HTTP 200 OK \(no message\)$/,
    ],
    [
      'an HTML page under 200',
      { status: 200, text: '<!DOCTYPE html><html><title>CloudCX</title></html>' },
      /^GET \/openapi\/v2\/user\/page answered 200 OK: <!DOCTYPE html>.*; not a CloudCX \{code, message, data\} envelope$/,
    ],
    [
      'JSON that is no envelope',
      { status: 200, body: { totalPages: 1 } },
      /answered 200 OK: \{"totalPages":1\}; not a CloudCX \{code, message, data\} envelope$/,
    ],
    ['an empty 200', { status: 200 }, /answered 200 OK \(empty body\); not a CloudCX .* envelope$/],
    [
      'a 500 with a text body',
      { status: 500, text: 'upstream connect error' },
      /^GET \/openapi\/v2\/user\/page answered 500 Internal Server Error: upstream connect error$/,
    ],
    ['a numeric code', { status: 200, body: { code: 0, message: null, data: {} } }, /not a CloudCX .* envelope/],
  ])('throws a readable CloudcxApiError for %s', async (_, reply, message) => {
    const error = await failure(reply);
    expect(error.status).toBe(reply.status);
    expect(error.message).toMatch(message);
  });

  it('redacts token-looking fields from the excerpt', async () => {
    const error = await failure({ status: 502, body: { access_token: 'eyJleaked.secret.value', note: 'gateway' } });
    expect(error.message).not.toMatch(/eyJleaked/);
    expect(error.message).toMatch(/\[redacted\]/);
  });
});
