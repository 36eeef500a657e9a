// A stateful stand-in for a deployment of Klika's Rails API template, for what Prism cannot do,
// answering as the template's code does (reference klika-rails-api.md §5, §8): tokens that expire
// (by Date.now, so tests move time with vi.setSystemTime), deferred refresh-token rotation, no PKCE,
// the error statuses of the Doorkeeper version chosen, the access token read from the header or an
// `access_token`/`bearer_token` parameter, and `/api/v1/users/{id}` answering with the token's owner.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type AuthorizationGrant,
  type DoorkeeperVersion,
  type TokenEndpointState,
  tokenEndpoint,
} from './klika-token-endpoint.js';
import { doorkeeperTokens, hex, tokenReply } from './klika-tokens.js';
import { listen, type LoopbackServer, readBody, sendJson } from '@oapi/test-support';

export type { DoorkeeperVersion } from './klika-token-endpoint.js';

/** The requests this fake answers as a deployment of the template would. */
export const routes = [
  'POST /oauth/token',
  'GET /oauth/authorize',
  'GET /api/v1/countries',
  'POST /api/v1/users',
  'GET /api/v1/users/{id}',
] as const;

export const client = { id: 'klika-test-client-id', secret: 'klika-test-client-secret-0a1b2c' };
export const users = [
  { id: 7, email: 'emina.kovac@example.com', password: 'correct-horse-battery', role: 'default' as const },
  { id: 8, email: 'admin@example.com', password: 'admin-password-123', role: 'admin' as const },
];

/** The registered application, as a strategy's options take it. */
export const clientCredentials = { clientId: client.id, clientSecret: client.secret };
/** The first user's password grant, as `passwordGrant` takes it. */
export const passwordCredentials = { username: users[0]!.email, password: users[0]!.password, ...clientCredentials };

export interface FakeDoorkeeperOptions {
  readonly lifetimeSeconds?: number;
  /** Default 5.3.3, the template's HEAD; 4.4.3 is the build its published reference documents. */
  readonly doorkeeper?: DoorkeeperVersion;
  /** A deployment that added the PKCE columns (Doorkeeper 5.x): challenges are kept and checked. */
  readonly pkceColumns?: boolean;
}

export interface FakeDoorkeeper extends LoopbackServer {
  /** Every token request, as the server received it. */
  readonly tokenRequests: Array<{
    query: URLSearchParams;
    contentType: string | undefined;
    authorization: string | undefined;
    body: Record<string, string>;
  }>;
  /** Every authorize request's query. */
  readonly authorizeRequests: URLSearchParams[];
  /** How each API request carried its access token. */
  readonly apiRequests: Array<{ path: string; tokenFrom: 'header' | 'access_token' | 'bearer_token' | undefined }>;
  /** Ends every access token's life, as a server whose clock runs ahead would; refresh tokens still work. */
  expireAccessTokens(): void;
  /** Handles the next token request, then drops the connection before answering: a lost reply. */
  loseNextTokenReply(): void;
}

async function parseBody(req: IncomingMessage): Promise<Record<string, string>> {
  const text = await readBody(req);
  // `enforce_content_type` is off: JSON and form bodies both work.
  if ((req.headers['content-type'] ?? '').startsWith('application/json'))
    return JSON.parse(text || '{}') as Record<string, string>;
  return Object.fromEntries(new URLSearchParams(text));
}

/** `access_token_methods :from_bearer_authorization, :from_access_token_param, :from_bearer_param` (defaults). */
function accessTokenOf(
  req: IncomingMessage,
  url: URL,
): [string | undefined, FakeDoorkeeper['apiRequests'][0]['tokenFrom']] {
  const header = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (header) return [header, 'header'];
  for (const name of ['access_token', 'bearer_token'] as const) {
    const value = url.searchParams.get(name);
    if (value) return [value, name];
  }
  return [undefined, undefined];
}

function unauthorized(res: ServerResponse, reason: string): void {
  res.writeHead(401, {
    'www-authenticate': `Bearer realm="Doorkeeper", error="invalid_token", error_description="${reason}"`,
  });
  res.end();
}

export async function startFakeDoorkeeper(options: FakeDoorkeeperOptions = {}): Promise<FakeDoorkeeper> {
  // Each fake its own deployment: sign-ups land here, not in the exported list other fakes start from.
  const accounts = users.map((user) => ({ ...user }));
  const state: TokenEndpointState = {
    version: options.doorkeeper ?? '5.3.3',
    pkceColumns: options.pkceColumns ?? false,
    applications: [{ uid: client.id, secret: client.secret }],
    users: accounts,
    grants: new Map<string, AuthorizationGrant>(),
    tokens: doorkeeperTokens(options.lifetimeSeconds ?? 60),
  };
  const tokenRequests: FakeDoorkeeper['tokenRequests'] = [];
  const authorizeRequests: URLSearchParams[] = [];
  const apiRequests: FakeDoorkeeper['apiRequests'] = [];
  let loseNextReply = false;

  const server = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (req.method === 'GET' && url.pathname === '/oauth/authorize') {
      const q = url.searchParams;
      authorizeRequests.push(q);
      if (q.get('client_id') !== client.id || q.get('response_type') !== 'code' || !q.get('redirect_uri')) {
        res.writeHead(400, { 'content-type': 'text/html' });
        return res.end('<h1>An error has occurred</h1>');
      }
      // As if the signed-in admin approved. Without the PKCE columns a code_challenge is not kept.
      const challenge = q.get('code_challenge');
      const code = hex();
      state.grants.set(code, {
        userId: accounts[1]!.id,
        applicationUid: client.id,
        redirectUri: q.get('redirect_uri')!,
        challenge:
          state.pkceColumns && challenge
            ? { value: challenge, method: q.get('code_challenge_method') ?? 'plain' }
            : undefined,
      });
      const location = new URL(q.get('redirect_uri')!);
      location.searchParams.set('code', code);
      if (q.get('state') !== null) location.searchParams.set('state', q.get('state')!);
      res.writeHead(302, { location: location.href });
      return res.end();
    }
    if (req.method === 'POST' && url.pathname === '/oauth/token') {
      const body = await parseBody(req);
      const { authorization } = req.headers;
      tokenRequests.push({ query: url.searchParams, contentType: req.headers['content-type'], authorization, body });
      // Rails merges query and body parameters; with a name in both, the query wins.
      const reply = tokenEndpoint(state, {
        params: { ...body, ...Object.fromEntries(url.searchParams) },
        authorization,
      });
      if (loseNextReply) {
        loseNextReply = false;
        return req.socket.destroy();
      }
      if (reply.status === 200) return sendJson(res, 200, tokenReply(reply.record), { 'cache-control': 'no-store' });
      const challenge = `Bearer realm="Doorkeeper", error="${reply.error}", error_description="${reply.description}"`;
      return sendJson(
        res,
        reply.status,
        { error: reply.error, error_description: reply.description },
        reply.status === 401 ? { 'www-authenticate': challenge } : {},
      );
    }
    if (req.method === 'POST' && url.pathname === '/api/v1/users') return signUp(accounts, req, res);
    const [accessToken, tokenFrom] = accessTokenOf(req, url);
    apiRequests.push({ path: url.pathname, tokenFrom });
    const record = accessToken === undefined ? undefined : state.tokens.authenticate(accessToken);
    if (!record || record.revoked) return unauthorized(res, 'The access token is invalid');
    if (record.expiresAt <= Date.now()) return unauthorized(res, 'The access token expired');
    if (req.method === 'GET' && url.pathname === '/api/v1/countries') {
      return sendJson(res, 200, {
        countries: [
          { name: 'Afghanistan', code: 'AF' },
          { name: 'Bosnia and Herzegovina', code: 'BA' },
        ],
      });
    }
    if (req.method === 'GET' && /^\/api\/v1\/users\/\d+$/.test(url.pathname)) {
      return sendJson(res, 200, publicUser(accounts.find((u) => u.id === record.userId)!));
    }
    sendJson(res, 404, { error: 'not found' });
  });

  return Object.assign(server, {
    tokenRequests,
    authorizeRequests,
    apiRequests,
    expireAccessTokens: () => state.tokens.expireAll(),
    loseNextTokenReply: () => {
      loseNextReply = true;
    },
  });
}

type Account = (typeof users)[number];

async function signUp(accounts: Account[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = JSON.parse((await readBody(req)) || '{}') as { user?: { email?: string; password?: string } };
  if (!body.user) return sendJson(res, 422, { errors: [{ user: ['parameter is required'] }] });
  if (accounts.some((u) => u.email === body.user!.email))
    return sendJson(res, 422, { email: ['has already been taken'] });
  const user = {
    id: accounts.length + 10,
    email: body.user.email ?? '',
    password: body.user.password ?? '',
    role: 'default' as const,
  };
  accounts.push(user);
  sendJson(res, 200, publicUser(user));
}

function publicUser(user: Account) {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    created_at: '2018-09-21T09:13:20.512Z',
    updated_at: '2018-09-21T09:13:20.512Z',
  };
}
