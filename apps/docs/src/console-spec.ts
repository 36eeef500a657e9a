import { type ClientAuthentication, grantOfFlow, type SecuritySchemeConfig, shapeFor } from '@oapi/auth';
import type { Provider } from './providers.js';
import { isObject, type Json } from './spec-json.js';

/** How the token request of an OAuth flow (OpenAPI name) authenticates the client, per `x-token-request`. */
function clientAuthentication(
  config: SecuritySchemeConfig | undefined,
  flowName: string,
): ClientAuthentication | undefined {
  const grant = grantOfFlow(flowName);
  if (config?.type !== 'oauth2' || grant === undefined) return undefined;
  return shapeFor(config.tokenRequest, grant).clientAuthentication;
}

/**
 * The OAuth flows (OpenAPI names) whose token request sends no client credentials. Scalar still
 * shows Client ID and Client Secret for them and sends what a reader types there as HTTP Basic, so
 * the console page tells the reader to leave them empty.
 */
export function flowsWithoutClientCredentials(provider: Provider): string[] {
  return Object.values(provider.security.schemes).flatMap((config) =>
    config.type === 'oauth2'
      ? Object.keys(config.flows).filter((flowName) => clientAuthentication(config, flowName) === 'none')
      : [],
  );
}

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
    if (!isObject(scheme) || !isObject(scheme.flows)) continue;
    for (const [flowName, flow] of Object.entries(scheme.flows)) {
      if (isObject(flow) && clientAuthentication(provider.security.schemes[name], flowName) === 'client_secret_post')
        flow['x-scalar-credentials-location'] = 'body';
    }
  }
  return copy;
}
