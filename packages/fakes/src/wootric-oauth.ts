// Wootric's token endpoint as the spec describes it, for the stateful fakes of both Wootric
// clients: form fields, the password grant without client credentials and with `account_token`
// in the query, rotating refresh tokens, client_credentials without a refresh token, and tokens
// that expire by Date.now (tests move time with vi.setSystemTime).
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from '@oapi/test-support';

export const owner = { username: 'owner@example.com', password: 'correct-horse-battery-9' };
export const apiClient = { id: `cid-${'a'.repeat(60)}`, secret: `csecret-${'b'.repeat(56)}` };

export interface TokenRequestRecord {
  readonly query: URLSearchParams;
  readonly contentType: string | undefined;
  readonly authorization: string | undefined;
  readonly body: Record<string, string>;
}

export interface FakeOAuth {
  readonly tokenRequests: TokenRequestRecord[];
  /** Answers `POST /oauth/token`; false for any other request. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  /** Is the request's bearer token one this endpoint issued and still valid? */
  authorized(req: IncomingMessage): boolean;
  revokeAccessTokens(): void;
}

const hex = () => randomBytes(24).toString('hex');

export function fakeOAuth(options: { lifetimeSeconds?: number; accountTokens: readonly string[] }): FakeOAuth {
  const lifetime = options.lifetimeSeconds ?? 7200;
  const accessTokens = new Map<string, number>();
  const refreshTokens = new Set<string>();
  const tokenRequests: TokenRequestRecord[] = [];

  const issue = (withRefresh: boolean) => {
    const accessToken = hex();
    accessTokens.set(accessToken, Date.now() + lifetime * 1000);
    const refreshToken = withRefresh ? hex() : undefined;
    if (refreshToken) refreshTokens.add(refreshToken);
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: lifetime,
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
      scope: 'public',
      created_at: Math.floor(Date.now() / 1000),
    };
  };

  return {
    tokenRequests,
    async handle(req, res, url) {
      if (req.method !== 'POST' || url.pathname !== '/oauth/token') return false;
      const body = Object.fromEntries(new URLSearchParams(await readBody(req)));
      tokenRequests.push({
        query: url.searchParams,
        contentType: req.headers['content-type'],
        authorization: req.headers.authorization,
        body,
      });
      if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
        sendJson(res, 400, { error: 'invalid_request', error_description: 'Form fields expected.' });
        return true;
      }
      const accountToken = url.searchParams.get('account_token');
      if (accountToken !== null && !options.accountTokens.includes(accountToken)) {
        sendJson(res, 404, { error: 'Not found', status: 404 });
        return true;
      }
      if (body.grant_type === 'password') {
        if (body.username !== owner.username || body.password !== owner.password) {
          sendJson(res, 401, {
            error: 'invalid_grant',
            error_description: 'The provided authorization grant is invalid.',
          });
        } else {
          sendJson(res, 200, issue(true), { 'cache-control': 'no-store' });
        }
      } else if (body.grant_type === 'refresh_token') {
        if (!refreshTokens.delete(body.refresh_token ?? ''))
          sendJson(res, 400, { error: 'invalid_grant', error_description: 'The refresh token is invalid.' });
        else sendJson(res, 200, issue(true), { 'cache-control': 'no-store' });
      } else if (body.grant_type === 'client_credentials') {
        if (body.client_id !== apiClient.id || body.client_secret !== apiClient.secret)
          sendJson(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed.' });
        else sendJson(res, 200, issue(false), { 'cache-control': 'no-store' });
      } else {
        sendJson(res, 400, { error: 'unsupported_grant_type' });
      }
      return true;
    },
    authorized(req) {
      const bearer = /^bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const expiresAt = bearer ? accessTokens.get(bearer) : undefined;
      return expiresAt !== undefined && expiresAt > Date.now();
    },
    revokeAccessTokens: () => accessTokens.clear(),
  };
}
