import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A provider's generated client, `packages/<id>`, as the docs use it in code samples. */
export interface ClientPackage {
  /** `@oapi/klika` */
  readonly name: string;
  readonly dir: string;
  /** `createKlikaClient` */
  readonly factory: string;
  /** The values its entry point exports (strategies, `unwrap`, error classes …). */
  readonly exports: ReadonlySet<string>;
}

/**
 * The value exports of a module's source: `export { a, b as c }` and `export function|const|class`.
 * Type-only exports are left out. (`export *` cannot be read this way; the client template lists its
 * re-exports explicitly, and the docs tests compile every sample, so a miss cannot go unnoticed.)
 */
export function valueExports(source: string): Set<string> {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const names = new Set<string>();
  for (const match of code.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of match[1]!.split(',')) {
      const item = part.trim();
      if (item === '' || /^type\s/.test(item)) continue;
      names.add(item.match(/\bas\s+([\w$]+)$/)?.[1] ?? item.split(/\s/)[0]!);
    }
  }
  for (const match of code.matchAll(/export\s+(?:async\s+)?(?:function\*?|const|let|var|class)\s+([\w$]+)/g))
    names.add(match[1]!);
  return names;
}

/**
 * The client package of provider `id`, when `packages/<id>` holds one named `@oapi/<id>` whose entry
 * point exports a `create…Client` factory; `undefined` while the client is still being written.
 */
export function findClientPackage(repoRoot: string, id: string): ClientPackage | undefined {
  const dir = join(repoRoot, 'packages', id);
  const manifest = join(dir, 'package.json');
  const entry = join(dir, 'src', 'index.ts');
  if (!existsSync(manifest) || !existsSync(entry)) return undefined;
  const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
  if (name !== `@oapi/${id}`) return undefined;
  const exports = valueExports(readFileSync(entry, 'utf8'));
  const factory = [...exports].find((value) => /^create\w*Client$/.test(value));
  return factory ? { name, dir, factory, exports } : undefined;
}
