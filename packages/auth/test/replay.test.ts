// After a 401 the request gets a new token and is replayed once, body and all, through the
// client's own fetch.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { bearerToken, passwordGrant } from '../src/index.js';
import { startFakeProvider, type FakeProvider } from './fake-provider.js';
import { echoClient } from './helpers.js';

let provider: FakeProvider;

beforeAll(async () => {
  provider = await startFakeProvider();
});
afterAll(() => provider.close());
beforeEach(() => {
  provider.tokenRequests.length = 0;
  provider.apiRequests.length = 0;
  provider.apiHandler = provider.echo;
});
afterEach(() => vi.restoreAllMocks());

/** The client's own fetch, counting what it sends. */
function countingFetch() {
  const sent: string[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    const request = input as Request;
    sent.push(`${request.method} ${new URL(request.url).pathname}`);
    return globalThis.fetch(input, init);
  };
  return { fetch, sent };
}

async function clientWithStaleToken() {
  const { fetch, sent } = countingFetch();
  const client = echoClient(provider.url, {
    strategy: passwordGrant({ username: 'me', password: 'pw-123456' }),
    fetch,
  });
  await client.GET('/echo');
  provider.validTokens.clear(); // the server forgets every token it issued
  provider.apiRequests.length = 0;
  sent.length = 0;
  return { client, sent };
}

describe('401 replay', () => {
  it.each([
    ['JSON', { body: { name: 'Amina', tags: ['a', 'b'] } }, 'application/json', '{"name":"Amina","tags":["a","b"]}'],
    [
      'form',
      { body: { name: 'Amina Hodžić', score: '10' }, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
      'application/x-www-form-urlencoded',
      'name=Amina+Hod%C5%BEi%C4%87&score=10',
    ],
  ])('replays a %s body byte for byte', async (_, init, contentType, body) => {
    const { client } = await clientWithStaleToken();
    const { data, response } = await client.POST('/echo', init as never);
    expect(response.status).toBe(200);
    expect(data).toEqual({ method: 'POST', contentType, body });
    const [first, replay] = provider.apiRequests;
    expect(replay!.body).toBe(first!.body);
    expect(replay!.headers.authorization).not.toBe(first!.headers.authorization);
  });

  it('replays a multipart body with its boundary', async () => {
    const { client } = await clientWithStaleToken();
    const form = new FormData();
    form.set('survey', 'nps');
    form.set('file', new Blob(['score,comment\n10,great\n'], { type: 'text/csv' }), 'scores.csv');
    const { data } = await client.POST('/echo', { body: form as never });
    expect(data?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(data?.body).toContain('10,great');
    const [first, replay] = provider.apiRequests;
    expect(replay!.headers['content-type']).toBe(first!.headers['content-type']);
    expect(replay!.body).toBe(first!.body);
  });

  it("sends the replay through the client's fetch, never the global one", async () => {
    const { client, sent } = await clientWithStaleToken();
    const global = vi.spyOn(globalThis, 'fetch');
    await client.POST('/echo', { body: { a: 1 } });
    expect(sent).toEqual(['POST /echo', 'POST /oauth/token', 'POST /echo']);
    // The counting fetch itself delegates to the global one: three calls, all through it.
    expect(global).toHaveBeenCalledTimes(3);
  });

  it('replays once: a second 401 is returned to the caller', async () => {
    const { client } = await clientWithStaleToken();
    provider.apiHandler = (_, res) => res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"' }).end();
    const { response } = await client.GET('/echo');
    expect(response.status).toBe(401);
    expect(provider.apiRequests).toHaveLength(2);
    expect(provider.tokenRequests.map((r) => r.fields.grant_type)).toEqual(['password', 'refresh_token']);
  });

  it('passes other statuses through untouched', async () => {
    const client = echoClient(provider.url, { strategy: passwordGrant({ username: 'me', password: 'pw-123456' }) });
    provider.apiHandler = (_, res) => res.writeHead(403).end();
    expect((await client.GET('/echo')).response.status).toBe(403);
    expect(provider.apiRequests).toHaveLength(1);
  });

  it('does not replay a static credential: there is nothing to refresh', async () => {
    const client = echoClient(provider.url, { strategy: bearerToken('at-from-elsewhere') });
    expect((await client.GET('/echo')).response.status).toBe(401);
    expect(provider.apiRequests).toHaveLength(1);
    expect(provider.tokenRequests).toHaveLength(0);
  });

  it('replays a request whose token expired while it was in flight', async () => {
    const { fetch } = countingFetch();
    const client = echoClient(provider.url, {
      strategy: passwordGrant({ username: 'me', password: 'pw-123456' }),
      fetch,
    });
    await client.GET('/echo');
    provider.apiRequests.length = 0;
    // A long upload: the server checks the token only after reading the body, and by then it has expired.
    provider.apiHandler = (request, res) => {
      if (provider.apiRequests.length === 1) provider.validTokens.clear();
      return provider.echo(request, res);
    };
    const { data, response } = await client.POST('/echo', {
      body: { rows: Array.from({ length: 2000 }, (_, i) => i) },
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(data!.body).rows).toHaveLength(2000);
    expect(provider.apiRequests).toHaveLength(2);
  });
});
