import { type AuthStrategy, type OAuth2SchemeConfig, shapeFor } from '@oapi/auth';
import type { ProviderDescriptor } from './descriptor.js';
import { assertHttpUrl, defaultTokenUrl, type OptionValues, serverVariables } from './server-choice.js';

/** The options every client takes (`ClientBaseOptions`), by name. */
const baseOptions = [
  'auth',
  'fetch',
  'headers',
  'tokenStore',
  'onTokens',
  'tokenTimeoutMs',
  'allowInsecureHttp',
  'middleware',
  'retry',
  'baseUrl',
  'tokenUrl',
];

function specOptions(descriptor: ProviderDescriptor): string[] {
  return [
    ...(descriptor.servers.some((server) => server.name !== undefined) ? ['server'] : []),
    ...serverVariables(descriptor),
    ...descriptor.tokenParameters.map((parameter) => parameter.option),
  ];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Checks the options up front: a TypeError names the option (`"options.tokenUrl" must be …`),
 * including one the client does not know (a typo, or a name of an older version).
 */
export function assertClientOptions(descriptor: ProviderDescriptor, options: unknown): void {
  if (!isObject(options)) throw new TypeError('"options" must be an object');
  const known = new Set([...baseOptions, ...specOptions(descriptor)]);
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined) continue;
    if (!known.has(name)) {
      throw new TypeError(
        `"options.${name}" is not an option of the ${descriptor.id} client; it takes ${[...known].join(', ')}`,
      );
    }
  }
  const { fetch, tokenStore, onTokens, allowInsecureHttp, middleware, retry, tokenUrl } = options;
  if (fetch !== undefined && typeof fetch !== 'function') throw new TypeError('"options.fetch" must be a function');
  if (onTokens !== undefined && typeof onTokens !== 'function')
    throw new TypeError('"options.onTokens" must be a function');
  if (
    tokenStore !== undefined &&
    !(isObject(tokenStore) && typeof tokenStore.get === 'function' && typeof tokenStore.set === 'function')
  )
    throw new TypeError('"options.tokenStore" must be an object with get() and set(tokens)');
  if (allowInsecureHttp !== undefined && typeof allowInsecureHttp !== 'boolean')
    throw new TypeError('"options.allowInsecureHttp" must be true or false');
  if (middleware !== undefined && !Array.isArray(middleware))
    throw new TypeError('"options.middleware" must be an array of openapi-fetch middleware');
  if (retry !== undefined && retry !== false && !isObject(retry))
    throw new TypeError('"options.retry" must be retry options or false');
  if (tokenUrl !== undefined) assertHttpUrl(tokenUrl, 'tokenUrl', defaultTokenUrl(descriptor));
}

/**
 * The values of the spec's token parameters (`account_token`), by parameter name: the option
 * (`accountToken`), or the grant's own `parameters` entry; both given and different is an error.
 */
export function tokenParameterValues(
  descriptor: ProviderDescriptor,
  options: OptionValues,
  auth: AuthStrategy | undefined,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const { name, option } of descriptor.tokenParameters) {
    const given = options[option];
    if (given !== undefined && (typeof given !== 'string' || given === ''))
      throw new TypeError(`"options.${option}" must be a non-empty string`);
    const own = auth?.kind === 'grant' ? auth.parameters[name] : undefined;
    if (given !== undefined && own !== undefined && given !== own) {
      const grant = auth?.kind === 'grant' ? auth.grantType : '';
      throw new TypeError(`"options.${option}" and the ${grant} grant's parameters.${name} differ`);
    }
    const value = given ?? own;
    if (value !== undefined) values[name] = value;
  }
  return values;
}

/** A grant whose spec shape requires a parameter (CXI's `account_token`) is refused without it, naming the option. */
export function assertRequiredTokenParameters(
  descriptor: ProviderDescriptor,
  auth: AuthStrategy | undefined,
  values: Readonly<Record<string, string>>,
): void {
  if (auth?.kind !== 'grant') return;
  const scheme = Object.values(descriptor.security.schemes).find((s): s is OAuth2SchemeConfig => s.type === 'oauth2');
  if (!scheme) return;
  for (const name of shapeFor(scheme.tokenRequest, auth.grantType).requiredParameters) {
    if (values[name] !== undefined) continue;
    const option = descriptor.tokenParameters.find((parameter) => parameter.name === name)?.option ?? name;
    throw new TypeError(
      `"options.${option}" is required with the ${auth.grantType} grant: ${descriptor.id}'s token endpoint requires ${name}`,
    );
  }
}
