// A stateful stand-in for a CloudCX tenant, for what Prism cannot do: a token endpoint that checks
// the form body as the reference (cloudcx.md §2, §9) describes it (client secret only for a client
// that has one, the user by username or e-mail) and issues tokens that expire (by Date.now, so tests
// move time with vi.setSystemTime), API keys, a user list large enough to page through with Spring
// Data paging (one-based pageIndex in, zero-based number out), and errors under HTTP 200. A second
// fake can play the API host while this one plays the platform domain that issues the tokens.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { listen, readBody, sendJson, type LoopbackServer } from '@oapi/test-support';

/** The requests this fake answers as a CloudCX tenant would. */
export const routes = ['POST /oauth/token', 'GET /openapi/v2/user/page'] as const;

/** A user as `GET /openapi/v2/user/page` lists it (the spec's `User`). */
export interface User {
  readonly id: string;
  readonly loginCode: string;
  readonly roles: readonly string[];
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string | null;
  readonly phoneNumber: string | null;
  readonly uniqueCode: string | null;
}

export const oauthClient = { id: '260390634491792831814845', secret: '6d624c35-978b-4c1f-9d2e-59d727f2ea19' };
/** An OAuth client as setup hands it out: a Client ID and no secret. */
export const clientWithoutSecret = { id: '260390634491792831899999' };
export const account = {
  username: 'freesiaTest',
  email: 'frees1aa@example.com',
  password: 'correct-horse-battery-staple',
};
const secretOf = new Map<string, string | undefined>([
  [oauthClient.id, oauthClient.secret],
  [clientWithoutSecret.id, undefined],
]);
export const validApiKey = 'cxak_5d1e0f7c9b2a48e6a3c1d7f0e9b8a6c4';
/** pageSize above this is refused with an error envelope under HTTP 200, as CloudCX might. */
export const maxPageSize = 1000;

/** Users 0, 100, 200, … are named "freesia", for `keywords` filtering. */
export function makeUsers(count: number): User[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
    loginCode: `agent${String(i).padStart(5, '0')}`,
    roles: i % 50 === 0 ? ['Admin', 'Agents'] : ['Agents'],
    firstName: i % 100 === 0 ? 'freesia' : 'Amina',
    lastName: `Hodzic${i}`,
    email: `agent${i}@example.com`,
    phoneNumber: null,
    uniqueCode: null,
  }));
}

export interface TokenRequestRecord {
  readonly contentType: string | undefined;
  readonly authorization: string | undefined;
  readonly query: string;
  readonly body: Record<string, string>;
}

export interface CannedReply {
  readonly status: number;
  readonly body?: unknown;
  readonly text?: string;
  readonly headers?: Record<string, string>;
}

export interface FakeCloudcx extends LoopbackServer {
  readonly tokenRequests: TokenRequestRecord[];
  /** Access tokens it issued, with their expiry (epoch ms). */
  readonly accessTokens: ReadonlyMap<string, number>;
  /** The query of every `/openapi/v2/user/page` request, with the Authorization it carried. */
  readonly pageRequests: Array<{ query: URLSearchParams; authorization: string | undefined }>;
  /** Answers the next user-page request with this, whatever it asks (then back to normal). */
  replyNext(reply: CannedReply): void;
  /** Revokes every access token, as a server restart would. */
  revokeAccessTokens(): void;
}

export interface FakeCloudcxOptions {
  readonly users?: readonly User[];
  readonly lifetimeSeconds?: number;
  /** The documented reply has no refresh_token; the refresh grant is inferred. Default false. */
  readonly issueRefreshTokens?: boolean;
  /** Answer page 1 whatever pageIndex says (a server that ignores the parameter). */
  readonly ignorePageIndex?: boolean;
  /** Also accept the access tokens this other fake (the platform domain) issued. */
  readonly tokensFrom?: FakeCloudcx;
}

const hex = () => randomBytes(24).toString('hex');
const envelope = (code: string, message: string | null, data: unknown = null) => ({ code, message, data });

function positiveInteger(raw: string | null, fallback: number): number | undefined {
  if (raw === null) return fallback;
  return /^[1-9][0-9]*$/.test(raw) ? Number(raw) : undefined;
}

async function formBody(req: IncomingMessage): Promise<Record<string, string>> {
  return Object.fromEntries(new URLSearchParams(await readBody(req)));
}

export async function startFakeCloudcx(options: FakeCloudcxOptions = {}): Promise<FakeCloudcx> {
  const users = options.users ?? makeUsers(3);
  const lifetime = options.lifetimeSeconds ?? 3599;
  const accessTokens = new Map<string, number>();
  const refreshTokens = new Set<string>();
  const tokenRequests: TokenRequestRecord[] = [];
  const pageRequests: FakeCloudcx['pageRequests'] = [];
  let canned: CannedReply | undefined;

  const issue = () => {
    const accessToken = `eyJraWQiOiJmYWtlIn0.${hex()}`;
    accessTokens.set(accessToken, Date.now() + lifetime * 1000);
    const reply: Record<string, unknown> = { access_token: accessToken, token_type: 'Bearer', expires_in: lifetime };
    if (options.issueRefreshTokens) {
      const refreshToken = hex();
      refreshTokens.add(refreshToken);
      reply.refresh_token = refreshToken;
    }
    return reply;
  };

  const server = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (req.method === 'POST' && url.pathname === '/oauth/token') {
      const contentType = req.headers['content-type'];
      const body = await formBody(req);
      tokenRequests.push({ contentType, authorization: req.headers.authorization, query: url.search, body });
      if (!contentType?.startsWith('application/x-www-form-urlencoded')) {
        return sendJson(res, 400, { error: 'invalid_request', error_description: 'Form body expected' });
      }
      const clientId = body.client_id ?? '';
      if (!secretOf.has(clientId) || body.client_secret !== secretOf.get(clientId)) {
        return sendJson(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed' });
      }
      if (body.grant_type === 'password') {
        // "'Account' can fill in username or email"; an older revision names the field `email`.
        const user = body.username ?? body.email;
        if ((user !== account.username && user !== account.email) || body.password !== account.password) {
          return sendJson(res, 400, { error: 'invalid_grant', error_description: 'Bad credentials' });
        }
        return sendJson(res, 200, issue(), { 'cache-control': 'no-store' });
      }
      if (body.grant_type === 'refresh_token' && options.issueRefreshTokens) {
        if (!refreshTokens.delete(body.refresh_token ?? ''))
          return sendJson(res, 400, { error: 'invalid_grant', error_description: 'Invalid refresh token' });
        return sendJson(res, 200, issue(), { 'cache-control': 'no-store' });
      }
      return sendJson(res, 400, { error: 'unsupported_grant_type' });
    }

    if (req.method === 'GET' && url.pathname === '/openapi/v2/user/page') {
      pageRequests.push({ query: url.searchParams, authorization: req.headers.authorization });
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const expiresAt = bearer ? (accessTokens.get(bearer) ?? options.tokensFrom?.accessTokens.get(bearer)) : undefined;
      const authorized = bearer === validApiKey || (expiresAt !== undefined && expiresAt > Date.now());
      if (!authorized) {
        res.writeHead(401, {
          'www-authenticate': 'Bearer error="invalid_token", error_description="Jwt expired or invalid"',
        });
        return res.end();
      }
      if (canned) {
        const reply = canned;
        canned = undefined;
        if (reply.text !== undefined) {
          res.writeHead(reply.status, { 'content-type': 'text/html; charset=utf-8', ...reply.headers });
          return res.end(reply.text);
        }
        return sendJson(res, reply.status, reply.body, reply.headers);
      }
      const pageIndex = positiveInteger(url.searchParams.get('pageIndex'), 1);
      const pageSize = positiveInteger(url.searchParams.get('pageSize'), 25);
      if (pageIndex === undefined || pageSize === undefined) {
        return sendJson(res, 400, envelope('400', 'Failed to convert value of type String to required type int'));
      }
      if (pageSize > maxPageSize)
        return sendJson(res, 200, envelope('1001', `Invalid parameter pageSize: at most ${maxPageSize}`));
      const keywords = url.searchParams.get('keywords')?.toLowerCase() ?? '';
      const matching = users.filter((u) =>
        [u.loginCode, u.firstName, u.lastName, u.email ?? ''].some((f) => f.toLowerCase().includes(keywords)),
      );
      const number = options.ignorePageIndex ? 0 : pageIndex - 1;
      const content = matching.slice(number * pageSize, (number + 1) * pageSize);
      const page = {
        totalPages: Math.ceil(matching.length / pageSize),
        totalElements: matching.length,
        size: pageSize,
        number,
        numberOfElements: content.length,
        content,
      };
      return sendJson(res, 200, envelope('0000', null, page));
    }
    sendJson(res, 404, envelope('404', 'Not Found'));
  });

  return Object.assign(server, {
    tokenRequests,
    accessTokens,
    pageRequests,
    replyNext: (reply: CannedReply) => {
      canned = reply;
    },
    revokeAccessTokens: () => accessTokens.clear(),
  });
}
