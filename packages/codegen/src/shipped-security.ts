// The security config as a client package ships it, in two parts. Its descriptor (`provider.ts`),
// which every browser bundle of the client carries, has the outline: each scheme's type, an API
// key's header, what a static credential needs. The whole config, without prose, is the `security`
// of `strategies.ts`, which the grant factories there attach to their strategies: only a bundle that
// makes a grant carries the token endpoint (flows, `x-token-request`, lifetime, rotation).
import {
  defaultSchemes,
  type SecurityConfig,
  type SecurityOutline,
  type SecuritySchemeConfig,
  type TokenRequestConfig,
  type TokenRequestShape,
} from '@oapi/auth';

function shippedScheme(config: SecuritySchemeConfig): SecuritySchemeConfig {
  if (config.type === 'apiKey') return { type: config.type, in: config.in, name: config.name };
  if (config.type === 'http') return { type: config.type, scheme: config.scheme };
  const { description: _, flows, ...rest } = config;
  const withoutScopes = Object.entries(flows).map(([flow, { scopes: __, ...kept }]) => [flow, kept]);
  return { ...rest, tokenRequest: withoutRepeats(rest.tokenRequest), flows: Object.fromEntries(withoutScopes) };
}

/** The per-grant overrides of `x-token-request` without the entries that repeat the scheme-wide shape. */
function withoutRepeats({ grants, ...shape }: TokenRequestConfig): TokenRequestConfig {
  const same = (name: string, value: unknown) =>
    JSON.stringify(value) === JSON.stringify(shape[name as keyof TokenRequestShape]);
  const overrides = Object.entries(grants).flatMap(([grant, override]) => {
    const changed = Object.entries(override ?? {}).filter(([name, value]) => !same(name, value));
    return changed.length > 0 ? [[grant, Object.fromEntries(changed)]] : [];
  });
  return { ...shape, grants: Object.fromEntries(overrides) };
}

/** The whole config without prose (descriptions, scope texts): `security` of `strategies.ts`. */
export function shippedSecurity({ provider, schemes }: SecurityConfig): SecurityConfig {
  const shipped = Object.entries(schemes).map(([name, config]) => [name, shippedScheme(config)]);
  return { provider, schemes: Object.fromEntries(shipped) };
}

/** What the descriptor ships: an oauth2 scheme by its type alone, the static strategies' default schemes ready. */
export function securityOutline(security: SecurityConfig): SecurityOutline {
  const { provider, schemes } = shippedSecurity(security);
  const outlined = Object.entries(schemes).map(([name, config]) => [
    name,
    config.type === 'oauth2' ? { type: config.type } : config,
  ]);
  return { provider, schemes: Object.fromEntries(outlined), defaultSchemes: defaultSchemes(security) };
}
