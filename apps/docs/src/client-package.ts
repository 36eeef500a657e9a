import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiEntry } from '@oapi/api-list';
import type { StrategyName } from '@oapi/auth';
import { providerDescriptor } from '@oapi/codegen';
import type { TokenParameter } from '@oapi/runtime';
import type { Json } from './spec-json.js';

/** A provider's generated client, `packages/<id>`, as the docs use it in code samples. */
export interface ClientPackage {
  /** `@oapi/klika` */
  readonly name: string;
  /** Its `package.json` version: the last release, or the first one to come. */
  readonly version: string;
  readonly dir: string;
  /** `createKlikaClient` */
  readonly factory: string;
  /** The strategy factories it exports: its provider descriptor's, from the spec's security schemes. */
  readonly strategies: readonly StrategyName[];
  /** Its token-request parameters, each a client option (`accountToken`). */
  readonly tokenParameters: readonly TokenParameter[];
}

/**
 * The client package of an API, when `packages/<id>` holds one named `@oapi/<id>`; `undefined`
 * while the client is still being written. What it exports is what its descriptor says, read
 * from the same spec by the same generator.
 */
export function findClientPackage(repoRoot: string, api: ApiEntry, spec: Json): ClientPackage | undefined {
  const dir = join(repoRoot, api.client.dir);
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) return undefined;
  const { name, version = '0.0.0' } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
  if (name !== api.client.name) return undefined;
  const { strategies, tokenParameters } = providerDescriptor(api, spec);
  return { name, version, dir, factory: api.client.factory, strategies, tokenParameters };
}
