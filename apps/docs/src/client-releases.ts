// The releases of a client package, as the changelog groups a spec's changes by them: the released
// ones from the git tags changesets writes (`@oapi/klika@0.2.0`), the next one from the changesets
// waiting in `.changeset/`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bump } from '@oapi/spec-diff';
import { parse } from 'yaml';

export interface ClientRelease {
  readonly version: string;
  /** The tagged commit's date, ISO 8601. */
  readonly date: string;
  /** Every commit the release holds: those its tag reaches. */
  readonly commits: ReadonlySet<string>;
}

/** A changeset not released yet that names the package: its bump and its user-facing sentences. */
export interface PendingChangeset {
  readonly file: string;
  readonly bump: Exclude<Bump, 'none'>;
  readonly summary: string;
}

export interface ClientReleases {
  readonly packageName: string;
  /** Oldest first. */
  readonly released: readonly ClientRelease[];
  readonly pending: readonly PendingChangeset[];
  /** The version the pending changesets lead to; undefined without any. */
  readonly next: { readonly version: string; readonly bump: Exclude<Bump, 'none'> } | undefined;
}

const BUMPS = ['patch', 'minor', 'major'] as const;

const numbers = (version: string) => version.split(/[.+-]/).slice(0, 3).map(Number);

function compareVersions(a: string, b: string): number {
  const [x, y] = [numbers(a), numbers(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** `0.1.0` + `minor` → `0.2.0`, as `changeset version` bumps. */
export function bumpVersion(version: string, bump: Exclude<Bump, 'none'>): string {
  const [major = 0, minor = 0, patch = 0] = numbers(version);
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/** The changesets of `.changeset/` that name `packageName`, by file name. */
export function pendingChangesets(repoRoot: string, packageName: string): PendingChangeset[] {
  const dir = join(repoRoot, '.changeset');
  if (!existsSync(dir)) return [];
  const found: PendingChangeset[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.md') || file === 'README.md') continue;
    const text = readFileSync(join(dir, file), 'utf8');
    const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
    if (!match) throw new Error(`.changeset/${file}: no front matter (--- "package": bump ---) at its top`);
    const bumps = (parse(match[1]!) ?? {}) as Record<string, unknown>;
    const bump = bumps[packageName];
    if (bump === undefined) continue;
    if (!BUMPS.includes(bump as (typeof BUMPS)[number]))
      throw new Error(`.changeset/${file}: "${packageName}": ${String(bump)} is not patch, minor or major`);
    found.push({ file, bump: bump as PendingChangeset['bump'], summary: match[2]!.trim() });
  }
  return found;
}

function git(repoRoot: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

/** The package's released versions from its tags (none outside a git repository). */
export function taggedReleases(repoRoot: string, packageName: string): ClientRelease[] {
  let tags: string[];
  try {
    tags = git(repoRoot, 'tag', '--list', `${packageName}@*`).split('\n').filter(Boolean);
  } catch {
    return [];
  }
  return tags
    .map((tag) => {
      const [commit, date] = git(repoRoot, 'log', '-1', '--format=%H %cI', `${tag}^{commit}`).trim().split(' ');
      const commits = new Set(git(repoRoot, 'rev-list', commit!).split('\n').filter(Boolean));
      return { version: tag.slice(packageName.length + 1), date: date!, commits };
    })
    .sort((a, b) => compareVersions(a.version, b.version));
}

/** The releases of `packageName` (at `version` in its package.json) in the repository at `repoRoot`. */
export function readClientReleases(repoRoot: string, packageName: string, version: string): ClientReleases {
  const pending = pendingChangesets(repoRoot, packageName);
  const bump = BUMPS.findLast((b) => pending.some((c) => c.bump === b));
  return {
    packageName,
    released: taggedReleases(repoRoot, packageName),
    pending,
    next: bump && { version: bumpVersion(version, bump), bump },
  };
}
