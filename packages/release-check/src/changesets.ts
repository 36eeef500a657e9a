import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Bump, bumpAtLeast, InputError, maxBump } from '@oapi/spec-diff';
import { parse } from 'yaml';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const BUMPS = new Set(['major', 'minor', 'patch', 'none']);

/** The bump every pending changeset gives each package, with the files that give it. */
export interface DeclaredBumps {
  bumps: Map<string, { bump: Bump; files: string[] }>;
}

/**
 * Reads the pending changesets (`.changeset/*.md`). All of them count, not only the PR's own: the
 * next release bumps a package by the largest pending changeset, whichever PR added it.
 */
export async function readChangesets(root: string): Promise<DeclaredBumps> {
  const dir = join(root, '.changeset');
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((n) => n.endsWith('.md') && n !== 'README.md')
    .sort();
  const bumps = new Map<string, { bump: Bump; files: string[] }>();
  for (const name of names) {
    const file = `.changeset/${name}`;
    for (const [pkg, bump] of parseFrontmatter(await readFile(join(dir, name), 'utf8'), file)) {
      const current = bumps.get(pkg);
      bumps.set(pkg, { bump: maxBump(current?.bump ?? 'none', bump), files: [...(current?.files ?? []), file] });
    }
  }
  return { bumps };
}

function parseFrontmatter(text: string, file: string): Array<[string, Bump]> {
  const match = /^---\r?\n([\s\S]*?)\r?\n?---/.exec(text);
  if (!match)
    throw new InputError(file, 'no frontmatter: a changeset starts with `---`, one `"package": bump` a line, `---`');
  let data: unknown;
  try {
    data = parse(match[1]!) ?? {};
  } catch (error) {
    throw new InputError(file, `invalid frontmatter: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!isObject(data)) throw new InputError(file, 'frontmatter must map package names to major, minor or patch');
  return Object.entries(data).map(([pkg, bump]) => {
    if (typeof bump !== 'string' || !BUMPS.has(bump))
      throw new InputError(file, `"${pkg}": ${String(bump)} is not major, minor or patch`);
    return [pkg, bump as Bump];
  });
}

export interface BumpNeed {
  pkg: string;
  needed: Bump;
}

export interface ChangesetProblem extends BumpNeed {
  given: Bump;
  files: string[];
}

export function checkChangesets(needs: BumpNeed[], declared: DeclaredBumps): ChangesetProblem[] {
  return needs
    .filter((n) => n.needed !== 'none')
    .map((n) => ({
      ...n,
      given: declared.bumps.get(n.pkg)?.bump ?? 'none',
      files: declared.bumps.get(n.pkg)?.files ?? [],
    }))
    .filter((p) => !bumpAtLeast(p.given, p.needed));
}

/** Writes `.changeset/<name>.md` giving each package its bump, with one user-facing sentence. */
export async function writeChangeset(root: string, name: string, needs: BumpNeed[], sentence: string): Promise<string> {
  const lines = needs.filter((n) => n.needed !== 'none').map((n) => `"${n.pkg}": ${n.needed}`);
  const file = `.changeset/${name}.md`;
  await writeFile(join(root, file), `---\n${lines.join('\n')}\n---\n\n${sentence}\n`);
  return file;
}
