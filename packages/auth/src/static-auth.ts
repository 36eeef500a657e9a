import type { Auth } from './create-auth.js';
import type { SecuritySchemeConfig, SecurityConfig } from './security-config.js';
import type { StaticStrategy } from './strategies.js';

/** What a strategy's `authenticate` gets from `createAuth`, its options checked. */
export interface AuthContext {
  readonly security: SecurityConfig;
  /** Throws unless credentials may go to `url` (https, or http on loopback, or allowed). */
  readonly checkRequestUrl: (url: string) => void;
}

/** The spec's scheme the credential is sent by: the one named, else the first of the kind the strategy prefers. */
function chooseScheme(
  { schemes, provider }: SecurityConfig,
  { scheme: name, prefers }: StaticStrategy,
): SecuritySchemeConfig {
  const all = Object.values(schemes);
  const scheme =
    name !== undefined
      ? schemes[name]
      : prefers === 'apiKey'
        ? all.find((s) => s.type !== 'oauth2')
        : (all.find((s) => s.type !== 'apiKey') ?? all[0]);
  if (scheme) return scheme;
  throw new TypeError(
    name !== undefined
      ? `"auth.scheme": the ${provider} spec has no security scheme "${name}"`
      : prefers === 'apiKey'
        ? `"auth": the ${provider} spec declares no API-key scheme; for an access token obtained elsewhere use bearerToken()`
        : `"auth": the ${provider} spec declares no security scheme`,
  );
}

function headerFor(scheme: SecuritySchemeConfig, credential: string): [string, string] {
  if (scheme.type !== 'apiKey') return ['authorization', `Bearer ${credential}`];
  if (scheme.in !== 'header') throw new TypeError(`"auth": API keys are only sent in headers, never in a ${scheme.in}`);
  return [scheme.name, credential];
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
