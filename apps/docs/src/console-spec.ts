import type { OAuth2SchemeConfig } from '@oapi/auth';
import { tokenRequestFor } from './auth-methods.js';
import type { Provider } from './providers.js';
import { isObject, type Json } from './spec-json.js';

const flowGrants = {
  password: 'password',
  clientCredentials: 'client_credentials',
  authorizationCode: 'authorization_code',
} as const;

/**
 * The spec as the console (Scalar) reads it: each OAuth flow whose token request carries the
 * client secret in the body (`x-token-request` says `client_secret_post`) is marked so for
 * Scalar, which sends it as HTTP Basic otherwise. The spec itself is not changed.
 */
export function consoleSpec(provider: Provider): Json {
  const copy = structuredClone(provider.spec);
  const schemes =
    isObject(copy.components) && isObject(copy.components.securitySchemes) ? copy.components.securitySchemes : {};
  for (const [name, scheme] of Object.entries(schemes)) {
    const config = provider.security.schemes[name];
    if (!isObject(scheme) || !isObject(scheme.flows) || config?.type !== 'oauth2') continue;
    for (const [flowName, flow] of Object.entries(scheme.flows)) {
      const grant = flowGrants[flowName as keyof typeof flowGrants];
      if (!grant || !isObject(flow)) continue;
      const request = tokenRequestFor(config as OAuth2SchemeConfig, grant);
      if (request.clientAuthentication === 'client_secret_post') flow['x-scalar-credentials-location'] = 'body';
    }
  }
  return copy;
}
