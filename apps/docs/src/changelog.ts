import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_TABLE } from '@oapi/api-list';
import { type HistoryEntry, InputError, openHistories, readExtensionTable } from '@oapi/spec-diff';

/** A provider's changelog: the commits that changed its spec, or why its history could not be read. */
export type Changelog = { readonly entries: readonly HistoryEntry[] } | { readonly unavailable: string };

/**
 * The changelog of each API (`id` → `root`, the spec's root file), from the git history of the
 * repository at `repoRoot`, by `@oapi/spec-diff`, judging `x-` changes by spec/EXTENSIONS.md as
 * `pnpm spec:diff` does (a repository without the table gets unknown-extension findings). Where
 * the history cannot be read (no git, not a repository, a shallow clone that stops after the spec
 * was added) the changelog says why instead; any other error (a broken extension table included)
 * is thrown.
 */
export async function readChangelogs(
  repoRoot: string,
  apis: ReadonlyArray<{ readonly id: string; readonly root: string }>,
): Promise<Map<string, Changelog>> {
  const changelogs = new Map<string, Changelog>();
  const table = join(repoRoot, EXTENSION_TABLE);
  const extensions = existsSync(table) ? await readExtensionTable(table) : {};
  let reader: Awaited<ReturnType<typeof openHistories>>;
  try {
    reader = await openHistories({ cwd: repoRoot, extensions });
  } catch (error) {
    const unavailable = reason(error);
    for (const api of apis) changelogs.set(api.id, { unavailable });
    return changelogs;
  }
  try {
    const histories = await Promise.allSettled(apis.map((api) => reader.history(api.root)));
    apis.forEach((api, i) => {
      const history = histories[i]!;
      changelogs.set(
        api.id,
        history.status === 'fulfilled' ? { entries: history.value.entries } : { unavailable: reason(history.reason) },
      );
    });
    return changelogs;
  } finally {
    reader.close();
  }
}

function reason(error: unknown): string {
  if (error instanceof InputError) return error.message;
  throw error;
}

/** The build's line about a changelog: the number of entries, or (on stderr) why there is none. */
export function changelogNotice(
  id: string,
  changelog: Changelog,
): { readonly stream: 'stdout' | 'stderr'; readonly text: string } {
  if ('unavailable' in changelog) {
    return {
      stream: 'stderr',
      text: `docs: warning: ${id}/changelog.html says the history could not be read: ${changelog.unavailable}`,
    };
  }
  const count = changelog.entries.length;
  return { stream: 'stdout', text: `docs: ${id} changelog: ${count} ${count === 1 ? 'entry' : 'entries'}` };
}
