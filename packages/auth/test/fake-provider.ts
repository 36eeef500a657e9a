// A small provider on loopback: a token endpoint that issues, refreshes (with rotation) and
// records tokens, and an API (`/echo`) that accepts only tokens it issued and echoes the request.
// Tests replace `tokenHandler` or `apiHandler` to inject faults.
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { listen, readBody, sendJson, type LoopbackServer } from '@oapi/test-support';

export interface RecordedRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** The body's fields, JSON or form. */
  readonly fields: Record<string, string>;
}

export type Handler = (request: RecordedRequest, res: ServerResponse) => unknown;

export interface FakeProvider extends LoopbackServer {
  readonly tokenRequests: RecordedRequest[];
  readonly apiRequests: RecordedRequest[];
  /** Access tokens the API accepts. */
  readonly validTokens: Set<string>;
  tokenHandler: Handler;
  apiHandler: Handler;
  /** The default behaviours, to call from a replaced handler. */
  readonly issueTokens: Handler;
  readonly echo: Handler;
}

export const hex = (bytes = 16) => randomBytes(bytes).toString('hex');

function fieldsOf(contentType: string | undefined, body: string): Record<string, string> {
  if (contentType?.startsWith('application/json')) {
    try {
      return JSON.parse(body) as Record<string, string>;
    } catch {
      return {};
    }
  }
  if (contentType?.startsWith('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(body));
  return {};
}

async function record(req: IncomingMessage): Promise<RecordedRequest> {
  const body = await readBody(req);
  return {
    method: req.method ?? 'GET',
    url: new URL(req.url ?? '/', 'http://fake'),
    headers: req.headers,
    body,
    fields: fieldsOf(req.headers['content-type'], body),
  };
}

export async function startFakeProvider(options: { lifetimeSeconds?: number } = {}): Promise<FakeProvider> {
  const validTokens = new Set<string>();
  const refreshTokens = new Set<string>();
  const lifetime = options.lifetimeSeconds ?? 3600;

  const issueTokens: Handler = (request, res) => {
    const grantType = request.fields.grant_type ?? request.url.searchParams.get('grant_type');
    if (grantType === 'refresh_token') {
      if (!refreshTokens.delete(request.fields.refresh_token ?? '')) {
        return sendJson(res, 400, { error: 'invalid_grant', error_description: 'The refresh token is invalid.' });
      }
    }
    const accessToken = `at-${hex()}`;
    const refreshToken = `rt-${hex()}`;
    validTokens.add(accessToken);
    refreshTokens.add(refreshToken);
    sendJson(
      res,
      200,
      { access_token: accessToken, token_type: 'Bearer', expires_in: lifetime, refresh_token: refreshToken },
      { 'cache-control': 'no-store' },
    );
  };

  const echo: Handler = (request, res) => {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!token || !validTokens.has(token)) {
      res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"' });
      return res.end();
    }
    sendJson(res, 200, {
      method: request.method,
      contentType: request.headers['content-type'] ?? null,
      body: request.body,
    });
  };

  const provider = {
    tokenRequests: [] as RecordedRequest[],
    apiRequests: [] as RecordedRequest[],
    validTokens,
    tokenHandler: issueTokens,
    apiHandler: echo,
    issueTokens,
    echo,
  };
  const server = await listen(async (req, res) => {
    const request = await record(req);
    if (request.url.pathname === '/oauth/token') {
      provider.tokenRequests.push(request);
      return provider.tokenHandler(request, res);
    }
    provider.apiRequests.push(request);
    return provider.apiHandler(request, res);
  });
  return Object.assign(provider, server);
}
