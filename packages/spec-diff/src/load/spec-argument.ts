import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { LoadedSpec } from '../types.js';
import { existsAtRef, gitRoot, readAtRef, repoPath, verifyRef } from './git.js';
import { loadSpec, loadSpecFile } from './load-spec.js';

/** Loads the spec at `path` as it was at a git ref, with every `$ref`'d file read from that ref too. */
export async function loadSpecAtRef(ref: string, path: string, cwd = process.cwd()): Promise<LoadedSpec> {
  const root = await gitRoot(cwd);
  await verifyRef(root, ref);
  const absolutePath = resolve(cwd, path);
  const inRepo = repoPath(root, absolutePath);
  const label = `${ref}:${inRepo}`;
  if (!(await existsAtRef(root, ref, inRepo))) throw new InputError(label, `no spec at ${ref}`);
  return loadSpec(label, absolutePath, (file) => readAtRef(root, ref, file));
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
