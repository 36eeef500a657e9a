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
 * says: the scheme the strategy names, else the first of the kind it prefers.
 */
export function staticAuth({ scheme: name, prefers, credential }: StaticStrategy, context: AuthContext): Auth {
  const { schemes, provider } = context.security;
  const all = Object.values(schemes);
  // An API key goes by any scheme but oauth2's; a bearer token by any but an API key's, else by the first.
  const avoided = prefers === 'apiKey' ? 'oauth2' : 'apiKey';
  const scheme =
    name !== undefined
      ? schemes[name]
      : (all.find((s) => s.type !== avoided) ?? (prefers === 'bearer' ? all[0] : undefined));
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
