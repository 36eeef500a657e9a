// One small token endpoint per provider that enforces what the provider's reference documents
// (/work/shared/reference/*.md), written here by hand rather than read from the specs, so that the
// specs' `x-token-request` and packages/auth are both checked against the reference. A request in
// the wrong shape is refused with `invalid_request` and a description of what was wrong.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, readBody, sendJson, type LoopbackServer } from '@oapi/test-support';

export interface TokenRule {
  readonly contentType: 'application/x-www-form-urlencoded' | 'application/json';
  /** `either`: Rails merges query and body parameters. */
  readonly grantTypeIn: 'query' | 'body' | 'either';
  /** Body fields the grant needs, besides grant_type. */
  readonly required: readonly string[];
  /** Fields that must not be sent at all. */
  readonly forbidden: readonly string[];
  /** The only query parameters allowed (besides grant_type when it goes there). */
  readonly query: readonly string[];
  readonly reply: { readonly expires_in: number; readonly refresh_token: boolean; readonly token_type: string };
}

export type ProviderRules = Readonly<Record<string, TokenRule>>;

const form = 'application/x-www-form-urlencoded' as const;
const wootricReply = { expires_in: 7200, refresh_token: true, token_type: 'bearer' };

/** Wootric §2 (shared by the CXI API): form fields, client credentials only for client_credentials, `account_token` in the query. */
export const wootricRules: ProviderRules = {
  password: {
    contentType: form,
    grantTypeIn: 'body',
    required: ['username', 'password'],
    forbidden: ['client_id', 'client_secret', 'account_token'],
    query: ['account_token'],
    reply: wootricReply,
  },
  refresh_token: {
    contentType: form,
    grantTypeIn: 'body',
    required: ['refresh_token'],
    forbidden: ['client_id', 'client_secret'],
    query: [],
    reply: wootricReply,
  },
  client_credentials: {
    contentType: form,
    grantTypeIn: 'body',
    required: ['client_id', 'client_secret'],
    forbidden: [],
    query: [],
    reply: { ...wootricReply, refresh_token: false },
  },
};

/**
 * CloudCX 9.3.3: form with client_id, username (or, in an older revision, email) and password, and
 * client_secret when the OAuth client has one (§9: setup only hands out the Client ID); refresh
 * inferred as RFC 6749 §6.
 */
export const cloudcxRules: ProviderRules = {
  password: {
    contentType: form,
    grantTypeIn: 'body',
    required: ['client_id', 'username', 'password'],
    forbidden: [],
    query: [],
    reply: { expires_in: 3599, refresh_token: true, token_type: 'Bearer' },
  },
  refresh_token: {
    contentType: form,
    grantTypeIn: 'body',
    required: ['client_id', 'refresh_token'],
    forbidden: [],
    query: [],
    reply: { expires_in: 3599, refresh_token: true, token_type: 'Bearer' },
  },
};

const klikaReply = { expires_in: 60, refresh_token: true, token_type: 'Bearer' };
/**
 * Klika's Doorkeeper: a JSON body with the client credentials; `grant_type` documented in the query,
 * accepted in either (Rails); no `code_verifier`, which the template (no PKCE columns) refuses (§8).
 */
export const klikaRules: ProviderRules = {
  password: {
    contentType: 'application/json',
    grantTypeIn: 'either',
    required: ['username', 'password', 'client_id', 'client_secret'],
    forbidden: [],
    query: [],
    reply: klikaReply,
  },
  refresh_token: {
    contentType: 'application/json',
    grantTypeIn: 'either',
    required: ['refresh_token', 'client_id', 'client_secret'],
    forbidden: [],
    query: [],
    reply: klikaReply,
  },
  authorization_code: {
    contentType: 'application/json',
    grantTypeIn: 'either',
    required: ['code', 'redirect_uri', 'client_id', 'client_secret'],
    forbidden: ['code_verifier'],
    query: [],
    reply: klikaReply,
  },
};

export interface RecordedTokenRequest {
  readonly url: URL;
  readonly contentType: string | undefined;
  readonly authorization: string | undefined;
  readonly fields: Record<string, string>;
}

export interface ProviderFake extends LoopbackServer {
  readonly tokenRequests: RecordedTokenRequest[];
  /** What the fake refused, and why. */
  readonly refusals: string[];
  readonly validTokens: Set<string>;
}

function problems(rule: TokenRule, request: RecordedTokenRequest): string[] {
  const out: string[] = [];
  if (!request.contentType?.startsWith(rule.contentType))
    out.push(`content-type ${request.contentType} instead of ${rule.contentType}`);
  const allowedQuery = rule.grantTypeIn === 'body' ? rule.query : [...rule.query, 'grant_type'];
  for (const name of request.url.searchParams.keys())
    if (!allowedQuery.includes(name)) out.push(`"${name}" in the query`);
  if (rule.grantTypeIn === 'body' && request.fields.grant_type === undefined) out.push('no grant_type in the body');
  for (const name of rule.required) if (!request.fields[name]) out.push(`no "${name}" in the body`);
  for (const name of rule.forbidden) if (name in request.fields) out.push(`"${name}" in the body`);
  if (request.authorization) out.push('an Authorization header');
  return out;
}

async function recordToken(req: IncomingMessage): Promise<RecordedTokenRequest> {
  const text = await readBody(req);
  const contentType = req.headers['content-type'];
  const fields = contentType?.startsWith('application/json')
    ? (JSON.parse(text || '{}') as Record<string, string>)
    : Object.fromEntries(new URLSearchParams(text));
  return { url: new URL(req.url ?? '/', 'http://fake'), contentType, authorization: req.headers.authorization, fields };
}

export async function startProviderFake(rules: ProviderRules, tokenPath = '/oauth/token'): Promise<ProviderFake> {
  const tokenRequests: RecordedTokenRequest[] = [];
  const refusals: string[] = [];
  const validTokens = new Set<string>();
  const server = await listen(async (req, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (req.method === 'POST' && url.pathname === tokenPath) {
      const request = await recordToken(req);
      tokenRequests.push(request);
      const grantType = request.fields.grant_type ?? url.searchParams.get('grant_type') ?? '';
      const rule = rules[grantType];
      const wrong = rule ? problems(rule, request) : [`unsupported grant_type "${grantType}"`];
      if (wrong.length > 0 || !rule) {
        refusals.push(...wrong);
        return sendJson(res, 400, { error: 'invalid_request', error_description: wrong.join('; ') });
      }
      const accessToken = randomBytes(24).toString('hex');
      validTokens.add(accessToken);
      const { refresh_token, ...reply } = rule.reply;
      return sendJson(res, 200, {
        access_token: accessToken,
        ...reply,
        ...(refresh_token ? { refresh_token: randomBytes(24).toString('hex') } : {}),
      });
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !validTokens.has(token)) return sendJson(res, 401, { error: 'invalid_token' });
    sendJson(res, 200, { ok: true });
  });
  return Object.assign(server, { tokenRequests, refusals, validTokens });
}
