// Every operation of the spec, called through the typed client against Prism, which validates each
// request against the same spec. Form bodies go through prismFormDialect: Prism cannot read Rails'
// `a[]=` arrays, so each body is parsed as Rack parses it and spelled again the way Prism reads it
// (arrays as deepObject, which Prism is told by prismRailsFormSpec's copy of the spec, since OpenAPI
// leaves it undefined); Prism then validates what a Rails server would see. (Arrays of hashes, such as `context`, cannot
// be read by Prism at all: they are checked against the stateful fake, in form-bodies.test.ts.)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { operationList } from '@oapi/codegen';
import { parseRailsForm } from '@oapi/runtime';
import { prismFormDialect, prismRailsFormSpec, startPrism, type PrismMock } from '@oapi/test-support';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  clientCredentialsGrant,
  createWootricClient,
  listAll,
  passwordGrant,
  sendEmailSurveyCsv,
  unwrap,
} from '../src/index.js';

const spec = fileURLToPath(new URL('../../../dist/wootric.openapi.yaml', import.meta.url));
const login = { username: 'owner@example.com', password: 'correct-horse-battery' };

let prism: PrismMock;
let dialect: ReturnType<typeof prismFormDialect>;
const called = new Set<string>();

beforeAll(async () => {
  prism = await startPrism(prismRailsFormSpec(spec));
  dialect = prismFormDialect(globalThis.fetch, parseRailsForm);
});
afterAll(async () => {
  await prism?.stop();
});
beforeEach(() => {
  prism.clearViolations();
  dialect.wireBodies.length = 0;
});

const client = () =>
  createWootricClient({
    baseUrl: prism.baseUrl,
    accountToken: 'NPS-1a2b3c4d',
    auth: passwordGrant(login),
    fetch: dialect.fetch,
    retry: false,
  });

async function exercise(operationId: string, call: () => Promise<{ response: Response }>, status = 200) {
  const { response } = await call();
  expect(prism.violations()).toEqual([]);
  expect(response.status).toBe(status);
  called.add(operationId);
  return response;
}

describe('wootric client against Prism: auth and end users', () => {
  it('gets a token with the password grant (account_token in the query) and lists end users', async () => {
    const wootric = client();
    const users = unwrap(
      await wootric.GET('/v1/end_users', {
        params: {
          query: {
            page: 2,
            per_page: 50,
            created: { gt: 1514764800, lt: 1517443200 },
            updated: { gte: 1514764800 },
            email: 'a@example.com',
            sort_order: 'asc',
            sort_key: 'created_at',
          },
        },
      }),
    );
    expect(users[0]?.email).toBe('someone@example.com'); // the spec's example
    expect(prism.violations()).toEqual([]);
    expect(prism.requests().slice(-2)).toEqual(['POST /oauth/token', 'GET /v1/end_users']);
    called.add('createToken').add('listEndUsers');
  });

  it('gets a token with the client_credentials grant', async () => {
    const wootric = createWootricClient({
      baseUrl: prism.baseUrl,
      auth: clientCredentialsGrant({ clientId: 'a'.repeat(64), clientSecret: 'b'.repeat(64) }),
      fetch: dialect.fetch,
    });
    await exercise('listSegments', () => wootric.GET('/v1/segments'));
    expect(prism.requests().slice(-2)).toEqual(['POST /oauth/token', 'GET /v1/segments']);
  });

  it('creates, reads, updates, exports and deletes an end user', async () => {
    const wootric = client();
    await exercise('createEndUser', () =>
      wootric.POST('/v1/end_users', {
        body: {
          email: 'new@example.com',
          external_id: 'abc-123',
          last_surveyed: 1515940485,
          external_created_at: 1515940485,
          phone_number: '+19123456789',
          properties: { plan: 'Pro', seats: 5 },
        },
      }),
    );
    expect(dialect.wireBodies.at(-1)).toBe(
      'email=new%40example.com&external_id=abc-123&last_surveyed=1515940485&external_created_at=1515940485&phone_number=%2B19123456789&properties%5Bplan%5D=Pro&properties%5Bseats%5D=5',
    );
    await exercise('getEndUser', () =>
      wootric.GET('/v1/end_users/{id}', {
        params: { path: { id: 'new@example.com' }, query: { lookup_by_email: true } },
      }),
    );
    await exercise('getEndUserByPhoneNumber', () =>
      wootric.GET('/v1/end_users/phone_number/{phone_number}', { params: { path: { phone_number: '+19123456789' } } }),
    );
    await exercise('updateEndUser', () =>
      wootric.PUT('/v1/end_users/{id}', {
        params: { path: { id: 42 } },
        body: { email: 'renamed@example.com', properties: { plan: 'Enterprise' } },
      }),
    );
    await exercise(
      'exportEndUser',
      () => wootric.GET('/v1/end_users/{id}/export', { params: { path: { id: 42 } } }),
      202,
    );
    await exercise('deleteEndUser', () =>
      wootric.DELETE('/v1/end_users/{id}', { params: { path: { id: 'renamed@example.com' } } }),
    );
  });

  it("reads and updates an end user's settings", async () => {
    const wootric = client();
    await exercise('getEndUserSettings', () =>
      wootric.GET('/v1/end_users/{end_user_id}/settings', { params: { path: { end_user_id: 42 } } }),
    );
    await exercise('updateEndUserSettings', () =>
      wootric.PUT('/v1/end_users/{end_user_id}/settings', {
        params: { path: { end_user_id: 42 } },
        body: { email_nps: false, force_web_survey: true },
      }),
    );
  });
});

describe('wootric client against Prism: responses and declines', () => {
  const created = { gte: 1514764800 };

  it('lists responses, account-wide and per end user', async () => {
    const wootric = client();
    await exercise('listResponses', () =>
      wootric.GET('/v1/responses', {
        params: { query: { page: 1, per_page: 50, created, sort_order: 'asc', sort_key: 'created_at' } },
      }),
    );
    const path = { end_user_id: 42 };
    await exercise('listEndUserResponses', () =>
      wootric.GET('/v1/end_users/{end_user_id}/responses', { params: { path, query: { created } } }),
    );
    await exercise('listEndUserPromoterResponses', () =>
      wootric.GET('/v1/end_users/{end_user_id}/responses/promoters', { params: { path } }),
    );
    await exercise('listEndUserPassiveResponses', () =>
      wootric.GET('/v1/end_users/{end_user_id}/responses/passives', { params: { path } }),
    );
    await exercise('listEndUserDetractorResponses', () =>
      wootric.GET('/v1/end_users/{end_user_id}/responses/detractors', {
        params: { path, query: { sort_order: 'desc' } },
      }),
    );
  });

  it('creates, reads, updates and deletes a response', async () => {
    const wootric = client();
    const path = { end_user_id: 42, id: 7 };
    const create = await exercise('createEndUserResponse', () =>
      wootric.POST('/v1/end_users/{end_user_id}/responses', {
        params: { path: { end_user_id: 42 } },
        body: {
          score: 9,
          ip_address: '192.0.2.1',
          origin_url: 'https://example.com/app',
          text: 'Great',
          created_at: 1515940485,
          end_user: { properties: { plan: 'Pro' } },
        },
      }),
    );
    expect(create.ok).toBe(true);
    await exercise('getEndUserResponse', () =>
      wootric.GET('/v1/end_users/{end_user_id}/responses/{id}', { params: { path } }),
    );
    await exercise(
      'updateResponse',
      () =>
        wootric.PUT('/v1/responses/{id}', {
          params: { path: { id: 7 } },
          body: { completed: true, excluded_from_calculations: false, end_user: { properties: { plan: 'Lite' } } },
        }),
      204,
    );
    await exercise(
      'deleteEndUserResponse',
      () => wootric.DELETE('/v1/end_users/{end_user_id}/responses/{id}', { params: { path } }),
      204,
    );
  });

  it('lists, creates, reads, updates and deletes declines', async () => {
    const wootric = client();
    await exercise('listDeclines', () =>
      wootric.GET('/v1/declines', {
        params: { query: { per_page: 50, created: { lt: 1517443200 }, sort_order: 'asc', sort_key: 'created_at' } },
      }),
    );
    await exercise('listEndUserDeclines', () =>
      wootric.GET('/v1/end_users/{end_user_id}/declines', {
        params: { path: { end_user_id: 42 }, query: { page: 1 } },
      }),
    );
    await exercise('createEndUserDecline', () =>
      wootric.POST('/v1/end_users/{end_user_id}/declines', {
        params: { path: { end_user_id: 42 } },
        body: {
          origin_url: 'https://example.com/app',
          created_at: 1515940485,
          end_user: { properties: { plan: 'Pro' } },
        },
      }),
    );
    await exercise('getEndUserDecline', () =>
      wootric.GET('/v1/end_users/{end_user_id}/declines/{id}', { params: { path: { end_user_id: 42, id: 3 } } }),
    );
    await exercise(
      'updateDecline',
      () =>
        wootric.PUT('/v1/declines/{id}', {
          params: { path: { id: 3 } },
          body: { end_user: { properties: { plan: 'Lite' } } },
        }),
      204,
    );
    await exercise(
      'deleteEndUserDecline',
      () =>
        wootric.DELETE('/v1/end_users/{end_user_id}/declines/{id}', { params: { path: { end_user_id: 42, id: 3 } } }),
      204,
    );
  });

  it("walks a list with listAll: its page queries validate, and it refuses Prism's unsorted example page", async () => {
    const wootric = client();
    const walk = listAll(wootric, '/v1/end_users/{end_user_id}/responses', {
      path: { end_user_id: 42 },
      query: { created: { gt: 1514764800, lte: 1517443200 } },
    });
    // Prism answers with the spec's example whatever the filter: older than the window, so out of order.
    await expect(walk.next()).rejects.toMatchObject({ name: 'TimeWindowError' });
    expect(prism.violations()).toEqual([]);
  });
});

describe('wootric client against Prism: metrics, e-mail surveys and stats', () => {
  it('reads the NPS summary and segments', async () => {
    const wootric = client();
    const summary = await exercise('getNpsSummary', () =>
      wootric.GET('/v1/nps_summary', { params: { query: { date: { start: '2024-01-01', end: '2024-01-31' } } } }),
    );
    expect(summary.url).toContain('date[start]=2024-01-01&date[end]=2024-01-31');
  });

  it('sends e-mail surveys with Rails arrays and nested settings', async () => {
    const wootric = client();
    await exercise('sendEmailSurvey', () =>
      wootric.POST('/v1/email_survey', {
        body: {
          emails: ['ann@example.com', 'bob@example.com'],
          external_ids: ['u-1', 'u-2'],
          survey_immediately: true,
          end_user: { properties: { campaign_name: 'Spring' } },
          survey_settings: {
            language: 'es',
            custom_messages: { followup_text: 'Thank you!' },
            sampling: { registered_percent: 50 },
          },
          subject: 'How likely…',
          delay: 2,
        },
      }),
    );
    const wire = [...new URLSearchParams(dialect.wireBodies.at(-1))]
      .map(([name, value]) => `${name}=${value}`)
      .join('&');
    expect(wire).toContain('emails[]=ann@example.com&emails[]=bob@example.com&external_ids[]=u-1&external_ids[]=u-2');
    expect(wire).toContain('survey_settings[custom_messages][followup_text]=Thank you!');
  });

  it('Prism really checks the arrays it is given: 101 e-mails is a violation', async () => {
    const wootric = client();
    const emails = Array.from({ length: 101 }, (_, i) => `u${i}@example.com`);
    const { response } = await wootric.POST('/v1/email_survey', { body: { emails } });
    expect(response.status).toBe(400);
    expect(prism.violations().join('\n')).toMatch(/emails must NOT have more than 100 items/);
  });

  it('sends e-mail surveys from a CSV: uploaded as a file, and as Base64url text', async () => {
    const wootric = client();
    const csv = 'email,___context:first_name\nann@example.com,Ann\n';
    await exercise('sendEmailSurveyCsv', () =>
      sendEmailSurveyCsv(wootric, csv, {
        subject: 'Hi {{first_name}}',
        delivery_time: '09:30',
        survey_settings: { survey_template_id: 12 },
      }),
    );
    const { response } = await wootric.POST('/v1/email_survey_csv', {
      body: { csv: Buffer.from(csv).toString('base64url'), delay: 1 },
    });
    expect([response.ok, prism.violations()]).toEqual([true, []]);
  });

  it('reads survey templates and e-mail stats, and asks for a bounce report', async () => {
    const wootric = client();
    await exercise('listSurveyTemplates', () => wootric.GET('/v1/survey_templates'));
    await exercise('getEmailStats', () =>
      wootric.GET('/v2/email_stats', {
        params: { query: { date_range: { start_date: '2024-08-04', end_date: '2024-09-03' } } },
      }),
    );
    await exercise('listEmailStatsSources', () => wootric.GET('/v2/email_stats/sources'));
    await exercise('requestBounceReport', () =>
      wootric.POST('/v2/email_stats/bounce_report', {
        body: { date_range: { start_date: '2024-08-04', end_date: '2024-09-03' }, source: 'email_api' },
      }),
    );
  });
});

describe('coverage', () => {
  it('exercised every operation of the spec', () => {
    expect([...called].sort()).toEqual(
      operationList(JSON.parse(readFileSync(spec.replace(/\.yaml$/, '.json'), 'utf8')) as Record<string, unknown>)
        .map((op) => op.operationId)
        .sort(),
    );
  });
});
