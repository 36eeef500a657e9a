import { execFile } from 'node:child_process';
import { relative } from 'node:path';
import { promisify } from 'node:util';
import { InputError } from '../errors.js';
import { GitObjects } from '../history/git-objects.js';

const run = promisify(execFile);

/** Runs git in `cwd` and returns its standard output. */
export async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  return stdout;
}

/** A path relative to the repository root, with forward slashes, as git names it. */
export function repoPath(root: string, absolutePath: string): string {
  return relative(root, absolutePath).split('\\').join('/');
}

/**
 * Reads the files of one repository at commits through one `git cat-file` pipe, the way every
 * part of spec-diff reads git (a spec at a ref, a history). `close()` it when done.
 */
export class GitReader {
  private constructor(
    /** The top folder of the work tree. */
    readonly root: string,
    readonly objects: GitObjects,
  ) {}

  /** The repository that holds `cwd`. */
  static async open(cwd: string): Promise<GitReader> {
    let root: string;
    try {
      root = (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
    } catch {
      throw new InputError(cwd, 'not inside a git repository');
    }
    return new GitReader(root, new GitObjects(root));
  }

  /** The commit a ref names; an InputError naming the ref when there is none. */
  async commit(ref: string): Promise<string> {
    try {
      return (await git(this.root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim();
    } catch {
      throw new InputError(
        ref,
        'unknown git ref (in a CI checkout, fetch it first: actions/checkout with fetch-depth: 0)',
      );
    }
  }

  /** Whether `path` (from the repository root) is a file at `commit`. */
  async exists(commit: string, path: string): Promise<boolean> {
    return (await this.objects.oid(commit, path)) !== undefined;
  }

  /** The text of `path` at `commit`; throws when there is no such file. */
  async read(commit: string, path: string): Promise<string> {
    return (await this.objects.read(commit, path)).text;
  }

  close(): void {
    this.objects.close();
  }
}
