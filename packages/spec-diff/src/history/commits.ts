import { git } from '../load/git.js';

/** A commit as `git log` lists it. */
export interface CommitInfo {
  commit: string;
  /** The abbreviation git prints for it (unique in this repository). */
  shortCommit: string;
  /** The committer date, ISO 8601 with the committer's offset. */
  date: string;
  subject: string;
  parents: string[];
}

const FIELD = '\x1f';
const RECORD = '\x1e';

/**
 * The commits reachable from `ref` that changed any of `paths`, newest first, with git's default
 * history simplification: a merge that took one side's files unchanged is skipped in favour of
 * that side's own commits.
 */
export async function commitsTouching(root: string, ref: string, paths: readonly string[]): Promise<CommitInfo[]> {
  const format = ['%H', '%h', '%cI', '%P', '%s'].join(FIELD) + RECORD;
  const out = await git(root, ['log', `--format=${format}`, ref, '--', ...paths.map((p) => `:(literal)${p}`)]);
  return out
    .split(RECORD)
    .map((record) => record.replace(/^\n/, ''))
    .filter((record) => record !== '')
    .map((record) => {
      const [commit = '', shortCommit = '', date = '', parents = '', ...subject] = record.split(FIELD);
      return { commit, shortCommit, date, subject: subject.join(FIELD), parents: parents.split(' ').filter(Boolean) };
    });
}
