import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ApiEntry, ApiListError, parseApiList } from '@oapi/api-list';
import {
  type Bump,
  diffSpecs,
  emptySpec,
  GitReader,
  InputError,
  type LoadedSpec,
  type LoadOptions,
  loadSpecFile,
  loadSpecFromGit,
  maxBump,
  summarize,
} from '@oapi/spec-diff';
import { checkChangesets, readChangesets, writeChangeset } from './changesets.js';
import { bumpMeaning, nextVersion, readClientPackage } from './client-package.js';
import type { ApiReport, ReleaseReport } from './report.js';
import { changesetSentence } from './sentence.js';

export interface CheckOptions {
  cwd: string;
  base: string;
  /** A git ref for the head; the work tree when absent. */
  head?: string;
  checkChangesets?: boolean;
  writeChangeset?: boolean;
}

/** One side of the comparison: a commit of the repository, or the work tree. */
interface Side {
  /** `main`, or `work tree`. */
  readonly label: string;
  readonly apis: ApiEntry[];
  exists(path: string): Promise<boolean>;
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

async function commitSide(reader: GitReader, ref: string, options: LoadOptions): Promise<Side> {
  const commit = await reader.commit(ref);
  const exists = (path: string) => reader.exists(commit, path);
  const config = 'redocly.yaml';
  const apis = (await exists(config)) ? apisOf(await reader.read(commit, config), `${ref}:${config}`) : [];
  return { label: ref, apis, exists, load: (api) => loadSpecFromGit(reader, ref, commit, api.root, options) };
}

async function workTreeSide(root: string, options: LoadOptions): Promise<Side> {
  return {
    label: 'work tree',
    apis: apisOf(await readFile(join(root, 'redocly.yaml'), 'utf8'), 'redocly.yaml'),
    exists: async (path) => existsSync(join(root, path)),
    load: (api) => loadSpecFile(api.root, root, options),
  };
}

/** Every API of the base and the head, by id: one added by the PR exists only in the head. */
function unionApis(base: ApiEntry[], head: ApiEntry[]): Array<{ id: string; base?: ApiEntry; head?: ApiEntry }> {
  const byId = new Map<string, { id: string; base?: ApiEntry; head?: ApiEntry }>();
  for (const api of head) byId.set(api.id, { id: api.id, head: api });
  for (const api of base) byId.set(api.id, { id: api.id, ...byId.get(api.id), base: api });
  return [...byId.values()];
}

/** The API's spec on one side; an empty one, with a note, where it has none (or the side does not list it). */
async function specOf(
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

type ApiPair = ReturnType<typeof unionApis>[number];

async function reportOf(root: string, pair: ApiPair, base: Side, head: Side): Promise<ApiReport> {
  const api = (pair.head ?? pair.base)!;
  const notes: string[] = [];
  const baseSpec = await specOf(base, pair.base ?? api, notes, 'base');
  const headSpec = await specOf(head, api, notes, 'head', pair.head !== undefined);
  if (baseSpec.missing && headSpec.missing) {
    const where = head.label === 'work tree' ? 'in the work tree' : `at ${head.label}`;
    notes.splice(0, notes.length, `no spec at ${api.root} ${where} nor at ${base.label}: nothing to compare`);
  }
  const result = diffSpecs(baseSpec, headSpec);
  const pkg = await readClientPackage(root, api);
  if (!pkg) notes.push(`no client package at ${api.client.dir}: no bump to check`);
  else if (pkg.private) notes.push(`${pkg.name} is private: not released, no bump to check`);
  const report: ApiReport = { api: api.id, root: api.root, result, notes };
  if (pkg) {
    report.package = pkg;
    if (result.bump !== 'none') report.next = nextVersion(pkg.version, result.bump);
    const meaning = bumpMeaning(pkg.version, result.bump);
    if (meaning) report.meaning = meaning;
  }
  return report;
}

/** The bump each released client package needs: the largest of the APIs that generate it. */
function bumpNeeds(apis: ApiReport[]): Array<{ pkg: string; needed: Bump }> {
  const byPackage = new Map<string, Bump>();
  for (const api of apis) {
    if (!api.package || api.package.private || api.result.bump === 'none') continue;
    byPackage.set(api.package.name, maxBump(byPackage.get(api.package.name) ?? 'none', api.result.bump));
  }
  return [...byPackage].map(([pkg, needed]) => ({ pkg, needed }));
}

/**
 * Diffs every API of redocly.yaml (at both sides) against the base ref, bundled with the
 * repository's Redocly config as the bundle step does, and maps each to its client package and the
 * bump it needs; checks or writes the changesets when asked.
 */
export async function runReleaseCheck(options: CheckOptions): Promise<ReleaseReport> {
  const reader = await GitReader.open(options.cwd);
  try {
    const root = reader.root;
    const config = join(root, 'redocly.yaml');
    const loadOptions: LoadOptions = existsSync(config) ? { redoclyConfig: config } : {};
    const base = await commitSide(reader, options.base, loadOptions);
    const head = options.head
      ? await commitSide(reader, options.head, loadOptions)
      : await workTreeSide(root, loadOptions);
    const apis: ApiReport[] = [];
    for (const pair of unionApis(base.apis, head.apis)) apis.push(await reportOf(root, pair, base, head));
    const findings = apis.flatMap((a) => a.result.findings.map((f) => ({ ...f, api: a.api })));
    const { summary, bump } = summarize(findings);
    const report: ReleaseReport = { base: base.label, head: head.label, apis, findings, summary, bump };
    const needs = bumpNeeds(apis);
    if (options.writeChangeset && needs.length > 0) {
      const changed = apis.filter((a) => a.result.bump !== 'none').map((a) => a.api);
      report.changesetWritten = await writeChangeset(
        root,
        `spec-diff-${changed.join('-')}`,
        needs,
        changesetSentence(apis),
      );
    }
    if (options.checkChangesets) {
      const problems = checkChangesets(needs, await readChangesets(root));
      report.changesets = { ok: problems.length === 0, problems };
    }
    return report;
  } finally {
    reader.close();
  }
}
