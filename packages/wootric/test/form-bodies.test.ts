// What a Rails server reads from the client's form bodies (the fake parses them as Rack does),
// including what Prism cannot check: arrays of hashes. And the typed errors for 404 and 423.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { secretsIn } from '@oapi/test-support';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createWootricClient, LockedError, passwordGrant, unwrap } from '../src/index.js';
import { owner } from '@oapi/fakes/wootric-oauth';
import { accountToken, startFakeWootric, type FakeWootric } from '@oapi/fakes/wootric';

let fake: FakeWootric;
beforeAll(async () => {
  fake = await startFakeWootric();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

const client = () => createWootricClient({ baseUrl: fake.url, accountToken, auth: passwordGrant(owner), retry: false });

describe('form bodies as Rails reads them', () => {
  it('sends an e-mail survey with arrays, nested hashes and an array of hashes (context)', async () => {
    unwrap(
      await client().POST('/v1/email_survey', {
        body: {
          emails: ['ann@example.com', 'bob@example.com'],
          external_ids: ['u-1', 'u-2'],
          end_user: { properties: { campaign_name: 'Spring', seats: 5 } },
          survey_settings: { custom_messages: { followup_text: 'Thank you!' }, sampling: { registered_percent: 50 } },
          context: [
            { first_name: 'Ann', city: 'Oslo' },
            { city: 'Rome', first_name: 'Bob' },
          ],
          survey_immediately: false,
        },
      }),
    );
    const [request] = fake.requests.filter((r) => r.path === '/v1/email_survey');
    expect(request?.contentType).toBe('application/x-www-form-urlencoded');
    expect(request?.body).toEqual({
      emails: ['ann@example.com', 'bob@example.com'],
      external_ids: ['u-1', 'u-2'],
      end_user: { properties: { campaign_name: 'Spring', seats: '5' } },
      survey_settings: { custom_messages: { followup_text: 'Thank you!' }, sampling: { registered_percent: '50' } },
      context: [
        { first_name: 'Ann', city: 'Oslo' },
        { city: 'Rome', first_name: 'Bob' },
      ],
      survey_immediately: 'false',
    });
  });

  it('refuses, before sending, an array of hashes that Rails would merge', async () => {
    const error = await client()
      .POST('/v1/email_survey', {
        body: { emails: ['ann@example.com'], context: [{ first_name: 'Ann' }, { city: 'Rome' }] },
      })
      .catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/"body.context\[1\]" shares no plain field with "body.context\[0\]"/);
    expect(fake.requests.filter((r) => r.path === '/v1/email_survey')).toEqual([]);
    expect(secretsIn(error, [owner.password])).toEqual([]);
  });

  it('writes the created window of a list in brackets (openapi-fetch deepObject)', async () => {
    await client().GET('/v1/responses', {
      params: { query: { created: { gt: 1514764800, lt: 1517443200 }, per_page: 50 } },
    });
    const [request] = fake.requests.filter((r) => r.path === '/v1/responses');
    expect([...request!.query]).toEqual([
      ['created[gt]', '1514764800'],
      ['created[lt]', '1517443200'],
      ['per_page', '50'],
    ]);
  });

  it('only ever needs form bodies: no operation of the spec takes JSON', () => {
    const spec = JSON.parse(
      readFileSync(fileURLToPath(new URL('../../../dist/wootric.openapi.json', import.meta.url)), 'utf8'),
    ) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    const types = Object.values(spec.paths).flatMap((item) =>
      Object.values(item).flatMap((op) => Object.keys(op.requestBody?.content ?? {})),
    );
    expect(new Set(types)).toEqual(new Set(['application/x-www-form-urlencoded', 'multipart/form-data']));
  });
});

describe('typed errors', () => {
  it('throws LockedError for 423, with the error_list body and a hint', async () => {
    const error = await client()
      .PUT('/v1/responses/{id}', { params: { path: { id: 7 } }, body: { end_user: { properties: { plan: 'Pro' } } } })
      .then(unwrap)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockedError);
    expect(error).toMatchObject({
      status: 423,
      body: { type: 'error_list', errors: [{ status: 'locked', field: 'end_user' }] },
    });
    expect((error as Error).message).toBe(
      'PUT /v1/responses/{id} answered 423 Locked: locked: Historical data editing is not enabled for this account (field: end_user) (historical-data editing is off for this account; Wootric support can turn it on)',
    );
    expect(secretsIn(error, [owner.password])).toEqual([]);
  });

  it('throws ApiError for 404 with the errors listed', async () => {
    const error = await client()
      .GET('/v1/end_users/{id}', { params: { path: { id: 404 } } })
      .then(unwrap)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe(
      'GET /v1/end_users/{id} answered 404 Not Found: record_not_found: The record could not be found',
    );
    expect(secretsIn(error, [owner.password])).toEqual([]);
  });

  it('answers 204 with no data for an update without historical properties', async () => {
    expect(
      unwrap(await client().PUT('/v1/responses/{id}', { params: { path: { id: 7 } }, body: { completed: true } })),
    ).toBeUndefined();
  });
});
