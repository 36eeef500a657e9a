// A stateful stand-in for a deployment of the template, for what Prism cannot do: tokens that
// expire (by Date.now, so tests move time with vi.setSystemTime), refresh-token rotation, and
// `/api/v1/users/{id}` answering with the token's owner.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { listen, readBody, sendJson, type LoopbackServer } from './loopback.js';

export const client = { id: 'klika-test-client-id', secret: 'klika-test-client-secret-0a1b2c' };
export const users = [
  { id: 7, email: 'amina.hodzic@example.com', password: 'correct-horse-battery', role: 'default' as const },
  { id: 8, email: 'admin@example.com', password: 'admin-password-123', role: 'admin' as const },
];

interface IssuedToken {
  readonly userId: number;
  readonly expiresAt: number;
}

export interface FakeDoorkeeper extends LoopbackServer {
  /** Every token request, as the server received it. */
  readonly tokenRequests: Array<{
    query: URLSearchParams;
    contentType: string | undefined;
    body: Record<string, string>;
  }>;
  /** Revokes every access token, as a server restart with a new signing key would. */
  revokeAccessTokens(): void;
}

const hex = () => randomBytes(32).toString('hex');

async function parseBody(req: IncomingMessage): Promise<Record<string, string>> {
  const text = await readBody(req);
  if ((req.headers['content-type'] ?? '').startsWith('application/json'))
    return JSON.parse(text || '{}') as Record<string, string>;
  return Object.fromEntries(new URLSearchParams(text));
}

export async function startFakeDoorkeeper(options: { lifetimeSeconds?: number } = {}): Promise<FakeDoorkeeper> {
  const lifetime = options.lifetimeSeconds ?? 60;
  const accessTokens = new Map<string, IssuedToken>();
  const refreshTokens = new Map<string, number>();
  const tokenRequests: FakeDoorkeeper['tokenRequests'] = [];
  // Authorization codes, as if the signed-in user had approved: code → what the token request must match.
  const codes = new Map<string, { userId: number; redirectUri: string; challenge: string | null }>();

  const issue = (userId: number) => {
    const accessToken = `eyJ.${hex()}`;
    const refreshToken = hex();
    accessTokens.set(accessToken, { userId, expiresAt: Date.now() + lifetime * 1000 });
    refreshTokens.set(refreshToken, userId);
    const createdAt = Math.floor(Date.now() / 1000);
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: lifetime,
      refresh_token: refreshToken,
      created_at: createdAt,
      user_id: userId,
    };
  };

  const server = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (req.method === 'GET' && url.pathname === '/oauth/authorize') {
      const q = url.searchParams;
      if (q.get('client_id') !== client.id || q.get('response_type') !== 'code' || !q.get('redirect_uri')) {
        res.writeHead(400, { 'content-type': 'text/html' });
        return res.end('<h1>An error has occurred</h1>');
      }
      const code = hex();
      codes.set(code, {
        userId: users[1]!.id,
        redirectUri: q.get('redirect_uri')!,
        challenge: q.get('code_challenge'),
      });
      const location = new URL(q.get('redirect_uri')!);
      location.searchParams.set('code', code);
      if (q.get('state') !== null) location.searchParams.set('state', q.get('state')!);
      res.writeHead(302, { location: location.href });
      return res.end();
    }
    if (req.method === 'POST' && url.pathname === '/oauth/token') {
      const body = await parseBody(req);
      tokenRequests.push({ query: url.searchParams, contentType: req.headers['content-type'], body });
      const grantType = body.grant_type ?? url.searchParams.get('grant_type');
      if (body.client_id !== client.id || body.client_secret !== client.secret) {
        return sendJson(res, 401, {
          error: 'invalid_client',
          error_description: 'Client authentication failed due to unknown client.',
        });
      }
      if (grantType === 'password') {
        const user = users.find((u) => u.email === body.username && u.password === body.password);
        if (!user)
          return sendJson(res, 400, {
            error: 'invalid_grant',
            error_description: 'The provided authorization grant is invalid.',
          });
        return sendJson(res, 200, issue(user.id), { 'cache-control': 'no-store' });
      }
      if (grantType === 'refresh_token') {
        const userId = refreshTokens.get(body.refresh_token ?? '');
        if (userId === undefined)
          return sendJson(res, 400, { error: 'invalid_grant', error_description: 'The refresh token is invalid.' });
        refreshTokens.delete(body.refresh_token!);
        return sendJson(res, 200, issue(userId), { 'cache-control': 'no-store' });
      }
      if (grantType === 'authorization_code') {
        const grant = codes.get(body.code ?? '');
        codes.delete(body.code ?? '');
        const verifier = body.code_verifier ?? '';
        const challengeOk =
          grant?.challenge === null || grant?.challenge === createHash('sha256').update(verifier).digest('base64url');
        if (!grant || grant.redirectUri !== body.redirect_uri || !challengeOk) {
          return sendJson(res, 400, {
            error: 'invalid_grant',
            error_description:
              'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
          });
        }
        return sendJson(res, 200, issue(grant.userId), { 'cache-control': 'no-store' });
      }
      return sendJson(res, 400, {
        error: 'unsupported_grant_type',
        error_description: 'The authorization grant type is not supported.',
      });
    }
    if (req.method === 'POST' && url.pathname === '/api/v1/users') {
      const body = JSON.parse((await readBody(req)) || '{}') as { user?: { email?: string; password?: string } };
      if (!body.user) return sendJson(res, 422, { errors: [{ user: ['parameter is required'] }] });
      if (users.some((u) => u.email === body.user!.email))
        return sendJson(res, 422, { email: ['has already been taken'] });
      const user = {
        id: users.length + 10,
        email: body.user.email ?? '',
        password: body.user.password ?? '',
        role: 'default' as const,
      };
      users.push(user);
      return sendJson(res, 200, publicUser(user));
    }
    const bearer = /^bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ? accessTokens.get(bearer) : undefined;
    if (!token || token.expiresAt <= Date.now()) {
      const reason = token ? 'The access token expired' : 'The access token is invalid';
      res.writeHead(401, {
        'www-authenticate': `Bearer realm="Doorkeeper", error="invalid_token", error_description="${reason}"`,
      });
      return res.end();
    }
    if (req.method === 'GET' && url.pathname === '/api/v1/countries') {
      return sendJson(res, 200, {
        countries: [
          { name: 'Afghanistan', code: 'AF' },
          { name: 'Bosnia and Herzegovina', code: 'BA' },
        ],
      });
    }
    if (req.method === 'GET' && /^\/api\/v1\/users\/\d+$/.test(url.pathname)) {
      return sendJson(res, 200, publicUser(users.find((u) => u.id === token.userId)!));
    }
    sendJson(res, 404, { error: 'not found' });
  });

  return Object.assign(server, {
    tokenRequests,
    revokeAccessTokens: () => accessTokens.clear(),
  });
}

function publicUser(user: (typeof users)[number]) {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    created_at: '2018-09-21T09:13:20.512Z',
    updated_at: '2018-09-21T09:13:20.512Z',
  };
}
