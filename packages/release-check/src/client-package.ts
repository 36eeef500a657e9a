import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiEntry } from '@oapi/api-list';
import { type Bump, InputError } from '@oapi/spec-diff';

export interface ClientPackage {
  name: string;
  version: string;
  private: boolean;
  path: string;
}

/** The client generated from an API (`packages/<id>/package.json`), or undefined when there is none yet. */
export async function readClientPackage(root: string, api: ApiEntry): Promise<ClientPackage | undefined> {
  const path = `${api.client.dir}/package.json`;
  let text: string;
  try {
    text = await readFile(join(root, path), 'utf8');
  } catch {
    return undefined;
  }
  let manifest: { name?: unknown; version?: unknown; private?: unknown };
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    throw new InputError(path, `invalid JSON: ${(error as Error).message}`);
  }
  if (typeof manifest.name !== 'string') throw new InputError(path, '`name` is missing');
  return {
    name: manifest.name,
    version: typeof manifest.version === 'string' ? manifest.version : '0.0.0',
    private: manifest.private === true,
    path,
  };
}

/** The version a bump leads to, as changesets computes it (a major of 0.x releases 1.0.0). */
export function nextVersion(version: string, bump: Bump): string {
  const [major = 0, minor = 0, patch = 0] = version
    .split(/[.+-]/)
    .slice(0, 3)
    .map((n) => Number.parseInt(n, 10) || 0);
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  if (bump === 'patch') return `${major}.${minor}.${patch + 1}`;
  return version;
}

/** What a bump means for a 0.x package, where many read a minor as breaking. */
export function bumpMeaning(version: string, bump: Bump): string | undefined {
  if (bump === 'none' || !version.startsWith('0.')) return undefined;
  if (bump === 'major') return `releases ${nextVersion(version, bump)}, the first stable version`;
  return `releases ${nextVersion(version, bump)}; the changeset type stays ${bump}`;
}
