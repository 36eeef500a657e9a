import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { diffSpecs } from '../diff.js';
import { existsAtRef, gitRoot, readAtRef, verifyRef } from '../load/git.js';
import { emptySpec, loadSpec, loadSpecFile } from '../load/load-spec.js';
import { loadSpecAtRef } from '../load/spec-argument.js';
import type { Bump } from '../rules.js';
import { maxBump, summarize } from '../report/summary.js';
import type { DiffResult, Finding, LoadedSpec } from '../types.js';
import { type ApiEntry, parseApis, unionApis } from './apis.js';
import { type ChangesetProblem, checkChangesets, readChangesets, writeChangeset } from './changesets.js';
import { bumpMeaning, type ClientPackage, nextVersion, readClientPackage } from './client-package.js';
import { changesetSentence } from './sentence.js';

export interface RepoOptions {
  cwd: string;
  base: string;
  /** A git ref for the head; the work tree when absent. */
  head?: string;
  checkChangesets?: boolean;
  writeChangeset?: boolean;
}

export interface ApiReport {
  api: string;
  root: string;
  result: DiffResult;
  package?: ClientPackage;
  next?: string;
  meaning?: string;
  notes: string[];
}

export interface RepoReport extends DiffResult {
  base: string;
  head: string;
  findings: Array<Finding & { api: string }>;
  apis: ApiReport[];
  changesets?: { ok: boolean; problems: ChangesetProblem[] };
  changesetWritten?: string;
}

/** Diffs every API of redocly.yaml against the base ref and maps each to its client and the bump it needs. */
export async function runRepo(options: RepoOptions): Promise<RepoReport> {
  const root = await gitRoot(options.cwd);
  await verifyRef(root, options.base);
  if (options.head) await verifyRef(root, options.head);
  const headLabel = options.head ?? 'work tree';
  const readHead = (path: string): Promise<string> =>
    options.head ? readAtRef(root, options.head, join(root, path)) : readFile(join(root, path), 'utf8');
  const headApis = parseApis(
    await readHead('redocly.yaml'),
    options.head ? `${options.head}:redocly.yaml` : 'redocly.yaml',
  );
  const baseApis = (await existsAtRef(root, options.base, 'redocly.yaml'))
    ? parseApis(await readAtRef(root, options.base, join(root, 'redocly.yaml')), `${options.base}:redocly.yaml`)
    : [];

  const apis: ApiReport[] = [];
  for (const { id, base, head } of unionApis(baseApis, headApis)) {
    const notes: string[] = [];
    const baseSpec = await loadSide(root, options.base, base ?? head!, notes, 'base');
    const headSpec = head
      ? await loadHead(root, options.head, head, notes)
      : missing(`${headLabel}:${base!.root}`, notes, 'head');
    if (baseSpec.missing && headSpec.missing)
      notes.splice(
        0,
        notes.length,
        `no spec at ${(head ?? base!).root} ${options.head ? `at ${options.head}` : 'in the work tree'} nor at ${options.base}: nothing to compare`,
      );
    const result = diffSpecs(baseSpec, headSpec);
    const pkg = await readClientPackage(root, id);
    if (!pkg) notes.push(`no client package at packages/${id}: no bump to check`);
    else if (pkg.private) notes.push(`${pkg.name} is private: not released, no bump to check`);
    const report: ApiReport = { api: id, root: (head ?? base!).root, result, notes };
    if (pkg) {
      report.package = pkg;
      if (result.bump !== 'none') report.next = nextVersion(pkg.version, result.bump);
      const meaning = bumpMeaning(pkg.version, result.bump);
      if (meaning) report.meaning = meaning;
    }
    apis.push(report);
  }

  const findings = apis.flatMap((a) => a.result.findings.map((f) => ({ ...f, api: a.api })));
  const overall = summarize(findings);
  const report: RepoReport = {
    base: options.base,
    head: headLabel,
    apis,
    findings,
    summary: overall.summary,
    bump: overall.bump,
  };
  const needs = bumpNeeds(apis);
  if (options.writeChangeset && needs.length > 0) {
    report.changesetWritten = await writeChangeset(
      root,
      `spec-diff-${apis
        .filter((a) => a.result.bump !== 'none')
        .map((a) => a.api)
        .join('-')}`,
      needs,
      changesetSentence(apis),
    );
  }
  if (options.checkChangesets) {
    const problems = checkChangesets(needs, await readChangesets(root));
    report.changesets = { ok: problems.length === 0, problems };
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

async function loadSide(root: string, ref: string, api: ApiEntry, notes: string[], side: 'base'): Promise<LoadedSpec> {
  if (!(await existsAtRef(root, ref, api.root))) return missing(`${ref}:${api.root}`, notes, side);
  return loadSpecAtRef(ref, api.root, root);
}

async function loadHead(root: string, ref: string | undefined, api: ApiEntry, notes: string[]): Promise<LoadedSpec> {
  if (ref) {
    if (!(await existsAtRef(root, ref, api.root))) return missing(`${ref}:${api.root}`, notes, 'head');
    return loadSpec(`${ref}:${api.root}`, join(root, api.root), (file) => readAtRef(root, ref, file));
  }
  if (!existsSync(join(root, api.root))) return missing(api.root, notes, 'head');
  return loadSpecFile(api.root, root);
}

function missing(label: string, notes: string[], side: 'base' | 'head'): LoadedSpec {
  notes.push(
    side === 'base'
      ? `no spec at ${label}: a new API, every operation is an addition`
      : `no spec at ${label}: the API was removed`,
  );
  return emptySpec(label);
}
