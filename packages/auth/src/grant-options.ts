// The options only a grant uses (where tokens come from, how long to wait, where to keep them),
// checked when a grant uses them: the client of a static credential carries none of this.
import type { AuthOptions } from './create-auth.js';
import type { OAuth2SchemeConfig } from './security-config.js';
import type { GrantStrategy } from './strategies.js';
import { shapeFor } from './token-request.js';

const isFunction = (value: unknown) => typeof value === 'function';

export function assertGrantOptions(options: AuthOptions, scheme: OAuth2SchemeConfig, strategy: GrantStrategy): void {
  // tokenUrl is checked by the token manager, which knows the spec's token URL to give as an example;
  // tokenBaseUrl and tokenParameters by createAuth (a client makes them itself).
  const timeout = options.tokenTimeoutMs;
  if (timeout !== undefined && !(typeof timeout === 'number' && timeout > 0 && Number.isFinite(timeout)))
    throw new TypeError('"options.tokenTimeoutMs" must be a positive number of milliseconds');
  const store = options.tokenStore as Partial<Record<'get' | 'set', unknown>> | undefined;
  if (store !== undefined && !(isFunction(store?.get) && isFunction(store?.set)))
    throw new TypeError('"options.tokenStore" must be an object with get() and set(tokens)');
  if (options.onTokens !== undefined && !isFunction(options.onTokens))
    throw new TypeError('"options.onTokens" must be a function');
  // A grant whose spec shape requires a parameter (CXI's `account_token`) is refused without it,
  // given as the client's option or in the grant's own `parameters`.
  for (const name of shapeFor(scheme.tokenRequest, strategy.grantType).requiredParameters) {
    if (options.tokenParameters?.[name] !== undefined || strategy.parameters[name] !== undefined) continue;
    throw new TypeError(
      `"options.${options.tokenParameterOptions?.[name] ?? name}" is required with the ${strategy.grantType} grant: ${options.security.provider}'s token endpoint requires ${name}`,
    );
  }
}
