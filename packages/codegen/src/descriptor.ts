import type { ApiEntry } from '@oapi/api-list';
import type { SecurityConfig, StrategyName } from '@oapi/auth';
import type { DeprecatedOperation, ProviderDescriptor, TokenParameter } from '@oapi/runtime';
import { strategiesOf, tokenParametersOf } from './auth-surface.js';
import { bodyEncodingOf } from './body-encoding.js';
import { deprecatedOperations } from './operations.js';
import { paginationOf } from './pagination.js';
import { securityConfig } from './security-config.js';
import { apiServers, tokenServersOf } from './servers.js';
import { isObject, type Json } from './spec-json.js';

/**
 * A provider's descriptor with what only codegen and the docs use, which the shipped one leaves out,
 * and without what the shipped one derives for the runtime (`shippedDescriptor`).
 */
export interface SpecDescriptor
  extends Omit<
    ProviderDescriptor,
    'exampleUrl' | 'options' | 'serverOptions' | 'security' | 'tokenParameters' | 'deprecatedOperations' | 'bodyEncoder'
  > {
  /** The whole config: the shipped descriptor has its outline, the package's `security` export the rest. */
  readonly security: SecurityConfig;
  readonly title: string;
  /** `info.version`. */
  readonly version: string;
  /** The strategy factories the spec's security schemes allow: the client package exports them. */
  readonly strategies: readonly StrategyName[];
  /** `rails-form`: every request body is a form in Rails bracket notation (`x-bracket-notation`); the descriptor then imports its encoder. */
  readonly bodyEncoding: 'json' | 'rails-form';
  readonly tokenParameters: readonly TokenParameter[];
  readonly deprecatedOperations: readonly DeprecatedOperation[];
}

/**
 * What a provider is, read out of its bundled spec: servers, the token endpoint's own servers,
 * security schemes and the strategies they allow, token parameters, body encoding, pagination,
 * deprecated operations. Throws a SpecError naming the JSON pointer of anything it cannot use.
 */
export function providerDescriptor(api: Pick<ApiEntry, 'id'>, spec: Json): SpecDescriptor {
  const info = isObject(spec.info) ? spec.info : {};
  const security = securityConfig(api.id, spec);
  const tokenParameters = tokenParametersOf(spec, security);
  const names = tokenParameters.map((parameter) => parameter.name);
  const tokenServers = tokenServersOf(spec, security, names);
  const pagination = paginationOf(spec);
  return {
    id: api.id,
    title: typeof info.title === 'string' ? info.title : api.id,
    version: typeof info.version === 'string' ? info.version : '',
    servers: apiServers(spec, names),
    ...(tokenServers ? { tokenServers } : {}),
    security,
    tokenParameters,
    strategies: strategiesOf(security),
    bodyEncoding: bodyEncodingOf(spec),
    ...(pagination ? { pagination } : {}),
    deprecatedOperations: deprecatedOperations(spec),
  };
}
