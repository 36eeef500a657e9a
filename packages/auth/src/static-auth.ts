import type { Auth } from './create-auth.js';
import type { SecurityOutline } from './security-config.js';
import type { StaticStrategy } from './strategies.js';

/** What a strategy's `authenticate` gets from `createAuth`, its options checked. */
export interface AuthContext {
  readonly security: SecurityOutline;
  /** Throws unless credentials may go to `url` (https, or http on loopback, or allowed). */
  readonly checkRequestUrl: (url: string) => void;
}

/**
 * A credential used as it is: the same header on every request, sent the way the spec's scheme
 * says: the scheme the strategy names, else the default of its kind (`defaultSchemes`).
 */
export function staticAuth({ scheme: name, prefers, credential }: StaticStrategy, context: AuthContext): Auth {
  const { schemes, provider, defaultSchemes } = context.security;
  const chosen = name ?? defaultSchemes[prefers];
  const scheme = chosen === undefined ? undefined : schemes[chosen];
  if (!scheme)
    throw new TypeError(
      `"auth": the ${provider} spec has no ${name === undefined ? prefers : `"${name}"`} security scheme`,
    );
  if (scheme.type === 'apiKey' && scheme.in !== 'header')
    throw new TypeError(`"auth": API keys are only sent in headers, never in a ${scheme.in}`);
  const [header, value] =
    scheme.type === 'apiKey' ? [scheme.name, credential] : ['authorization', `Bearer ${credential}`];
  return {
    middleware: {
      onRequest({ request }) {
        context.checkRequestUrl(request.url);
        request.headers.set(header, value);
        return request;
      },
    },
    tokens: undefined,
    authorization: async () => value,
  };
}
