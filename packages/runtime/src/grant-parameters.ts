import type { AuthStrategy, GrantType } from '@oapi/auth';

/**
 * `auth` with extra token-request parameters (Wootric's `account_token`) for the given grants;
 * the spec's `x-token-request` decides where they travel. Other strategies pass unchanged; a
 * parameter the strategy already has with another value is a TypeError naming `option`.
 */
export function withTokenParameters(
  auth: AuthStrategy | undefined,
  parameters: Readonly<Record<string, string | undefined>>,
  options: { readonly grants: readonly GrantType[]; readonly option: string },
): AuthStrategy | undefined {
  if (auth?.kind !== 'grant' || !options.grants.includes(auth.grantType)) return auth;
  const extra: Record<string, string> = { ...auth.extraParameters };
  for (const [name, value] of Object.entries(parameters)) {
    if (value === undefined) continue;
    if (extra[name] !== undefined && extra[name] !== value) {
      throw new TypeError(`"${options.option}" and the ${auth.grantType} grant's parameters.${name} differ`);
    }
    extra[name] = value;
  }
  return { ...auth, extraParameters: extra };
}
