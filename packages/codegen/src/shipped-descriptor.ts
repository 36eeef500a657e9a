// The descriptor as `src/generated/provider.ts` ships it: what the runtime reads. Every browser
// bundle of a client carries this object, so the prose (descriptions, scope texts) stays in the
// spec, the docs and the JSDoc of the generated options, only deprecated operations are listed, and
// what codegen alone uses (title, version, strategies, body encoding) is left out: the strategies
// become the exports of `strategies.ts`, the body encoding the import of its encoder, token
// parameters (only where the spec has some) the import of their reader. Its security is the
// outline: what only grants use travels with them (shipped-security.ts). What the
// runtime would derive at every construction (the option names, the example URL, the deprecated
// operations' `GET /path` keys, the token parameters by name) is written out ready.
import { defaultUrl, type ProviderDescriptor, type ServerDescriptor } from '@oapi/runtime';
import type { SpecDescriptor } from './descriptor.js';
import { serverOptionNames, specOptionNames } from './render-options.js';
import { securityOutline } from './shipped-security.js';

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

export function shippedDescriptor(descriptor: SpecDescriptor): ProviderDescriptor {
  const { id, servers, tokenServers, security, tokenParameters, pagination, deprecatedOperations } = descriptor;
  return {
    id,
    servers: servers.map(server),
    ...(tokenServers && { tokenServers: tokenServers.map(server) }),
    exampleUrl: defaultUrl(servers[0]!),
    options: specOptionNames(descriptor),
    serverOptions: serverOptionNames(descriptor),
    security: securityOutline(security),
    ...(tokenParameters.length > 0 && {
      tokenParameters: Object.fromEntries(tokenParameters.map(({ name, option }) => [name, option])),
    }),
    ...(pagination && { pagination }),
    deprecatedOperations: deprecatedOperations.map(({ method, path }) => `${method} ${path}`),
  };
}
