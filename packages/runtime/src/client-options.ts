import { assertOptionalBoolean, assertStrategy, type AuthStrategy } from '@oapi/auth';
import type { ProviderDescriptor } from './descriptor.js';
import type { OptionValues } from './server-choice.js';
import { maxTimeoutMs } from './timeout.js';

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

type Check = (value: unknown, path: string) => void;

const must =
  (valid: (value: unknown) => boolean, what: string): Check =>
  (value, path) => {
    if (!valid(value)) throw new TypeError(`"${path}" must be ${what}`);
  };
const aFunction = must((value) => typeof value === 'function', 'a function');

/**
 * What the options the client checks itself must be, when given. `baseUrl` and the spec's options
 * are checked as the server is chosen; the token options (tokenUrl, tokenStore, …) by the grant
 * that uses them.
 */
const checks: Readonly<Record<string, Check>> = {
  auth: assertStrategy,
  allowInsecureHttp: assertOptionalBoolean,
  fetch: aFunction,
  onDeprecation: aFunction,
  middleware: must(Array.isArray, 'an array of openapi-fetch middleware'),
  timeoutMs: must(
    (value) => typeof value === 'number' && value > 0 && value <= maxTimeoutMs,
    `a number of milliseconds from 1 to ${maxTimeoutMs}`,
  ),
};

/**
 * Checks the options up front: a TypeError names the option (`"options.timeoutMs" must be …`),
 * including one the client does not know (a typo, or a name of an older version). `extra`: the
 * options the provider's quirks add (`retry`).
 */
export function assertClientOptions(descriptor: ProviderDescriptor, options: unknown, extra: readonly string[]): void {
  if (typeof options !== 'object' || options === null) throw new TypeError('"options" must be an object');
  const known = [...baseOptions, ...extra, ...descriptor.options];
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined) continue;
    if (!known.includes(name))
      throw new TypeError(
        `"options.${name}" is not an option of the ${descriptor.id} client; it takes ${known.join(', ')}`,
      );
    checks[name]?.(value, `options.${name}`);
  }
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
  const grant = auth?.kind === 'grant' ? auth : undefined;
  for (const [name, option] of Object.entries(descriptor.tokenParameters)) {
    const given = options[option];
    if (given !== undefined && (typeof given !== 'string' || given === ''))
      throw new TypeError(`"options.${option}" must be a non-empty string`);
    const own = grant?.parameters[name];
    if (given !== undefined && own !== undefined && given !== own)
      throw new TypeError(`"options.${option}" and the ${grant!.grantType} grant's parameters.${name} differ`);
    const value = given ?? own;
    if (value !== undefined) values[name] = value;
  }
  return values;
}
