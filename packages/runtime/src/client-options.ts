import { assertOptionalBoolean, assertStrategy } from '@oapi/auth';
import type { ProviderDescriptor } from './descriptor.js';
import { maxTimeoutMs } from './timeout.js';

type Check = (value: unknown, path: string) => void;

const must =
  (valid: (value: unknown) => boolean, what: string): Check =>
  (value, path) => {
    if (!valid(value)) throw new TypeError(`"${path}" must be ${what}`);
  };
const aFunction = must((value) => typeof value === 'function', 'a function');

/**
 * The options every client takes (`ClientBaseOptions`), each with its check when given. `undefined`:
 * checked elsewhere (`baseUrl` as the server is chosen, the token options by the grant that uses
 * them) or passed on as they are (`headers`).
 */
const baseOptions: Readonly<Record<string, Check | undefined>> = {
  auth: assertStrategy,
  fetch: aFunction,
  headers: undefined,
  tokenStore: undefined,
  onTokens: undefined,
  tokenTimeoutMs: undefined,
  allowInsecureHttp: assertOptionalBoolean,
  middleware: must(Array.isArray, 'an array of openapi-fetch middleware'),
  baseUrl: undefined,
  tokenUrl: undefined,
  timeoutMs: must(
    (value) => typeof value === 'number' && value > 0 && value <= maxTimeoutMs,
    `a number of milliseconds from 1 to ${maxTimeoutMs}`,
  ),
  onDeprecation: aFunction,
};

/**
 * Checks the options up front: a TypeError names the option (`"options.timeoutMs" must be …`),
 * including one the client does not know (a typo, or a name of an older version). `extra`: the
 * options the provider's quirks add (`retry`).
 */
export function assertClientOptions(descriptor: ProviderDescriptor, options: unknown, extra: readonly string[]): void {
  if (typeof options !== 'object' || options === null) throw new TypeError('"options" must be an object');
  const known = [...Object.keys(baseOptions), ...extra, ...descriptor.options];
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined) continue;
    if (!known.includes(name))
      throw new TypeError(
        `"options.${name}" is not an option of the ${descriptor.id} client; it takes ${known.join(', ')}`,
      );
    baseOptions[name]?.(value, `options.${name}`);
  }
}
