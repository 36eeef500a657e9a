// The descriptor as `src/generated/provider.ts` ships it: what the runtime reads. Every browser
// bundle of a client carries this object, so the prose (descriptions, scope texts) stays in the
// spec, the docs and the JSDoc of the generated options, only deprecated operations are listed, and
// what codegen alone uses (title, version, strategies, body encoding) is left out: the strategies
// become the exports of `strategies.ts`, the body encoding the import of its encoder.
import type { SecuritySchemeConfig, TokenRequestConfig, TokenRequestShape } from '@oapi/auth';
import type { ProviderDescriptor, ServerDescriptor } from '@oapi/runtime';
import type { SpecDescriptor } from './descriptor.js';

function server({ url, variables, name, match }: ServerDescriptor): ServerDescriptor {
  return {
    url,
    ...(variables && {
      variables: Object.fromEntries(
        Object.entries(variables).map(([key, { default: value, enum: values, required }]) => [
          key,
          { default: value, ...(values && { enum: values }), ...(required && { required }) },
        ]),
      ),
    }),
    ...(name !== undefined && { name }),
    ...(match && { match }),
  };
}

function scheme(config: SecuritySchemeConfig): SecuritySchemeConfig {
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

export function shippedDescriptor(descriptor: SpecDescriptor): ProviderDescriptor {
  const { title: _, version: __, strategies: ___, bodyEncoding: ____, ...read } = descriptor;
  const { servers, tokenServers, security, tokenParameters } = read;
  return {
    ...read,
    servers: servers.map(server),
    ...(tokenServers && { tokenServers: tokenServers.map(server) }),
    security: {
      ...security,
      schemes: Object.fromEntries(Object.entries(security.schemes).map(([name, config]) => [name, scheme(config)])),
    },
    tokenParameters: tokenParameters.map(({ name, option }) => ({ name, option })),
  };
}
