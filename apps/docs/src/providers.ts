import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ApiEntry, listApis } from '@oapi/api-list';
import type { SecurityConfig } from '@oapi/auth';
import { providerDescriptor, type SpecDescriptor } from '@oapi/codegen';
import { defaultUrl } from '@oapi/runtime';
import { findClientPackage, type ClientPackage } from './client-package.js';
import { isObject, type Json } from './spec-json.js';

/** One API of redocly.yaml, with its bundled spec and (when it exists) its client package. */
export interface Provider {
  /** `klika`: the folder under spec/, packages/ and the site. */
  readonly id: string;
  /** `klika@v1`, as redocly.yaml names it. */
  readonly name: string;
  readonly title: string;
  readonly summary: string;
  /** `info.version` of the spec. */
  readonly version: string;
  readonly spec: Json;
  /** The bundled spec files the build step wrote, absolute. */
  readonly bundled: { readonly yaml: string; readonly json: string };
  /** What the generator makes of the spec for the client: servers, token servers, security, encodings. */
  readonly descriptor: SpecDescriptor;
  readonly security: SecurityConfig;
  /** The first server's URL with its variables' defaults, e.g. `https://api.wootric.com`. */
  readonly baseUrl: string;
  /** Where relative token, refresh and authorization URLs resolve: the token endpoint's own server, else `baseUrl`. */
  readonly tokenBaseUrl: string;
  readonly client: ClientPackage | undefined;
}

/** A provider from its parsed bundled spec (the build reads it from `dist/<id>.openapi.json`). */
export function providerFromSpec(
  api: Pick<ApiEntry, 'id' | 'name' | 'version'>,
  spec: Json,
  bundled: Provider['bundled'],
  client: ClientPackage | undefined,
): Provider {
  const info = isObject(spec.info) ? spec.info : {};
  const descriptor = providerDescriptor(api, spec);
  const example = (servers: SpecDescriptor['servers'] | undefined) =>
    servers?.[0] ? defaultUrl(servers[0]) : undefined;
  const baseUrl = example(descriptor.servers) ?? 'https://api.example.com';
  return {
    id: api.id,
    name: api.name,
    title: typeof info.title === 'string' ? info.title : api.id,
    summary: typeof info.summary === 'string' ? info.summary : '',
    version: typeof info.version === 'string' ? info.version : api.version,
    spec,
    bundled,
    descriptor,
    security: descriptor.security,
    baseUrl,
    tokenBaseUrl: example(descriptor.tokenServers) ?? baseUrl,
    client,
  };
}

/** Every API listed in `redocly.yaml`, in its order. Needs the bundles of `pnpm bundle`. */
export async function loadProviders(repoRoot: string): Promise<Provider[]> {
  const apis = await listApis(repoRoot);
  if (apis.length === 0) throw new Error(`${join(repoRoot, 'redocly.yaml')} lists no API under "apis:"`);
  return apis.map((api) => {
    const bundled = { yaml: join(repoRoot, api.bundled.yaml), json: join(repoRoot, api.bundled.json) };
    for (const file of Object.values(bundled)) {
      if (!existsSync(file))
        throw new Error(`${file} does not exist: run \`pnpm bundle\` (or \`pnpm build\`) before building the docs.`);
    }
    const spec = JSON.parse(readFileSync(bundled.json, 'utf8')) as Json;
    return providerFromSpec(api, spec, bundled, findClientPackage(repoRoot, api, spec));
  });
}
