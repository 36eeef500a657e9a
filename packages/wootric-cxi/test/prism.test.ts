// Every operation of the CXI spec through the typed client against Prism (which validates each
// request), the token included: `tokenUrl` points the spec's absolute token URL at the mock. Form
// bodies go through prismFormDialect (see packages/wootric/test/prism.test.ts for why). The one
// operation Prism cannot read at all, `updateSegmentsInBulk` (only arrays of hashes), is exercised
// against the stateful fake in fake-api.test.ts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { operationList } from '@oapi/codegen';
import { parseRailsForm } from '@oapi/runtime';
import { prismFormDialect, prismRailsFormSpec, startPrism, type PrismMock } from '@oapi/test-support';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { notCheckableByPrism } from './prism-exemptions.js';
import {
  createWootricCxiClient,
  listAll,
  passwordGrant,
  unwrap,
  uploadImport,
  uploadResponseProperties,
} from '../src/index.js';

const spec = fileURLToPath(new URL('../../../dist/wootric-cxi.openapi.yaml', import.meta.url));

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
beforeEach(() => prism.clearViolations());

const client = () =>
  createWootricCxiClient({
    baseUrl: prism.baseUrl,
    tokenUrl: `${prism.baseUrl}/oauth/token`,
    accountToken: 'NPS-1a2b3c4d',
    auth: passwordGrant({ username: 'owner@example.com', password: 'correct-horse-battery' }),
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

describe('wootric-cxi client against Prism', () => {
  it('gets a token from the token URL and walks through onboarding', async () => {
    const cxi = client();
    const onboarding = unwrap(await cxi.GET('/v1/onboarding'));
    expect(typeof onboarding.onboarded).toBe('boolean');
    expect(prism.requests().slice(-2)).toEqual(['POST /oauth/token', 'GET /v1/onboarding']);
    called.add('createToken').add('getOnboarding');
    await exercise('updateOnboarding', () =>
      cxi.PUT('/v1/onboarding', {
        body: {
          product_category_id: 3,
          project: { name: 'Q1' },
          import: { name: 'Intercom export', source: 'Intercom', metric_type: 'CES', language: 'en' },
        },
      }),
    );
    await exercise('updateOnboarding', () => cxi.PUT('/v1/onboarding', { body: { onboarded: true } }));
  });

  it('lists, creates and renames projects', async () => {
    const cxi = client();
    await exercise('listProjects', () => cxi.GET('/v1/projects'));
    await exercise('createProject', () => cxi.POST('/v1/projects', { body: { project: { name: 'Churn study' } } }));
    await exercise('updateProject', () =>
      cxi.PUT('/v1/projects/{id}', { params: { path: { id: 5 } }, body: { project: { name: 'Churn study 2' } } }),
    );
  });

  it('lists, creates, updates and deletes tags, text-match terms and filter rules included', async () => {
    const cxi = client();
    await exercise('listTags', () =>
      cxi.GET('/v1/tags', {
        params: {
          query: {
            page: 1,
            per_page: 50,
            flat: true,
            sort: 'name_asc',
            search: 'bill',
            no_stats: true,
            exclude_disabled: true,
          },
        },
      }),
    );
    await exercise('createTag', () =>
      cxi.POST('/v1/tags', {
        body: {
          tag: {
            name: 'Billing',
            description: 'Invoices',
            mode: 'text_match',
            parent_id: 93,
            text_match_terms: ['invoice', 'refund'],
            filter_rules: { metric_type: 'nps' },
          },
        },
      }),
    );
    expect(decodeURIComponent(dialect.wireBodies.at(-1)!)).toContain(
      'tag[text_match_terms][]=invoice&tag[text_match_terms][]=refund',
    );
    await exercise('updateTag', () =>
      cxi.PUT('/v1/tags/{id}', {
        params: { path: { id: 93 } },
        body: { tag: { name: 'Billing & invoices', mode: 'manual' } },
      }),
    );
    await exercise('deleteTag', () => cxi.DELETE('/v1/tags/{id}', { params: { path: { id: 93 } } }));
  });

  it('uploads, lists, reads, updates and deletes imports', async () => {
    const cxi = client();
    await exercise('createImport', () =>
      uploadImport(cxi, 'feedback_date,feedback,score\n2020-07-16 15:45:00,Great support,9\n'),
    );
    await exercise('listImports', () => cxi.GET('/v1/imports', { params: { query: { page: 2, per_page: 10 } } }));
    await exercise('getImport', () => cxi.GET('/v1/imports/{id}', { params: { path: { id: 12 } } }));
    await exercise('updateImport', () =>
      cxi.PUT('/v1/imports/{id}', {
        params: { path: { id: 12 } },
        body: {
          import: {
            name: 'Renamed',
            metric_type: 'nps',
            secondary_product_category_id: 4,
            tag_names: ['BILLING', 'SUPPORT'],
            project_ids: [5, 6],
          },
        },
      }),
    );
    await exercise('deleteImport', () => cxi.DELETE('/v1/imports/{id}', { params: { path: { id: 12 } } }), 202);
  });

  it('lists responses, walks them with listAll, and updates their properties from a CSV', async () => {
    const cxi = client();
    await exercise('listResponses', () =>
      cxi.GET('/v1/responses', { params: { query: { page: 1, per_page: 50, sort_order: 'asc' } } }),
    );
    const ids = [];
    for await (const response of listAll(cxi, '/v1/responses', { query: { sort_order: 'desc' } }))
      ids.push(response.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(prism.violations()).toEqual([]);
    await exercise('updateResponsePropertiesInBulk', () =>
      uploadResponseProperties(cxi, new Blob(['id,renewal___datetime:%m/%d/%Y\n413,01/31/2025\n'])),
    );
  });

  it('requests an export', async () => {
    await exercise('createExport', () => client().POST('/v1/exports', { body: { export_type: 'users' } }), 201);
  });

  it('exercised every operation of the spec (one of them against the fake)', () => {
    expect([...called, ...notCheckableByPrism].sort()).toEqual(
      operationList(JSON.parse(readFileSync(spec.replace(/\.yaml$/, '.json'), 'utf8')) as Record<string, unknown>)
        .map((op) => op.operationId)
        .sort(),
    );
  });
});
