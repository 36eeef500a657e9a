import { execFile } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { InputError } from '../errors.js';

const run = promisify(execFile);
const MAX_BUFFER = 512 * 1024 * 1024;

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: MAX_BUFFER, encoding: 'utf8' });
  return stdout;
}

/** The top folder of the git work tree that holds `cwd`. */
export async function gitRoot(cwd: string): Promise<string> {
  try {
    return (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
  } catch {
    throw new InputError(cwd, 'not inside a git repository');
  }
}

/** Fails with an input error naming the ref when it is not a commit of this repository. */
export async function verifyRef(cwd: string, ref: string): Promise<void> {
  try {
    await git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new InputError(
      ref,
      'unknown git ref (in a CI checkout, fetch it first: actions/checkout with fetch-depth: 0)',
    );
  }
}

/** A path relative to the repository root, with forward slashes, as `git show <ref>:<path>` takes it. */
export function repoPath(root: string, absolutePath: string): string {
  return relative(root, absolutePath).split('\\').join('/');
}

export async function existsAtRef(root: string, ref: string, path: string): Promise<boolean> {
  try {
    await git(root, ['cat-file', '-e', `${ref}:${path}`]);
    return true;
  } catch {
    return false;
  }
}

/** The text of a file at a ref; `absolutePath` is a path in the work tree. */
export async function readAtRef(root: string, ref: string, absolutePath: string): Promise<string> {
  const path = repoPath(root, resolve(root, absolutePath));
  try {
    return await git(root, ['show', `${ref}:${path}`]);
  } catch {
    throw new Error(`no file ${path} at ${ref}`);
  }
}
