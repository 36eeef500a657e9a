import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { InputError } from '../errors.js';
import type { ParsedFiles } from '../load/bundle.js';
import { git } from '../load/git.js';
import { GitObjects } from './git-objects.js';
import { HistoryUnavailableError } from './history-error.js';

/** A repository opened for reading histories: its top folder, the commit they end at, its objects. */
export interface HistoryRepository {
  top: string;
  ref: string;
  head: string;
  /** The commits of a shallow clone whose parents were not fetched (empty for a full clone). */
  boundary: Set<string>;
  objects: GitObjects;
  /** Parsed files by text, shared by every spec's versions (wootric-cxi reads files of spec/wootric). */
  parsedFiles: ParsedFiles;
}

/** Opens the repository holding `cwd`; `close()` its objects when done. */
export async function openRepository(cwd: string, ref: string): Promise<HistoryRepository> {
  let lines: string[];
  try {
    lines = (await git(cwd, ['rev-parse', '--show-toplevel', '--is-shallow-repository', '--git-path', 'shallow']))
      .trim()
      .split('\n');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      if (!existsSync(cwd)) throw new InputError(cwd, 'no such folder');
      throw new HistoryUnavailableError(
        cwd,
        'no-git',
        'git is not installed (or not on PATH): the history of the specs cannot be read',
      );
    }
    throw new HistoryUnavailableError(
      cwd,
      'not-a-repository',
      'not inside a git repository: the history of the specs cannot be read',
    );
  }
  const [top = cwd, shallow = 'false', shallowFile = ''] = lines;
  let head: string;
  try {
    head = (await git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim();
  } catch {
    throw new InputError(
      ref,
      'unknown git ref (in a CI checkout, fetch it first: actions/checkout with fetch-depth: 0)',
    );
  }
  const boundary = new Set<string>();
  if (shallow === 'true') {
    const text = await readFile(isAbsolute(shallowFile) ? shallowFile : join(cwd, shallowFile), 'utf8').catch(() => '');
    for (const line of text.split('\n')) if (line) boundary.add(line);
  }
  return { top, ref, head, boundary, objects: new GitObjects(top), parsedFiles: new Map() };
}
