import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { type ApiEntry, parseApiList } from './parse-api-list.js';

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

/** Every API listed under `apis:` in the repository's redocly.yaml. */
export async function listApis(repoRoot: string): Promise<ApiEntry[]> {
  return parseApiList(await readFile(join(repoRoot, 'redocly.yaml'), 'utf8'), 'redocly.yaml');
}

/** The bundled spec (JSON) that the bundle step wrote for an API. */
export async function readBundledSpec(repoRoot: string, api: ApiEntry): Promise<Record<string, unknown>> {
  const file = join(repoRoot, api.bundled.json);
  if (!existsSync(file))
    throw new Error(`${api.bundled.json} does not exist: run \`pnpm bundle\` (or \`pnpm build\`) first.`);
  return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
}
