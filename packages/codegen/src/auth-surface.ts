// What the spec's security schemes mean for a client package: the strategy factories it exports
// and the token parameters it takes as options.
import {
  grants,
  grantTypes,
  type OAuth2SchemeConfig,
  type SecurityConfig,
  shapeFor,
  type StrategyName,
} from '@oapi/auth';
import type { TokenParameter } from '@oapi/runtime';
import { methods } from './operations.js';
import { isObject, type Json, resolveRef } from './spec-json.js';

const oauth2Schemes = (security: SecurityConfig) =>
  Object.values(security.schemes).filter((s): s is OAuth2SchemeConfig => s.type === 'oauth2');

/**
 * The strategies the spec allows, in the grant table's order: each grant whose flow it declares,
 * `refreshTokenGrant` where a flow has a refresh URL, `bearerToken` for a token obtained elsewhere,
 * `apiKey` for an HTTP bearer or API-key scheme.
 */
export function strategiesOf(security: SecurityConfig): StrategyName[] {
  const names = new Set<StrategyName>();
  for (const scheme of oauth2Schemes(security)) {
    const flows = scheme.flows as Record<string, { refreshUrl?: string } | undefined>;
    for (const grant of grantTypes) {
      const flow = grants[grant].flow;
      if (flow !== undefined && flows[flow]) names.add(grants[grant].strategy);
    }
    if (Object.values(flows).some((flow) => flow?.refreshUrl)) names.add(grants.refresh_token.strategy);
    names.add('bearerToken');
  }
  if (Object.values(security.schemes).some((s) => s.type !== 'oauth2')) names.add('apiKey');
  return [...names];
}

/** `account_token` → `accountToken` */
const optionName = (name: string) => name.replace(/[_-]([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/** The description of a query parameter of that name on any operation of the spec (the token endpoint's). */
function parameterDescription(spec: Json, name: string): string | undefined {
  for (const item of Object.values(isObject(spec.paths) ? spec.paths : {})) {
    if (!isObject(item)) continue;
    for (const method of methods) {
      const operation = item[method];
      const parameters = isObject(operation) && Array.isArray(operation.parameters) ? operation.parameters : [];
      for (const parameter of [...parameters, ...(Array.isArray(item.parameters) ? item.parameters : [])]) {
        const resolved = resolveRef(spec, parameter);
        if (resolved?.name === name && typeof resolved.description === 'string') return resolved.description;
      }
    }
  }
  return undefined;
}

/** Every extra parameter a grant's `x-token-request` shape names: the client takes each as an option. */
export function tokenParametersOf(spec: Json, security: SecurityConfig): TokenParameter[] {
  const names = new Set<string>();
  for (const scheme of oauth2Schemes(security)) {
    for (const grant of grantTypes) {
      const shape = shapeFor(scheme.tokenRequest, grant);
      for (const name of [...shape.queryParameters, ...shape.requiredParameters]) names.add(name);
    }
  }
  return [...names].map((name) => {
    const description = parameterDescription(spec, name);
    return { name, option: optionName(name), ...(description ? { description } : {}) };
  });
}
