// The APIs of this repository, read from redocly.yaml: the one list every tool iterates.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** @returns {Promise<Array<{ name: string, id: string, version: string, root: string }>>} */
export async function listApis() {
  const config = parse(await readFile(resolve(repoRoot, 'redocly.yaml'), 'utf8'));
  return Object.entries(config.apis ?? {}).map(([name, api]) => {
    const [id, version = ''] = name.split('@');
    return {
      name,
      id,
      version,
      root: api.root,
      bundled: { yaml: `dist/${id}.openapi.yaml`, json: `dist/${id}.openapi.json` },
    };
  });
}
