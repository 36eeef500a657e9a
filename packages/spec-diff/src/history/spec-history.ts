import { dirname, resolve } from 'node:path';
import type { ExtensionTable } from '../compare/extensions.js';
import { diffSpecs } from '../diff.js';
import { repoPath } from '../load/git.js';
import { emptySpec } from '../load/load-spec.js';
import type { DiffResult } from '../types.js';
import { type CommitInfo, commitsTouching } from './commits.js';
import { HistoryUnavailableError } from './history-error.js';
import { type HistoryRepository, openRepository } from './repository.js';
import { type SpecVersion, SpecVersions } from './spec-versions.js';

export interface SpecHistoryOptions extends SpecHistoriesOptions {
  /** The spec's root file (`spec/klika/openapi.yaml`), relative to `cwd` or absolute. */
  root: string;
}

/** One commit that changed the bundled spec, diffed against its parent. */
export interface HistoryEntry extends DiffResult {
  commit: string;
  shortCommit: string;
  /** The first parent it is compared with; null for a root commit. */
  parent: string | null;
  /** Committer date, ISO 8601. */
  date: string;
  subject: string;
  /** `added`: the first commit with the spec (its findings are every operation, added). */
  change: 'added' | 'changed' | 'removed';
  /** Set when the spec at the commit or its parent does not load: the entry then has no findings. */
  problem?: string;
}

export interface SpecHistory {
  /** The root file, relative to the repository root. */
  root: string;
  ref: string;
  /** What `git log` was asked about: the spec's folder and every file outside it that the spec `$ref`s. */
  paths: string[];
  /** Newest first. */
  entries: HistoryEntry[];
  /** Commits that touched `paths`, and distinct versions of the bundled spec loaded among them. */
  commits: number;
  versions: number;
}

export interface SpecHistoriesOptions {
  /** A folder in the repository; the current one by default. */
  cwd?: string;
  /** The commit the histories end at; `HEAD` by default. */
  ref?: string;
  /**
   * How changes to `x-` extensions are judged (as `diffSpecs` takes it); without it a changed
   * extension is `unknown-extension-changed`. One table judges every commit: the current one.
   */
  extensions?: ExtensionTable;
}

/**
 * The history of one spec: every commit reachable from `ref` that changed the spec's folder or a
 * file it `$ref`s, loaded and bundled as it was at the commit and at its parent, and diffed (with
 * `extensions` judging `x-` changes). A commit whose diff finds nothing (reformatting, a file the
 * spec does not use, `info.version`, an extension the table ignores) has no entry; neither has a
 * merge (its changes are the entries of the commits it merges). Each distinct version is bundled
 * once. Throws a `HistoryUnavailableError` when git, the repository or (in a shallow
 * clone) part of the history is missing.
 */
export async function specHistory(options: SpecHistoryOptions): Promise<SpecHistory> {
  const reader = await openHistories(options);
  try {
    return await reader.history(options.root);
  } finally {
    reader.close();
  }
}

/** Reads the histories of several specs of one repository, sharing one reader of its objects. */
export interface HistoryReader {
  /** The top folder of the repository. */
  readonly top: string;
  /** The history of one spec; rejects on its own (a shallow clone can cut one spec's history and not another's). */
  history(root: string): Promise<SpecHistory>;
  /** Ends the `git cat-file` processes. */
  close(): void;
}

/** Opens the repository holding `cwd` for `history(root)` calls; `close()` it when done. */
export async function openHistories(options: SpecHistoriesOptions = {}): Promise<HistoryReader> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const repo = await openRepository(cwd, options.ref ?? 'HEAD');
  return {
    top: repo.top,
    history: (root) => walk(repo, repoPath(repo.top, resolve(cwd, root)), options.extensions ?? {}),
    close: () => repo.objects.close(),
  };
}

async function walk(repo: HistoryRepository, root: string, extensions: ExtensionTable): Promise<SpecHistory> {
  const versions = new SpecVersions(
    repo.objects,
    repo.top,
    root,
    (commit) => `${commit.slice(0, 7)}:${root}`,
    repo.parsedFiles,
  );
  await versions.at(repo.head);
  let paths = logPaths(root, versions.filesRead());
  let commits: CommitInfo[];
  // Loading older versions can reach files the newer ones do not `$ref`: ask git again with them.
  for (;;) {
    commits = await commitsTouching(repo.top, repo.ref, paths);
    for (const commit of commits.filter((c) => c.parents.length <= 1)) {
      const version = await versions.at(commit.commit);
      // A shallow clone's oldest commit looks like a root: only one without the spec is harmless.
      if (repo.boundary.has(commit.commit) && present(version)) throw shallow(root, commit);
      if (commit.parents[0]) await versions.at(commit.parents[0]);
    }
    const next = logPaths(root, versions.filesRead());
    if (next.length === paths.length) break;
    paths = next;
  }
  const entries: HistoryEntry[] = [];
  for (const commit of commits) {
    const entry = await entryFor(commit, versions, root, extensions);
    if (entry) entries.push(entry);
  }
  return { root, ref: repo.ref, paths, entries, commits: commits.length, versions: versions.loaded };
}

async function entryFor(
  info: CommitInfo,
  versions: SpecVersions,
  root: string,
  extensions: ExtensionTable,
): Promise<HistoryEntry | undefined> {
  if (info.parents.length > 1) return undefined;
  const parent = info.parents[0] ?? null;
  const after = await versions.at(info.commit);
  const before: SpecVersion = parent ? await versions.at(parent) : { commit: '', spec: undefined, files: new Map() };
  if (after === before) return undefined;
  if (!present(before) && !present(after)) return undefined;
  const change = !present(before) ? 'added' : !present(after) ? 'removed' : 'changed';
  const base = {
    commit: info.commit,
    shortCommit: info.shortCommit,
    parent,
    date: info.date,
    subject: info.subject,
    change,
  } as const;
  const failed = after.error ?? before.error;
  if (failed) {
    const where = after.error ? 'at this commit' : 'at its parent';
    return {
      ...base,
      findings: [],
      summary: { breaking: 0, warning: 0, info: 0 },
      bump: 'none',
      problem: `the spec does not load ${where}: ${failed.message}`,
    };
  }
  const result = diffSpecs(
    before.spec ?? emptySpec(`${parent?.slice(0, 7) ?? 'none'}:${root}`),
    after.spec ?? emptySpec(`${info.shortCommit}:${root}`),
    { extensions },
  );
  if (change === 'changed' && result.findings.length === 0) return undefined;
  return { ...base, ...result };
}

const present = (version: SpecVersion): boolean => version.spec !== undefined || version.error !== undefined;

/** The spec's folder, and each file outside it that some version read; sorted. */
function logPaths(root: string, files: Set<string>): string[] {
  const folder = dirname(root);
  if (folder === '.') return [...new Set([root, ...files])].sort();
  const outside = [...files].filter((file) => !file.startsWith(`${folder}/`));
  return [folder, ...new Set(outside)].sort();
}

function shallow(root: string, cut: CommitInfo): HistoryUnavailableError {
  return new HistoryUnavailableError(
    root,
    'shallow-clone',
    `the clone is shallow: its history stops at ${cut.shortCommit} (${cut.date.slice(0, 10)}), which already has the spec, so the commits that made it cannot be read. Fetch the whole history (git fetch --unshallow; on GitHub Actions, actions/checkout with fetch-depth: 0)`,
  );
}
