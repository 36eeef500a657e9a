// Against the stateful fakes: tokens from the main Wootric host, the onboarding gate, every record
// of both list shapes, the segments bulk update Prism cannot read, and CSV size checks.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { secretsIn } from '@oapi/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createWootricCxiClient,
  FileTooLargeError,
  listAll,
  OnboardingRequiredError,
  PageLimitError,
  passwordGrant,
  unwrap,
  uploadImport,
  uploadResponseProperties,
} from '../src/index.js';
import { fileFromPath } from '../src/node.js';
import { owner } from '@oapi/fakes/wootric-oauth';
import { accountToken, startFakeCxi, type FakeCxi, type FakeCxiData } from '@oapi/fakes/wootric-cxi';
import { notCheckableByPrism } from './prism-exemptions.js';

let fake: FakeCxi | undefined;
afterEach(() => fake?.close());

async function setup(data: FakeCxiData = {}, onboarded = true) {
  fake = await startFakeCxi(data);
  fake.onboarded = onboarded;
  const cxi = createWootricCxiClient({
    baseUrl: fake.api.url,
    tokenUrl: `${fake.tokenHost.url}/oauth/token`,
    accountToken,
    auth: passwordGrant(owner),
    retry: false,
  });
  return { cxi, fake };
}

async function collect<T>(iterator: AsyncIterable<T>): Promise<{ items: T[]; error: unknown }> {
  const items: T[] = [];
  try {
    for await (const item of iterator) items.push(item);
  } catch (error) {
    return { items, error };
  }
  return { items, error: undefined };
}

describe('tokens from the main Wootric host', () => {
  it('sends the password grant to tokenUrl, not to the CXI host: form fields, account_token only in the query', async () => {
    const { cxi, fake } = await setup();
    unwrap(await cxi.GET('/v1/onboarding'));
    expect(fake.tokenHostRequests).toEqual([`POST /oauth/token?account_token=${accountToken}`]);
    expect(fake.oauth.tokenRequests[0]?.body).toEqual({
      grant_type: 'password',
      username: owner.username,
      password: owner.password,
    });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/onboarding']);
  });
});

describe('the onboarding gate', () => {
  it('throws OnboardingRequiredError (424) until onboarding is finished, then answers', async () => {
    const { cxi } = await setup({ tags: 3 }, false);
    const error = await cxi
      .GET('/v1/tags')
      .then(unwrap)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OnboardingRequiredError);
    expect(error).toMatchObject({ status: 424, body: { message: 'Please complete the onboarding flow first.' } });
    expect((error as Error).message).toBe(
      'GET /v1/tags answered 424 Failed Dependency: {"message":"Please complete the onboarding flow first."} (finish onboarding: PUT /v1/onboarding with onboarded=true)',
    );
    expect(secretsIn(error, [owner.password])).toEqual([]);

    unwrap(await cxi.PUT('/v1/onboarding', { body: { onboarded: true } }));
    expect(unwrap(await cxi.GET('/v1/tags'))).toHaveLength(3);
  });
});

describe('listAll', () => {
  it('walks { total_count, items } until the total: 120 responses in 3 pages of 50', async () => {
    const { cxi, fake } = await setup({ responses: 120 });
    const { items, error } = await collect(listAll(cxi, '/v1/responses', { query: { sort_order: 'asc' } }));
    expect(error).toBeUndefined();
    expect(items.map((r) => r.id)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(
      fake.requests
        .filter((r) => r.path === '/v1/responses')
        .map((r) => [r.query.get('page'), r.query.get('per_page'), r.query.get('sort_order')]),
    ).toEqual([
      ['1', '50', 'asc'],
      ['2', '50', 'asc'],
      ['3', '50', 'asc'],
    ]);
  });

  it('walks a bare-array list until a short page: 75 tags', async () => {
    const { cxi } = await setup({ tags: 75 });
    const { items } = await collect(listAll(cxi, '/v1/tags', { query: { flat: true } }));
    expect(items.map((t) => t.id)).toEqual(Array.from({ length: 75 }, (_, i) => i + 1));
  });

  it('ends an empty list after one page', async () => {
    const { cxi, fake } = await setup();
    expect((await collect(listAll(cxi, '/v1/imports'))).items).toEqual([]);
    expect(fake.requests.filter((r) => r.path === '/v1/imports')).toHaveLength(1);
  });

  it('refuses, before the first record, a total beyond 30 pages of 50', async () => {
    const { cxi } = await setup({ responses: 1501 });
    const { items, error } = await collect(listAll(cxi, '/v1/responses'));
    expect(error).toBeInstanceOf(PageLimitError);
    expect(items).toEqual([]);
    expect(secretsIn(error, [owner.password])).toEqual([]);
  });

  it('throws PageLimitError after page 30 of a bare-array list that is still full, never asking for page 31', async () => {
    const { cxi, fake } = await setup({ tags: 1600 });
    const { items, error } = await collect(listAll(cxi, '/v1/tags'));
    expect(error).toBeInstanceOf(PageLimitError);
    expect(items).toHaveLength(1500);
    expect(secretsIn(error, [owner.password])).toEqual([]);
    expect(
      Math.max(...fake.requests.filter((r) => r.path === '/v1/tags').map((r) => Number(r.query.get('page')))),
    ).toBe(30);
  });
});

describe('updateSegmentsInBulk (arrays of hashes, which Prism cannot read)', () => {
  it('is the operation the Prism test leaves to this one', () => {
    expect(notCheckableByPrism).toEqual(['updateSegmentsInBulk']);
  });

  it.each([
    [
      {
        responses: [
          {
            id: 413,
            custom_properties: [
              { key: 'plan', value: 'Pro' },
              { key: 'seats', value: '5' },
            ],
          },
          { id: 414, custom_properties: [{ key: 'plan', value: 'Lite' }] },
        ],
      },
    ],
    [
      {
        users: [
          { user_id: 7, custom_properties: [{ key: 'region', value: 'EMEA' }] },
          { user_id: 8, custom_properties: [{ key: 'region', value: 'APAC' }] },
        ],
      },
    ],
  ])('sends %j as Rails reads it', async (body) => {
    const { cxi, fake } = await setup();
    unwrap(await cxi.PUT('/v1/segments/update_bulk', { body }));
    const [request] = fake.requests.filter((r) => r.path === '/v1/segments/update_bulk');
    expect(request?.contentType).toBe('application/x-www-form-urlencoded');
    expect(request?.body).toEqual(
      JSON.parse(JSON.stringify(body, (_, v: unknown) => (typeof v === 'number' ? String(v) : v))),
    );
  });
});

describe('CSV uploads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'oapi-cxi-'));

  it('uploads a CSV from a path (the /node entry) as the multipart part `file`', async () => {
    const path = join(dir, 'feedback.csv');
    writeFileSync(path, 'feedback_date,feedback\n2020-07-16,Great\n');
    const { cxi, fake } = await setup();
    expect(unwrap(await uploadImport(cxi, await fileFromPath(path))).id).toBe(12);
    const [request] = fake.requests.filter((r) => r.path === '/v1/imports');
    expect(request?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(request?.raw).toMatch(
      /Content-Disposition: form-data; name="file"; filename="feedback.csv"\r\nContent-Type: text\/csv\r\n\r\nfeedback_date,feedback\n2020-07-16,Great\n/,
    );
  });

  it.each([
    [
      'an import of exactly 10 MB',
      (cxi: Parameters<typeof uploadImport>[0]) => uploadImport(cxi, 'x'.repeat(10_000_000)),
    ],
    [
      'bulk properties of 12 MB',
      (cxi: Parameters<typeof uploadImport>[0]) => uploadResponseProperties(cxi, new Blob(['y'.repeat(12_000_000)])),
    ],
  ])('refuses %s before sending anything', async (_name, upload) => {
    const { cxi, fake } = await setup();
    const error = await upload(cxi).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect((error as Error).message).toMatch(/^\S+\.csv is \d+ bytes; the API takes files under 10000000 bytes/);
    expect([fake.requests, fake.tokenHostRequests]).toEqual([[], []]);
    expect(secretsIn(error, [owner.password])).toEqual([]);
  });
});

describe('the spec', () => {
  it("only takes form and multipart bodies, so relabelling openapi-fetch's JSON default as a form is safe", () => {
    const spec = JSON.parse(
      readFileSync(fileURLToPath(new URL('../../../dist/wootric-cxi.openapi.json', import.meta.url)), 'utf8'),
    ) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    const types = Object.values(spec.paths).flatMap((item) =>
      Object.values(item).flatMap((op) => Object.keys(op.requestBody?.content ?? {})),
    );
    expect(new Set(types)).toEqual(new Set(['application/x-www-form-urlencoded', 'multipart/form-data']));
  });
});
