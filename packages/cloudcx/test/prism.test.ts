// Every operation of the spec, called through the typed client against Prism, which validates each
// request against the same spec: a request the spec does not allow shows up as a violation.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { operationList } from '@oapi/codegen';
import { startPrism, type PrismMock } from '@oapi/test-support';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiKey, CloudcxApiError, createCloudcxClient, passwordGrant, unwrapEnvelope, unwrap } from '../src/index.js';

const spec = fileURLToPath(new URL('../../../dist/cloudcx.openapi.yaml', import.meta.url));
const credentials = {
  username: 'freesiaTest',
  password: 'correct-horse-battery-staple',
  clientId: '260390634491792831814845',
  clientSecret: '6d624c35-978b-4c1f-9d2e-59d727f2ea19',
};
const key = 'cxak_5d1e0f7c9b2a48e6a3c1d7f0e9b8a6c4';

let prism: PrismMock;
const called = new Set<string>();

beforeAll(async () => {
  prism = await startPrism(spec);
});
afterAll(async () => {
  await prism?.stop();
});
beforeEach(() => prism.clearViolations());

describe('cloudcx client against Prism', () => {
  it('gets a token with the password grant (form body), then lists a page of users', async () => {
    const cloudcx = createCloudcxClient({ baseUrl: prism.baseUrl, auth: passwordGrant(credentials) });
    const page = await cloudcx.listUsers({ pageIndex: 1, pageSize: 25, keywords: 'si' });
    expect(page).toMatchObject({ totalPages: 1, number: 0, numberOfElements: 1 });
    expect(page.content[0]?.loginCode).toBe('freesiaTest');
    expect(prism.requests()).toEqual(expect.arrayContaining(['POST /oauth/token', 'GET /openapi/v2/user/page']));
    expect(prism.violations()).toEqual([]);
    called.add('createToken').add('listUsers');
  });

  it('lists users with an API key sent as Authorization: Bearer, and iterates them', async () => {
    const cloudcx = createCloudcxClient({ baseUrl: prism.baseUrl, auth: apiKey(key) });
    const logins: string[] = [];
    for await (const user of cloudcx.users({ keywords: 'si' })) logins.push(user.loginCode);
    expect(logins).toEqual(['freesiaTest']);
    expect(prism.violations()).toEqual([]);
  });

  it('unwraps the envelope of a raw GET', async () => {
    const cloudcx = createCloudcxClient({ baseUrl: prism.baseUrl, auth: apiKey(key) });
    const page = unwrapEnvelope(
      await cloudcx.GET('/openapi/v2/user/page', { params: { query: { pageIndex: 1, pageSize: 25 } } }),
    );
    expect(page.totalElements).toBe(1);
    expect(prism.violations()).toEqual([]);
  });

  it('throws CloudcxApiError for the error envelope under HTTP 200 (the spec example)', async () => {
    const cloudcx = createCloudcxClient({
      baseUrl: prism.baseUrl,
      auth: apiKey(key),
      headers: { Prefer: 'example=errorUnder200' },
    });
    const error = await cloudcx.listUsers({ pageIndex: 1, pageSize: 25 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudcxApiError);
    expect(error).toMatchObject({ status: 200, code: '1001', cloudcxMessage: 'Invalid parameter pageSize' });
    expect(prism.violations()).toEqual([]);
  });

  it.each([
    [401, '401'],
    [400, '400'],
  ])('throws CloudcxApiError for the spec example of HTTP %i', async (status, code) => {
    const cloudcx = createCloudcxClient({
      baseUrl: prism.baseUrl,
      auth: apiKey(key),
      headers: { Prefer: `code=${status}` },
    });
    const error = await cloudcx.listUsers({ pageIndex: 1, pageSize: 25 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudcxApiError);
    expect(error).toMatchObject({ status, code });
    expect((error as Error).message).toMatch(
      new RegExp(`^GET /openapi/v2/user/page failed with CloudCX code "${code}" \\(HTTP ${status}`),
    );
    expect(prism.violations()).toEqual([]);
  });

  it('calls the token endpoint directly with a form body', async () => {
    const cloudcx = createCloudcxClient({ baseUrl: prism.baseUrl });
    const { data, response } = await cloudcx.POST('/oauth/token', {
      body: {
        grant_type: 'password',
        username: credentials.username,
        password: credentials.password,
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
      },
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ token_type: 'Bearer', expires_in: 3599 });
    // The token reply has no envelope: unwrap hands it back as it is.
    expect(unwrap({ data, response })).toBe(data);
    expect(prism.violations()).toEqual([]);
  });

  it('reports a request the spec does not allow as a violation', async () => {
    const cloudcx = createCloudcxClient({ baseUrl: prism.baseUrl, auth: apiKey(key) });
    // Deliberately wrong: pageIndex is one-based, so 0 is below the spec's minimum.
    const error = await cloudcx.listUsers({ pageIndex: 0, pageSize: 25 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudcxApiError);
    expect(prism.violations().join('\n')).toMatch(/pageindex must be >= 1/i);
  });

  it('exercised every operation of the spec', () => {
    expect([...called].sort()).toEqual(
      operationList(JSON.parse(readFileSync(spec.replace(/\.yaml$/, '.json'), 'utf8')) as Record<string, unknown>)
        .map((op) => op.operationId)
        .sort(),
    );
  });
});
