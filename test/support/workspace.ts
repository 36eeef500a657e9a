// The workspace as the packaging tests see it: which packages are published, and where.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly exports?: Record<string, unknown>;
  readonly dependencies?: Record<string, string>;
  readonly [field: string]: unknown;
}

export interface PublishedPackage {
  /** The folder name under packages/: `klika`. */
  readonly id: string;
  readonly dir: string;
  readonly manifest: Manifest;
  /** `.` and `./node`: the subpaths of `exports` that are code (not `./package.json`). */
  readonly entries: readonly string[];
}

export const readManifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

/** Every package under packages/ that is not `private`, in folder order (of this repository, or of `root`). */
export function publishedPackages(root: string = repoRoot): PublishedPackage[] {
  const packagesDir = join(root, 'packages');
  return readdirSync(packagesDir)
    .sort()
    .flatMap((id) => {
      const dir = join(packagesDir, id);
      let manifest: Manifest;
      try {
        manifest = readManifest(dir);
      } catch {
        return [];
      }
      if (manifest.private === true) return [];
      const entries = Object.keys(manifest.exports ?? { '.': null }).filter((key) => !key.endsWith('.json'));
      return [{ id, dir, manifest, entries }];
    });
}

/** The specifier that imports `entry` of `name`: `@oapi/auth/node` for `./node`. */
export const specifier = (name: string, entry: string) => (entry === '.' ? name : `${name}/${entry.slice(2)}`);
