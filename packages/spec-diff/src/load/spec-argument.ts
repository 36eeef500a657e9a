import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { LoadedSpec } from '../types.js';
import { GitReader, repoPath } from './git.js';
import { type LoadOptions, loadSpec, loadSpecFile } from './load-spec.js';

/**
 * The spec at `path` (relative to the repository root) as `ref` (resolved to `commit`) holds it,
 * with every `$ref`'d file read from that commit too; messages name it `<ref>:<path>`.
 */
export async function loadSpecFromGit(
  reader: GitReader,
  ref: string,
  commit: string,
  path: string,
  options: LoadOptions = {},
): Promise<LoadedSpec> {
  const label = `${ref}:${path}`;
  if (!(await reader.exists(commit, path))) throw new InputError(label, `no spec at ${ref}`);
  return loadSpec(
    label,
    resolve(reader.root, path),
    (file) => reader.read(commit, repoPath(reader.root, file)),
    options,
  );
}

/** Loads the spec at `path` as it was at a git ref, with every `$ref`'d file read from that ref too. */
export async function loadSpecAtRef(ref: string, path: string, cwd = process.cwd()): Promise<LoadedSpec> {
  const reader = await GitReader.open(cwd);
  try {
    const commit = await reader.commit(ref);
    const inRepo = repoPath(reader.root, resolve(cwd, path));
    return await loadSpecFromGit(reader, ref, commit, inRepo);
  } finally {
    reader.close();
  }
}

/**
 * A spec named on the command line: a file, or `<git-ref>:<path>` (as `git show` spells it) when no
 * file has that name.
 */
export function loadSpecArgument(argument: string, cwd = process.cwd()): Promise<LoadedSpec> {
  const gitSpec = /^([^:]+):(.+)$/.exec(argument);
  if (gitSpec && !existsSync(resolve(cwd, argument))) return loadSpecAtRef(gitSpec[1]!, gitSpec[2]!, cwd);
  return loadSpecFile(argument, cwd);
}
