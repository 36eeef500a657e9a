// A stateful CXI API beside a separate fake of the main Wootric host's token endpoint (as in
// production, tokens do not come from the CXI host): the onboarding gate (424), paged lists of
// both shapes with the 30 × 50 ceiling, multipart CSV imports, and bodies read as Rails reads them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseRailsForm, type RailsParams } from '@oapi/runtime';
import { listen, readBody, sendJson, type LoopbackServer } from '@oapi/test-support';
import { fakeOAuth, type FakeOAuth } from './wootric-oauth.js';

export const accountToken = 'NPS-9z8y7x6w';

/** The requests the CXI host of this fake answers as CXI would; tokens come from `tokenHost`. */
export const routes = [
  'GET /v1/onboarding',
  'PUT /v1/onboarding',
  'GET /v1/responses',
  'GET /v1/tags',
  'GET /v1/imports',
  'POST /v1/imports',
  'PUT /v1/segments/update_bulk',
] as const;
const onboardingRequired = { message: 'Please complete the onboarding flow first.' };

export interface CxiRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly contentType: string | undefined;
  readonly body: RailsParams | undefined;
  readonly raw: string;
}

export interface FakeCxi {
  readonly api: LoopbackServer;
  readonly tokenHost: LoopbackServer;
  readonly oauth: FakeOAuth;
  /** Requests to the CXI host. */
  readonly requests: CxiRequest[];
  /** Requests of any kind to the token host. */
  readonly tokenHostRequests: string[];
  onboarded: boolean;
  close(): Promise<void>;
}

export interface FakeCxiData {
  readonly responses?: number;
  readonly tags?: number;
}

/** A form body (URL-encoded or multipart) as Rails reads it, with the multipart body's file parts by name. */
async function formOf(raw: string, contentType: string | undefined) {
  const files = new Map<string, string>();
  if (contentType === 'application/x-www-form-urlencoded') return { body: parseRailsForm(raw), files };
  if (!contentType?.startsWith('multipart/form-data')) return { body: undefined, files };
  const fields = new URLSearchParams();
  for (const [name, value] of await new Response(raw, { headers: { 'content-type': contentType } }).formData()) {
    if (typeof value === 'string') fields.append(name, value);
    else files.set(name, await value.text());
  }
  return { body: parseRailsForm(fields), files };
}

const isHash = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `responses[][id]` or `users[][user_id]`, each with `[custom_properties][][key|value]`, as CXI's
 * bulk update reads them (reference §14.2).
 */
function bulkProblem(body: RailsParams | undefined): string | undefined {
  const [list, idField] = body?.users !== undefined ? [body.users, 'user_id'] : [body?.responses, 'id'];
  if (!Array.isArray(list) || list.length === 0)
    return 'responses (or users) must be an array of hashes (responses[][id]=…)';
  for (const record of list) {
    if (!isHash(record) || typeof record[idField] !== 'string' || record[idField] === '')
      return `each record needs its ${idField}`;
    const properties = record.custom_properties;
    if (
      !Array.isArray(properties) ||
      !properties.every((p) => isHash(p) && typeof p.key === 'string' && typeof p.value === 'string')
    )
      return 'custom_properties must be an array of {key, value} hashes';
  }
  return undefined;
}

function page<T>(all: readonly T[], query: URLSearchParams, res: ServerResponse): T[] | undefined {
  const number = Number(query.get('page') ?? 1);
  const perPage = Number(query.get('per_page') ?? 25);
  if (!(number >= 1 && number <= 30 && perPage >= 1 && perPage <= 50)) {
    sendJson(res, 400, {
      type: 'error_list',
      errors: [{ status: 'invalid_parameter', message: 'page must be 1-30 and per_page 1-50', field: 'page' }],
    });
    return undefined;
  }
  return all.slice((number - 1) * perPage, number * perPage);
}

const cxiResponse = (id: number) => ({
  id,
  project_ids: [5],
  feedback: `Feedback ${id}`,
  translated_feedback: null,
  user_id: `u${id}@example.com`,
  feedback_date: 1_504_948_149 + id,
  score: id % 11,
  metric_type: 'nps',
  custom_properties: [],
  tags: [],
  sentiment: null,
  wootric_response_id: null,
  wootric_account_id: 38,
});
const tag = (id: number) => ({
  id,
  name: `TAG ${id}`,
  display_name: `TAG ${id}`,
  description: null,
  mode: 'manual',
  enabled: true,
  scope_by_parent: null,
  text_match_terms: [],
  filter_rules: {},
});

export async function startFakeCxi(data: FakeCxiData = {}): Promise<FakeCxi> {
  const oauth = fakeOAuth({ accountTokens: [accountToken] });
  const tokenHostRequests: string[] = [];
  const tokenHost = await listen(async (req, res) => {
    tokenHostRequests.push(`${req.method} ${req.url}`);
    if (!(await oauth.handle(req, res, new URL(req.url ?? '/', 'http://fake'))))
      sendJson(res, 404, { error: 'Not found', status: 404 });
  });
  const responses = Array.from({ length: data.responses ?? 0 }, (_, i) => cxiResponse(i + 1));
  const tags = Array.from({ length: data.tags ?? 0 }, (_, i) => tag(i + 1));
  const requests: CxiRequest[] = [];

  const state = { onboarded: false };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = await readBody(req);
    const contentType = req.headers['content-type'];
    const { body, files } = await formOf(raw, contentType);
    requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, contentType, body, raw });
    if (!oauth.authorized(req))
      return sendJson(res, 401, {
        type: 'error_list',
        errors: [{ status: 'unauthorized', message: 'Invalid or expired access token', field: null }],
      });

    const route = `${req.method} ${url.pathname.replace(/\/\d+$/, '/{id}')}`;
    if (route === 'GET /v1/onboarding') return sendJson(res, 200, { onboarded: state.onboarded, mode: 'full' });
    if (route === 'PUT /v1/onboarding') {
      if (body?.onboarded === 'true') state.onboarded = true;
      return sendJson(res, 200, { onboarded: state.onboarded, mode: 'full' });
    }
    if (!state.onboarded) return sendJson(res, 424, onboardingRequired);

    switch (route) {
      case 'GET /v1/responses': {
        const items = page(responses, url.searchParams, res);
        return items && sendJson(res, 200, { total_count: responses.length, items });
      }
      case 'GET /v1/tags': {
        const items = page(tags, url.searchParams, res);
        return items && sendJson(res, 200, items);
      }
      case 'GET /v1/imports': {
        const items = page([], url.searchParams, res);
        return items && sendJson(res, 200, items);
      }
      case 'POST /v1/imports':
        if (!files.get('file')?.includes('feedback'))
          return sendJson(res, 400, {
            type: 'error_list',
            errors: [
              {
                status: 'invalid_parameter',
                message: 'file must be a CSV upload with a feedback column',
                field: 'file',
              },
            ],
          });
        return sendJson(res, 200, {
          id: 12,
          name: 'import.csv',
          source: null,
          metric_type: null,
          language: 'en',
          secondary_product_category_id: null,
          response_count: 1,
          created_at: 1_610_000_000,
          sample_analyzed: false,
          responses: [],
        });
      case 'PUT /v1/segments/update_bulk': {
        const problem = bulkProblem(body);
        if (problem)
          return sendJson(res, 400, {
            type: 'error_list',
            errors: [{ status: 'invalid_parameter', message: problem, field: 'responses' }],
          });
        res.writeHead(200);
        return res.end();
      }
      default:
        return sendJson(res, 404, {
          type: 'error_list',
          errors: [{ status: 'not_found', message: `No route for ${route}`, field: null }],
        });
    }
  };
  const api = await listen(handle);

  return Object.assign(state, {
    api,
    tokenHost,
    oauth,
    requests,
    tokenHostRequests,
    close: async () => {
      await api.close();
      await tokenHost.close();
    },
  });
}
