import type { AuthStrategy } from '@oapi/auth';
import type { ProviderDescriptor } from './descriptor.js';
import type { OptionValues } from './server-choice.js';

/**
 * The values of the spec's token parameters (`account_token`), by parameter name: the option
 * (`accountToken`), or the grant's own `parameters` entry; both given and different is an error.
 * The descriptor of a spec with token parameters carries it as its `tokenParameterReader`.
 */
export function tokenParameterValues(
  descriptor: ProviderDescriptor,
  options: OptionValues,
  auth: AuthStrategy | undefined,
): Record<string, string> {
  const values: Record<string, string> = {};
  const grant = auth?.kind === 'grant' ? auth : undefined;
  // Codegen writes `tokenParameters` wherever it writes this reader.
  for (const [name, option] of Object.entries(descriptor.tokenParameters!)) {
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
