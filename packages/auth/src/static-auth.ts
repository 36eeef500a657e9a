import type { Auth } from './create-auth.js';
import type { SecuritySchemeConfig, SecurityConfig } from './security-config.js';
import type { StaticStrategy } from './strategies.js';

/** What a strategy's `authenticate` gets from `createAuth`, its options checked. */
export interface AuthContext {
  readonly security: SecurityConfig;
  /** Throws unless credentials may go to `url` (https, or http on loopback, or allowed). */
  readonly checkRequestUrl: (url: string) => void;
}

function chooseScheme(security: SecurityConfig, strategy: StaticStrategy): SecuritySchemeConfig {
  const entries = Object.entries(security.schemes);
  if (strategy.scheme !== undefined) {
    const scheme = security.schemes[strategy.scheme];
    if (!scheme)
      throw new TypeError(`"auth.scheme": the ${security.provider} spec has no security scheme "${strategy.scheme}"`);
    return scheme;
  }
  if (strategy.prefers === 'apiKey') {
    const found = entries.find(([, s]) => s.type !== 'oauth2');
    if (!found)
      throw new TypeError(
        `"auth": the ${security.provider} spec declares no API-key scheme; for an access token obtained elsewhere use bearerToken()`,
      );
    return found[1];
  }
  const found = entries.find(([, s]) => s.type !== 'apiKey') ?? entries[0];
  if (!found) throw new TypeError(`"auth": the ${security.provider} spec declares no security scheme`);
  return found[1];
}

function headerFor(scheme: SecuritySchemeConfig, credential: string): [string, string] {
  if (scheme.type === 'apiKey') {
    if (scheme.in !== 'header')
      throw new TypeError(`"auth": API keys are only sent in headers, never in a ${scheme.in}`);
    return [scheme.name, credential];
  }
  return ['authorization', `Bearer ${credential}`];
}

/** A credential used as it is: the same header on every request, sent the way the spec's scheme says. */
export function staticAuth(strategy: StaticStrategy, context: AuthContext): Auth {
  const [name, value] = headerFor(chooseScheme(context.security, strategy), strategy.credential);
  return {
    middleware: {
      onRequest({ request }) {
        context.checkRequestUrl(request.url);
        request.headers.set(name, value);
        return request;
      },
    },
    tokens: undefined,
    authorization: async () => value,
  };
}
