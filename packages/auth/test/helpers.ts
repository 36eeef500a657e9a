// What most tests share: a security config shaped like a generated one, a typed client for the
// fake provider's `/echo`, a clock the tests move, and an error catcher.
import createClient from 'openapi-fetch';
import {
  createAuth,
  type AuthOptions,
  type OAuth2SchemeConfig,
  type SecurityConfig,
  type TokenRequestConfig,
} from '../src/index.js';

export function oauth2Scheme(
  overrides: Omit<Partial<OAuth2SchemeConfig>, 'tokenRequest'> & { tokenRequest?: Partial<TokenRequestConfig> } = {},
): OAuth2SchemeConfig {
  const { tokenRequest, ...rest } = overrides;
  return {
    type: 'oauth2',
    flows: {
      password: { tokenUrl: '/oauth/token', refreshUrl: '/oauth/token', scopes: {} },
      clientCredentials: { tokenUrl: '/oauth/token', scopes: {} },
      authorizationCode: { authorizationUrl: '/oauth/authorize', tokenUrl: '/oauth/token', scopes: {}, pkce: true },
    },
    tokenRequest: {
      contentType: 'application/x-www-form-urlencoded',
      grantTypeIn: 'body',
      clientAuthentication: 'client_secret_post',
      queryParameters: [],
      requiredParameters: [],
      grants: {},
      ...tokenRequest,
    },
    refreshTokenRotation: true,
    ...rest,
  };
}

export function securityWith(scheme: OAuth2SchemeConfig = oauth2Scheme()): SecurityConfig {
  return {
    provider: 'test',
    schemes: { oauth2: scheme, apiKey: { type: 'http', scheme: 'bearer' } },
  };
}

type Echo = { method: string; contentType: string | null; body: string };
type NoParameters = { query?: never; header?: never; path?: never; cookie?: never };
type EchoResponses = {
  200: { headers: Record<string, unknown>; content: { 'application/json': Echo } };
  401: { headers: Record<string, unknown>; content?: never };
};

/** The fake provider's API, as openapi-typescript would write it. */
export interface EchoPaths {
  '/echo': {
    parameters: NoParameters;
    get: { parameters: NoParameters; requestBody?: never; responses: EchoResponses };
    post: {
      parameters: NoParameters;
      requestBody: {
        content: {
          'application/json': Record<string, unknown>;
          'application/x-www-form-urlencoded': Record<string, string>;
          'multipart/form-data': Record<string, string>;
        };
      };
      responses: EchoResponses;
    };
  };
}

/** A clock tests move by hand, in epoch milliseconds. */
export function manualClock(start = Date.parse('2026-11-25T10:00:00Z')) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    set: (ms: number) => {
      now = ms;
    },
  };
}

/** openapi-fetch with the auth middleware, both on the same fetch. */
export function echoClient(
  baseUrl: string,
  options: Omit<AuthOptions, 'baseUrl' | 'security'> & { security?: AuthOptions['security'] },
) {
  const fetch = options.fetch ?? globalThis.fetch;
  const auth = createAuth({ security: securityWith(), ...options, baseUrl, fetch });
  const client = createClient<EchoPaths>({ baseUrl, fetch });
  client.use(auth.middleware);
  return Object.assign(client, { auth });
}

/** The rejection of `promise`; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

/** The error `fn` throws; fails the test if it returns. */
export function thrownBy(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}
