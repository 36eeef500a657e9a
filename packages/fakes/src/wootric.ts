// A stateful Wootric for what Prism cannot do: a list of thousands of responses that honours
// `created[...]`, `sort_order` and the 30-page × 50 ceiling; a per-minute rate limit with
// `X-Rate-Limit-Reset`; injected 5xx; 423 on historical edits; form bodies read as Rails reads them
// and checked as the reference describes each write (wootric-rules.ts).
import type { ServerResponse } from 'node:http';
import { parseRailsForm, type RailsParams } from '@oapi/runtime';
import { listen, readBody, sendJson, type LoopbackServer } from '@oapi/test-support';
import { fakeOAuth, type FakeOAuth } from './wootric-oauth.js';
import { wootricBodyRules } from './wootric-rules.js';

export const accountToken = 'NPS-1a2b3c4d';

/** The requests this fake answers as Wootric would (any other gets a 404). */
export const routes = [
  'POST /oauth/token',
  'GET /v1/responses',
  'PUT /v1/responses/{id}',
  'GET /v1/segments',
  'POST /v1/end_users',
  'PUT /v1/end_users/{id}',
  'POST /v1/end_users/{id}/responses',
  'POST /v1/end_users/{id}/declines',
  'PUT /v1/declines/{id}',
  'POST /v1/email_survey',
] as const;

export interface FakeResponse {
  readonly id: number;
  /** UNIX seconds. */
  readonly created: number;
}

export interface ApiRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly contentType: string | undefined;
  /** The form body as a Rails app reads it. */
  readonly body: RailsParams | undefined;
}

export interface FakeWootric extends LoopbackServer {
  readonly oauth: FakeOAuth;
  readonly requests: ApiRequest[];
  /** The next `count` API requests answer `status`. */
  failNext(status: number, count: number): void;
  /** At most `limit` requests per minute (by Date.now) to `path`. */
  limitRate(path: string, limit: number): void;
  /** Drops every rate limit and pending failure. */
  reset(): void;
}

const errorList = (status: string, message: string, field: string | null = null) => ({
  type: 'error_list',
  errors: [{ status, message, field }],
});

/** `2018-01-02 23:03:41 -0800`, Wootric's read format, in the account's zone (-08:00). */
function wootricTime(seconds: number): string {
  const local = new Date((seconds - 8 * 3600) * 1000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)} -0800`;
}

function surveyResponse(record: FakeResponse) {
  return {
    id: record.id,
    end_user_id: 1000 + (record.id % 97),
    survey_id: record.id,
    score: record.id % 11,
    text: null,
    completed: true,
    excluded_from_calculations: false,
    ip_address: '192.0.2.1',
    origin_url: 'https://example.com',
    created_at: wootricTime(record.created),
    updated_at: wootricTime(record.created),
    tags: [],
    notes: [],
    end_user: { properties: {} },
  };
}

function endUser(id: number, body: RailsParams) {
  const now = wootricTime(Math.floor(Date.now() / 1000));
  return {
    id,
    email: typeof body.email === 'string' ? body.email : null,
    external_id: typeof body.external_id === 'string' ? body.external_id : null,
    last_surveyed: null,
    external_created_at: null,
    created_at: now,
    updated_at: now,
    page_views_count: 0,
    properties: typeof body.properties === 'object' ? body.properties : {},
  };
}

function listResponses(records: readonly FakeResponse[], query: URLSearchParams, res: ServerResponse) {
  const page = Number(query.get('page') ?? 1);
  const perPage = Number(query.get('per_page') ?? 25);
  if (!Number.isInteger(page) || page < 1 || page > 30)
    return sendJson(res, 400, errorList('invalid_parameter', 'page must be between 1 and 30', 'page'));
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 50)
    return sendJson(res, 400, errorList('invalid_parameter', 'per_page must be between 1 and 50', 'per_page'));
  const bound = (op: string) => (query.has(`created[${op}]`) ? Number(query.get(`created[${op}]`)) : undefined);
  const [eq, lt, lte, gt, gte] = ['eq', 'lt', 'lte', 'gt', 'gte'].map(bound);
  const kept = records.filter(
    (r) =>
      (eq === undefined || r.created === eq) &&
      (lt === undefined || r.created < lt) &&
      (lte === undefined || r.created <= lte) &&
      (gt === undefined || r.created > gt) &&
      (gte === undefined || r.created >= gte),
  );
  // Equal times keep one fixed order, unrelated to the ids (as a database index might).
  const sorted = [...kept].sort((a, b) => a.created - b.created || ((a.id * 7919) % 4099) - ((b.id * 7919) % 4099));
  if ((query.get('sort_order') ?? 'desc') === 'desc') sorted.reverse();
  sendJson(res, 200, sorted.slice((page - 1) * perPage, page * perPage).map(surveyResponse));
}

export async function startFakeWootric(
  options: {
    responses?: readonly FakeResponse[];
    lifetimeSeconds?: number;
    /** The account has historical editing turned on by support (else edits of `end_user` answer 423). */
    historicalEditing?: boolean;
  } = {},
): Promise<FakeWootric> {
  const oauth = fakeOAuth({
    accountTokens: [accountToken],
    ...(options.lifetimeSeconds ? { lifetimeSeconds: options.lifetimeSeconds } : {}),
  });
  const requests: ApiRequest[] = [];
  const failures: number[] = [];
  const limits = new Map<string, { limit: number; minute: number; count: number }>();

  const server = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (await oauth.handle(req, res, url)) return;
    const text = await readBody(req);
    const contentType = req.headers['content-type'];
    const body = text && contentType === 'application/x-www-form-urlencoded' ? parseRailsForm(text) : undefined;
    requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, contentType, body });
    if (!oauth.authorized(req)) return sendJson(res, 401, errorList('unauthorized', 'Invalid or expired access token'));

    const status = failures.shift();
    if (status !== undefined)
      return sendJson(res, status, errorList('internal_server_error', 'Something went wrong, please retry later'));

    const limit = limits.get(url.pathname);
    if (limit) {
      const minute = Math.floor(Date.now() / 60_000);
      if (minute !== limit.minute) Object.assign(limit, { minute, count: 0 });
      limit.count += 1;
      const headers = {
        'x-rate-limit-limit': String(limit.limit),
        'x-rate-limit-remaining': String(Math.max(0, limit.limit - limit.count)),
        'x-rate-limit-reset': String((minute + 1) * 60),
      };
      if (limit.count > limit.limit)
        return sendJson(res, 429, errorList('too_many_requests', 'Rate limit exceeded'), headers);
      res.setHeader('x-rate-limit-reset', headers['x-rate-limit-reset']);
    }

    const route = `${req.method} ${url.pathname.replace(/\/\d+(?=\/|$)/g, '/{id}')}`;
    const problem = wootricBodyRules[route]?.(body);
    if (problem) return sendJson(res, 400, errorList('invalid_parameter', problem.message, problem.field));
    switch (route) {
      case 'GET /v1/responses':
        return listResponses(options.responses ?? [], url.searchParams, res);
      case 'GET /v1/end_users/{id}':
        return sendJson(res, 404, errorList('record_not_found', 'The record could not be found'));
      // Both edit the historical properties stored on the record: a feature support turns on.
      case 'PUT /v1/responses/{id}':
      case 'PUT /v1/declines/{id}':
        if (body?.end_user !== undefined && !options.historicalEditing)
          return sendJson(
            res,
            423,
            errorList('locked', 'Historical data editing is not enabled for this account', 'end_user'),
          );
        res.writeHead(204);
        return res.end();
      case 'GET /v1/segments':
        return sendJson(res, 200, [{ name: 'plan', data_type: 'string', created_at: wootricTime(1_514_764_800) }]);
      case 'POST /v1/email_survey':
      case 'POST /v1/end_users/{id}/responses':
      case 'POST /v1/end_users/{id}/declines':
        return sendJson(res, 200, {});
      case 'POST /v1/end_users':
      case 'PUT /v1/end_users/{id}':
        return sendJson(res, 200, endUser(Number(/\d+/.exec(url.pathname)?.[0] ?? 1), body ?? {}));
      default:
        return sendJson(res, 404, errorList('not_found', `No route for ${route}`));
    }
  });

  return Object.assign(server, {
    oauth,
    requests,
    failNext: (status: number, count: number) => failures.push(...Array.from({ length: count }, () => status)),
    limitRate: (path: string, limit: number) => void limits.set(path, { limit, minute: -1, count: 0 }),
    reset: () => {
      limits.clear();
      failures.length = 0;
      requests.length = 0;
    },
  });
}
