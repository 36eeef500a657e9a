import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';

export interface ApiEntry {
  /** `klika@v1` */
  readonly name: string;
  /** The provider id: `spec/<id>/`, `packages/<id>/`, `dist/<id>.openapi.json`. */
  readonly id: string;
  readonly version: string;
  /** The spec's root file, relative to the repository root. */
  readonly root: string;
}

/** The repository root: the nearest folder upwards that holds `redocly.yaml`. */
export function findRepoRoot(from: string = process.cwd()): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, 'redocly.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No redocly.yaml found in ${from} or any folder above it.`);
    dir = parent;
  }
  return dir;
}

/** Every API listed under `apis:` in redocly.yaml. */
export async function listApis(repoRoot: string): Promise<ApiEntry[]> {
  const config = parse(await readFile(join(repoRoot, 'redocly.yaml'), 'utf8')) as {
    apis?: Record<string, { root: string }>;
  };
  return Object.entries(config.apis ?? {}).map(([name, api]) => {
    const [id = name, version = ''] = name.split('@');
    return { name, id, version, root: api.root };
  });
}

/** The bundled spec that the build step wrote for an API. */
export async function readBundledSpec(repoRoot: string, id: string): Promise<Record<string, unknown>> {
  const file = join(repoRoot, 'dist', `${id}.openapi.json`);
  if (!existsSync(file)) throw new Error(`${file} does not exist: run \`pnpm bundle\` (or \`pnpm build\`) first.`);
  return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
}
