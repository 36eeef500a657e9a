import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Bump, GitReader, type LoadOptions, maxBump, summarize } from '@oapi/spec-diff';
import { reportOf } from './api-report.js';
import { changesetBody } from './changeset-body.js';
import { checkChangesets, readChangesets, writeChangeset } from './changesets.js';
import type { ApiReport, ReleaseReport } from './report.js';
import { readReviewInputs } from './review-inputs.js';
import { commitSide, unionApis, workTreeSide } from './sides.js';

export interface CheckOptions {
  cwd: string;
  base: string;
  /** A git ref for the head; the work tree when absent. */
  head?: string;
  /** Run the type-level check (on by default). */
  types?: boolean;
  checkChangesets?: boolean;
  writeChangeset?: boolean;
}

/** Each released client package with the APIs that generate it and the largest bump they need. */
function packageNeeds(apis: ApiReport[]): Array<{ pkg: string; needed: Bump; apis: ApiReport[] }> {
  const byPackage = new Map<string, { pkg: string; needed: Bump; apis: ApiReport[] }>();
  for (const api of apis) {
    if (!api.package || api.package.private || api.bump === 'none') continue;
    const need = byPackage.get(api.package.name) ?? { pkg: api.package.name, needed: 'none', apis: [] };
    need.needed = maxBump(need.needed, api.bump);
    need.apis.push(api);
    byPackage.set(api.package.name, need);
  }
  return [...byPackage.values()];
}

const withApi = (apis: ApiReport[], of: (api: ApiReport) => ApiReport['result'] | undefined) =>
  apis.flatMap((a) => (of(a)?.findings ?? []).map((f) => ({ ...f, api: a.api })));

/**
 * Diffs every API of redocly.yaml (at both sides) against the base ref, bundled with the
 * repository's Redocly config as the bundle step does, judging `x-` extensions by
 * spec/EXTENSIONS.md and applying `.spec-diff.yaml`; type-checks what changed; maps each API to its
 * client package and the bump it needs; checks or writes the changesets when asked.
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
    const inputs = await readReviewInputs(head);
    const types = options.types ?? true;
    const apis: ApiReport[] = [];
    for (const pair of unionApis(base.apis, head.apis))
      apis.push(await reportOf(root, pair, { base, head }, inputs, { types }));
    const findings = withApi(apis, (a) => a.result);
    const { summary } = summarize(findings);
    const bump = apis.reduce<Bump>((largest, a) => maxBump(largest, a.bump), 'none');
    // An acceptance is used when any API's wire diff or type check has its finding.
    const used = new Set([...findings, ...withApi(apis, (a) => a.types)].map((f) => f.acceptance?.source));
    const report: ReleaseReport = {
      base: base.label,
      head: head.label,
      apis,
      findings,
      summary,
      bump,
      unusedAcceptances: inputs.acceptances.filter((a) => !used.has(a.source)),
    };
    if (types) {
      const typeFindings = withApi(apis, (a) => a.types);
      const operations = apis.reduce((n, a) => n + (a.types?.operations ?? 0), 0);
      report.types = { ...summarize(typeFindings), findings: typeFindings, operations };
    }
    const needs = packageNeeds(apis);
    if (options.writeChangeset && needs.length > 0) {
      report.changesetsWritten = [];
      for (const need of needs) {
        const name = `spec-diff-${need.apis.map((a) => a.api).join('-')}`;
        report.changesetsWritten.push(await writeChangeset(root, name, [need], changesetBody(need.apis)));
      }
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
