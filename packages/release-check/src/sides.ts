import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ApiEntry, ApiListError, parseApiList } from '@oapi/api-list';
import {
  emptySpec,
  type GitReader,
  InputError,
  type LoadedSpec,
  type LoadOptions,
  loadSpecFile,
  loadSpecFromGit,
} from '@oapi/spec-diff';

/** One side of the comparison: a commit of the repository, or the work tree. */
export interface Side {
  /** `main`, or `work tree`. */
  readonly label: string;
  readonly apis: ApiEntry[];
  exists(path: string): Promise<boolean>;
  /** A file of the repository as this side has it, with the name to give it in messages; undefined when absent. */
  readText(path: string): Promise<{ text: string; file: string } | undefined>;
  load(api: ApiEntry): Promise<LoadedSpec>;
}

/** The APIs of a redocly.yaml text; its problems as input errors naming the file and the line. */
function apisOf(text: string, file: string): ApiEntry[] {
  try {
    return parseApiList(text, file);
  } catch (error) {
    if (error instanceof ApiListError) throw new InputError(error.file, error.problem, error.line);
    throw error;
  }
}

export async function commitSide(reader: GitReader, ref: string, options: LoadOptions): Promise<Side> {
  const commit = await reader.commit(ref);
  const exists = (path: string) => reader.exists(commit, path);
  const readText = async (path: string) =>
    (await exists(path)) ? { text: await reader.read(commit, path), file: `${ref}:${path}` } : undefined;
  const config = await readText('redocly.yaml');
  const apis = config ? apisOf(config.text, config.file) : [];
  return { label: ref, apis, exists, readText, load: (api) => loadSpecFromGit(reader, ref, commit, api.root, options) };
}

export async function workTreeSide(root: string, options: LoadOptions): Promise<Side> {
  const exists = async (path: string) => existsSync(join(root, path));
  return {
    label: 'work tree',
    apis: apisOf(await readFile(join(root, 'redocly.yaml'), 'utf8'), 'redocly.yaml'),
    exists,
    readText: async (path) =>
      (await exists(path)) ? { text: await readFile(join(root, path), 'utf8'), file: path } : undefined,
    load: (api) => loadSpecFile(api.root, root, options),
  };
}

export interface ApiPair {
  id: string;
  base?: ApiEntry;
  head?: ApiEntry;
}

/** Every API of the base and the head, by id: one added by the PR exists only in the head. */
export function unionApis(base: ApiEntry[], head: ApiEntry[]): ApiPair[] {
  const byId = new Map<string, ApiPair>();
  for (const api of head) byId.set(api.id, { id: api.id, head: api });
  for (const api of base) byId.set(api.id, { id: api.id, ...byId.get(api.id), base: api });
  return [...byId.values()];
}

/** The API's spec on one side; an empty one, with a note, where it has none (or the side does not list it). */
export async function specOf(
  side: Side,
  api: ApiEntry,
  notes: string[],
  role: 'base' | 'head',
  listed = true,
): Promise<LoadedSpec> {
  if (listed && (await side.exists(api.root))) return side.load(api);
  const label = side.label === 'work tree' ? api.root : `${side.label}:${api.root}`;
  notes.push(
    role === 'base'
      ? `no spec at ${label}: a new API, every operation is an addition`
      : `no spec at ${label}: the API was removed`,
  );
  return emptySpec(label);
}
