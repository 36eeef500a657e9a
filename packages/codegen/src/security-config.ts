import {
  type ClientAuthentication,
  type GrantType,
  grants,
  grantTypes,
  type OAuth2SchemeConfig,
  type OAuthFlowConfig,
  type SecurityConfig,
  type SecuritySchemeConfig,
  type TokenRequestConfig,
  type TokenRequestShape,
} from '@oapi/auth';
import { assertKnownKeys, isObject, type Json, oneOf, SpecError, stringList } from './spec-json.js';

const contentTypes = ['application/x-www-form-urlencoded', 'application/json'] as const;
const clientAuthentications: readonly ClientAuthentication[] = ['client_secret_post', 'client_secret_basic', 'none'];

/** RFC 6749's defaults, for a scheme that says nothing of its token requests. */
const rfc6749: TokenRequestShape = {
  contentType: 'application/x-www-form-urlencoded',
  grantTypeIn: 'body',
  clientAuthentication: 'client_secret_basic',
  queryParameters: [],
  requiredParameters: [],
};

const shapeKeys = ['contentType', 'grantTypeIn', 'clientAuthentication', 'queryParameters', 'requiredParameters'];

function tokenRequestShape(raw: Json, pointer: string): Partial<TokenRequestShape> {
  const shape: { -readonly [K in keyof TokenRequestShape]?: TokenRequestShape[K] } = {};
  if (raw.contentType !== undefined) shape.contentType = oneOf(raw.contentType, contentTypes, `${pointer}/contentType`);
  if (raw.grantTypeIn !== undefined)
    shape.grantTypeIn = oneOf(raw.grantTypeIn, ['body', 'query'] as const, `${pointer}/grantTypeIn`);
  if (raw.clientAuthentication !== undefined) {
    shape.clientAuthentication = oneOf(
      raw.clientAuthentication,
      clientAuthentications,
      `${pointer}/clientAuthentication`,
    );
  }
  if (raw.queryParameters !== undefined)
    shape.queryParameters = stringList(raw.queryParameters, `${pointer}/queryParameters`);
  if (raw.requiredParameters !== undefined)
    shape.requiredParameters = stringList(raw.requiredParameters, `${pointer}/requiredParameters`);
  assertKnownKeys(raw, [...shapeKeys, 'grants'], pointer);
  return shape;
}

function tokenRequestConfig(raw: unknown, pointer: string): TokenRequestConfig {
  if (raw === undefined) return { ...rfc6749, grants: {} };
  if (!isObject(raw)) throw new SpecError(pointer, 'must be an object');
  const grants: Partial<Record<GrantType, Partial<TokenRequestShape>>> = {};
  if (raw.grants !== undefined) {
    if (!isObject(raw.grants)) throw new SpecError(`${pointer}/grants`, 'must be an object keyed by grant_type');
    for (const [grant, shape] of Object.entries(raw.grants)) {
      const grantPointer = `${pointer}/grants/${grant}`;
      if (!isObject(shape)) throw new SpecError(grantPointer, 'must be an object');
      grants[oneOf(grant, grantTypes, grantPointer)] = tokenRequestShape(shape, grantPointer);
    }
  }
  return { ...rfc6749, ...tokenRequestShape(raw, pointer), grants };
}

function flow(raw: unknown, pointer: string, urls: readonly string[]): OAuthFlowConfig & Json {
  if (!isObject(raw)) throw new SpecError(pointer, 'must be an object');
  const out: Json = {};
  for (const key of urls) {
    if (typeof raw[key] !== 'string' || raw[key] === '')
      throw new SpecError(`${pointer}/${key}`, 'must be a non-empty URL');
    out[key] = raw[key];
  }
  if (typeof raw.refreshUrl === 'string') out.refreshUrl = raw.refreshUrl;
  if (!isObject(raw.scopes)) throw new SpecError(`${pointer}/scopes`, 'must be an object (use {} for none)');
  out.scopes = raw.scopes;
  return out as unknown as OAuthFlowConfig & Json;
}

/**
 * `x-pkce` of the authorizationCode flow, the only flow that takes it: where the spec does not say
 * the server lacks PKCE, S256 is sent (RFC 9700 §2.1.1).
 */
function pkce(flows: Json, pointer: string): boolean {
  for (const [name, raw] of Object.entries(flows)) {
    if (name !== 'authorizationCode' && isObject(raw) && raw['x-pkce'] !== undefined)
      throw new SpecError(`${pointer}/flows/${name}/x-pkce`, 'only the authorizationCode flow takes x-pkce');
  }
  const value = isObject(flows.authorizationCode) ? flows.authorizationCode['x-pkce'] : undefined;
  if (value !== undefined && typeof value !== 'boolean')
    throw new SpecError(`${pointer}/flows/authorizationCode/x-pkce`, 'must be true or false');
  return value ?? true;
}

function oauth2Scheme(raw: Json, pointer: string): OAuth2SchemeConfig {
  if (!isObject(raw.flows)) throw new SpecError(`${pointer}/flows`, 'must be an object');
  const flows: Json = {};
  const usesPkce = pkce(raw.flows, pointer);
  for (const grant of grantTypes) {
    const name = grants[grant].flow;
    if (name === undefined || raw.flows[name] === undefined) continue;
    const urls = name === 'authorizationCode' ? ['authorizationUrl', 'tokenUrl'] : ['tokenUrl'];
    flows[name] = flow(raw.flows[name], `${pointer}/flows/${name}`, urls);
    if (name === 'authorizationCode') flows[name] = { ...(flows[name] as Json), pkce: usesPkce };
  }
  if (raw.flows.implicit !== undefined)
    flows.implicit = flow(raw.flows.implicit, `${pointer}/flows/implicit`, ['authorizationUrl']);
  const lifetime = raw['x-token-lifetime'];
  if (lifetime !== undefined && (typeof lifetime !== 'number' || !(lifetime > 0))) {
    throw new SpecError(`${pointer}/x-token-lifetime`, 'must be a positive number of seconds');
  }
  const rotation = raw['x-refresh-token-rotation'];
  if (rotation !== undefined && typeof rotation !== 'boolean' && rotation !== 'deferred')
    throw new SpecError(`${pointer}/x-refresh-token-rotation`, 'must be true, false or "deferred"');
  return {
    type: 'oauth2',
    flows: flows as OAuth2SchemeConfig['flows'],
    tokenRequest: tokenRequestConfig(raw['x-token-request'], `${pointer}/x-token-request`),
    ...(lifetime === undefined ? {} : { tokenLifetime: lifetime }),
    refreshTokenRotation: rotation ?? false,
  };
}

function scheme(raw: unknown, pointer: string): SecuritySchemeConfig {
  if (!isObject(raw)) throw new SpecError(pointer, 'must be an object');
  switch (raw.type) {
    case 'oauth2':
      return oauth2Scheme(raw, pointer);
    case 'http':
      if (typeof raw.scheme !== 'string' || raw.scheme.toLowerCase() !== 'bearer') {
        throw new SpecError(
          `${pointer}/scheme`,
          `only "bearer" http schemes are supported, got ${JSON.stringify(raw.scheme)}`,
        );
      }
      return {
        type: 'http',
        scheme: 'bearer',
        ...(typeof raw.bearerFormat === 'string' ? { bearerFormat: raw.bearerFormat } : {}),
      };
    case 'apiKey':
      if (typeof raw.name !== 'string' || raw.name === '')
        throw new SpecError(`${pointer}/name`, 'must be a non-empty string');
      return {
        type: 'apiKey',
        in: oneOf(raw.in, ['header', 'query', 'cookie'] as const, `${pointer}/in`),
        name: raw.name,
      };
    default:
      throw new SpecError(`${pointer}/type`, `unsupported security scheme type ${JSON.stringify(raw.type)}`);
  }
}

/**
 * Reads `components.securitySchemes` of a bundled spec, and checks that its root `security` names
 * only those (which alternative a call uses is the caller's choice of strategy: not kept).
 */
export function securityConfig(provider: string, spec: Json): SecurityConfig {
  const components = isObject(spec.components) ? spec.components : {};
  const raw = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const schemes: Record<string, SecuritySchemeConfig> = {};
  for (const [name, value] of Object.entries(raw)) {
    schemes[name] = scheme(value, `#/components/securitySchemes/${name}`);
  }
  const security = Array.isArray(spec.security) ? (spec.security as Array<Record<string, string[]>>) : [];
  for (const [i, requirement] of security.entries()) {
    for (const name of Object.keys(requirement)) {
      if (!(name in schemes)) throw new SpecError(`#/security/${i}`, `names the undefined security scheme "${name}"`);
    }
  }
  return { provider, schemes };
}
