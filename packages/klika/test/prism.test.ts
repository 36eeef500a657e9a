// Every operation of the spec, called through the typed client against Prism, which validates each
// request against the same spec: a request the spec does not allow shows up as a violation.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { operationList } from '@oapi/codegen';
import { startPrism, type PrismMock } from '@oapi/test-support';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKlikaClient, passwordGrant, unwrap } from '../src/index.js';

const spec = fileURLToPath(new URL('../../../dist/klika.openapi.yaml', import.meta.url));
const credentials = {
  username: 'amina.hodzic@example.com',
  password: 'correct-horse-battery',
  clientId: '3e8e1a4c0b6f9d2a7c5e1f0b8d4a6c2e',
  clientSecret: '9c1b7e5a3f0d2c8b6a4e1f7d9b3c5a0e',
};

let prism: PrismMock;
const called = new Set<string>();

beforeAll(async () => {
  prism = await startPrism(spec);
});
afterAll(async () => {
  await prism?.stop();
});
beforeEach(() => prism.clearViolations());

function expectNoViolations() {
  expect(prism.violations()).toEqual([]);
}

describe('klika client against Prism', () => {
  it('gets a token with the password grant, then lists countries', async () => {
    const klika = createKlikaClient({ baseUrl: prism.baseUrl, auth: passwordGrant(credentials) });
    const countries = unwrap(await klika.GET('/api/v1/countries'));
    expect(countries.countries[0]).toEqual({ name: 'Afghanistan', code: 'AF' });
    called.add('createToken').add('listCountries');
    expectNoViolations();
  });

  it('creates a user without credentials and gets 200, not 201', async () => {
    const klika = createKlikaClient({ baseUrl: prism.baseUrl });
    const { data, response } = await klika.POST('/api/v1/users', {
      body: { user: { email: 'new.user@example.com', password: 'long-enough' } },
    });
    expect(response.status).toBe(200);
    expect(data?.role).toBe('default');
    called.add('createUser');
    expectNoViolations();
  });

  it('gets a user by id', async () => {
    const klika = createKlikaClient({ baseUrl: prism.baseUrl, auth: passwordGrant(credentials) });
    const user = unwrap(await klika.GET('/api/v1/users/{id}', { params: { path: { id: 42 } } }));
    expect(user).toMatchObject({ id: 42, email: 'amina.hodzic@example.com' });
    called.add('getUser');
    expectNoViolations();
  });

  it('calls the token endpoint directly, with grant_type in the query and a JSON body', async () => {
    const klika = createKlikaClient({ baseUrl: prism.baseUrl });
    const token = unwrap(
      await klika.POST('/oauth/token', {
        params: { query: { grant_type: 'refresh_token' } },
        body: {
          refresh_token: 'a'.repeat(64),
          client_id: credentials.clientId,
          client_secret: credentials.clientSecret,
        },
      }),
    );
    expect(token.expires_in).toBe(60);
    expect(typeof token.user_id).toBe('number');
    expectNoViolations();
  });

  it('calls the token endpoint with a form body and grant_type in it', async () => {
    const klika = createKlikaClient({ baseUrl: prism.baseUrl });
    const { response } = await klika.POST('/oauth/token', {
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
    expectNoViolations();
  });

  it('builds the browser step of the authorization-code flow', async () => {
    const klika = createKlikaClient({ baseUrl: prism.baseUrl });
    const { response } = await klika.GET('/oauth/authorize', {
      params: {
        query: {
          client_id: credentials.clientId,
          redirect_uri: 'https://app.example.com/cb',
          response_type: 'code',
          scope: '',
        },
      },
      parseAs: 'text',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    called.add('authorize');
    expectNoViolations();
  });

  it('reports a request the spec does not allow as a violation', async () => {
    const klika = createKlikaClient({ baseUrl: prism.baseUrl });
    // Deliberately wrong: the spec requires `user`.
    const { response } = await klika.POST('/api/v1/users', { body: { email: 'x@example.com' } as never });
    expect(response.status).toBe(422);
    expect(prism.violations().join('\n')).toMatch(/required property 'user'/);
  });

  it('exercised every operation of the spec', () => {
    expect([...called].sort()).toEqual(
      operationList(JSON.parse(readFileSync(spec.replace(/\.yaml$/, '.json'), 'utf8')) as Record<string, unknown>)
        .map((op) => op.operationId)
        .sort(),
    );
  });
});
