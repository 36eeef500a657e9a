// The descriptor as `src/generated/provider.ts` ships it: what the runtime reads. Every browser
// bundle of a client carries this object, so the prose (descriptions, scope texts) stays in the
// spec, the docs and the JSDoc of the generated options, only deprecated operations are listed, and
// what codegen alone uses (title, version, strategies, body encoding) is left out: the strategies
// become the exports of `strategies.ts`, the body encoding the import of its encoder, token
// parameters (only where the spec has some) the import of their reader. What the
// runtime would derive at every construction (the option names, the example URL, the deprecated
// operations' `GET /path` keys, the token parameters by name) is written out ready.
import type { SecuritySchemeConfig, TokenRequestConfig, TokenRequestShape } from '@oapi/auth';
import { defaultUrl, type ProviderDescriptor, type ServerDescriptor } from '@oapi/runtime';
import type { SpecDescriptor } from './descriptor.js';
import { serverOptionNames, specOptionNames } from './render-options.js';

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
  const { id, servers, tokenServers, security, tokenParameters, pagination, deprecatedOperations } = descriptor;
  return {
    id,
    servers: servers.map(server),
    ...(tokenServers && { tokenServers: tokenServers.map(server) }),
    exampleUrl: defaultUrl(servers[0]!),
    options: specOptionNames(descriptor),
    serverOptions: serverOptionNames(descriptor),
    security: {
      ...security,
      schemes: Object.fromEntries(Object.entries(security.schemes).map(([name, config]) => [name, scheme(config)])),
    },
    ...(tokenParameters.length > 0 && {
      tokenParameters: Object.fromEntries(tokenParameters.map(({ name, option }) => [name, option])),
    }),
    ...(pagination && { pagination }),
    deprecatedOperations: deprecatedOperations.map(({ method, path }) => `${method} ${path}`),
  };
}
