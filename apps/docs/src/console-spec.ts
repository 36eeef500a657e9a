import { grantOfFlow, type OAuth2SchemeConfig, shapeFor } from '@oapi/auth';
import type { Provider } from './providers.js';
import { isObject, type Json } from './spec-json.js';

/**
 * The spec as the console (Scalar) reads it: each OAuth flow whose token request carries the
 * client secret in the body (`x-token-request` says `client_secret_post`) is marked so for
 * Scalar, which sends it as HTTP Basic otherwise. The spec itself is not changed.
 */
/**
 * The OAuth flows (OpenAPI names) whose token request sends no client credentials. Scalar still
 * shows Client ID and Client Secret for them and sends what a reader types there as HTTP Basic, so
 * the console page tells the reader to leave them empty.
 */
export function flowsWithoutClientCredentials(provider: Provider): string[] {
  return Object.values(provider.security.schemes).flatMap((config) => {
    if (config.type !== 'oauth2') return [];
    const oauth2 = config as OAuth2SchemeConfig;
    return Object.keys(oauth2.flows).filter((flowName) => {
      const grant = grantOfFlow(flowName);
      return grant !== undefined && shapeFor(oauth2.tokenRequest, grant).clientAuthentication === 'none';
    });
  });
}

export function consoleSpec(provider: Provider): Json {
  const copy = structuredClone(provider.spec);
  const schemes =
    isObject(copy.components) && isObject(copy.components.securitySchemes) ? copy.components.securitySchemes : {};
  for (const [name, scheme] of Object.entries(schemes)) {
    const config = provider.security.schemes[name];
    if (!isObject(scheme) || !isObject(scheme.flows) || config?.type !== 'oauth2') continue;
    for (const [flowName, flow] of Object.entries(scheme.flows)) {
      const grant = grantOfFlow(flowName);
      if (!grant || !isObject(flow)) continue;
      const request = shapeFor((config as OAuth2SchemeConfig).tokenRequest, grant);
      if (request.clientAuthentication === 'client_secret_post') flow['x-scalar-credentials-location'] = 'body';
    }
  }
  return copy;
}
