import { assertOptionalBoolean, assertStrategy, type AuthStrategy } from '@oapi/auth';
import type { ProviderDescriptor } from './descriptor.js';
import { type OptionValues, serverVariables } from './server-choice.js';
import { assertTimeoutMs } from './timeout.js';

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
  'baseUrl',
  'tokenUrl',
  'timeoutMs',
  'onDeprecation',
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
 * including one the client does not know (a typo, or a name of an older version). `extra`: the
 * options the provider's quirks add (`retry`).
 */
export function assertClientOptions(descriptor: ProviderDescriptor, options: unknown, extra: readonly string[]): void {
  if (!isObject(options)) throw new TypeError('"options" must be an object');
  const known = new Set([...baseOptions, ...extra, ...specOptions(descriptor)]);
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined) continue;
    if (!known.has(name)) {
      throw new TypeError(
        `"options.${name}" is not an option of the ${descriptor.id} client; it takes ${[...known].join(', ')}`,
      );
    }
  }
  // The token options (tokenUrl, tokenStore, …) are checked by the grant that uses them.
  const { auth, allowInsecureHttp, fetch, onDeprecation, middleware } = options;
  if (auth !== undefined) assertStrategy(auth, 'options.auth');
  assertOptionalBoolean(allowInsecureHttp, 'options.allowInsecureHttp');
  for (const [name, value] of Object.entries({ fetch, onDeprecation }))
    if (value !== undefined && typeof value !== 'function') throw new TypeError(`"options.${name}" must be a function`);
  if (middleware !== undefined && !Array.isArray(middleware))
    throw new TypeError('"options.middleware" must be an array of openapi-fetch middleware');
  assertTimeoutMs(options.timeoutMs);
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
