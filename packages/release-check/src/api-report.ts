import type { ApiEntry } from '@oapi/api-list';
import { applyAcceptances, type Bump, checkTypes, type DiffResult, diffSpecs, maxBump } from '@oapi/spec-diff';
import { bumpMeaning, nextVersion, readClientPackage } from './client-package.js';
import type { ApiReport } from './report.js';
import type { ReviewInputs } from './review-inputs.js';
import { type ApiPair, type Side, specOf } from './sides.js';

/**
 * The release a client package needs for one API: the wire diff's, raised to major by a type-level
 * break. A client's public surface is the types generated from its spec (`src/generated/`), so code
 * that compiled against the last release and no longer does is a breaking change for its users
 * even when nothing changes on the wire (a path parameter renamed, a response header's type, a new
 * enum value in an exhaustive switch). An accepted type break raises it too: accepting a break
 * says it is released knowingly, not that it is compatible.
 */
export function clientBump(wire: DiffResult, types: DiffResult | undefined): Bump {
  return maxBump(wire.bump, types?.bump ?? 'none');
}

/** Diffs one API, applies the accepted findings, runs the type check when asked, and names the release its client needs. */
export async function reportOf(
  root: string,
  pair: ApiPair,
  sides: { base: Side; head: Side },
  inputs: ReviewInputs,
  options: { types: boolean },
): Promise<ApiReport> {
  const { base, head } = sides;
  const api = (pair.head ?? pair.base)!;
  const notes: string[] = [];
  const baseSpec = await specOf(base, pair.base ?? api, notes, 'base');
  const headSpec = await specOf(head, api, notes, 'head', pair.head !== undefined);
  if (baseSpec.missing && headSpec.missing) {
    const where = head.label === 'work tree' ? 'in the work tree' : `at ${head.label}`;
    notes.splice(0, notes.length, `no spec at ${api.root} ${where} nor at ${base.label}: nothing to compare`);
  }
  const accept = { api: api.id };
  const diffOptions = inputs.extensions ? { extensions: inputs.extensions } : {};
  const { unusedAcceptances: _, ...result } = applyAcceptances(
    diffSpecs(baseSpec, headSpec, diffOptions),
    inputs.acceptances,
    accept,
  );
  const report: ApiReport = { api: api.id, root: api.root, result, bump: result.bump, notes };
  if (options.types) {
    const checked = await checkTypes(baseSpec, headSpec, { findings: result.findings });
    const { unusedAcceptances: _unused, ...types } = applyAcceptances(checked, inputs.acceptances, accept);
    report.types = types;
    report.bump = clientBump(result, types);
  }
  await addPackage(root, api, report);
  return report;
}

async function addPackage(root: string, api: ApiEntry, report: ApiReport): Promise<void> {
  const pkg = await readClientPackage(root, api);
  if (!pkg) report.notes.push(`no client package at ${api.client.dir}: no bump to check`);
  else if (pkg.private) report.notes.push(`${pkg.name} is private: not released, no bump to check`);
  if (!pkg) return;
  report.package = pkg;
  if (report.bump !== report.result.bump)
    report.notes.push(
      `the wire changes need ${report.result.bump}; the type check raises it to ${report.bump}: code written against the types of ${pkg.name} ${pkg.version} no longer compiles`,
    );
  if (report.bump !== 'none') report.next = nextVersion(pkg.version, report.bump);
  const meaning = bumpMeaning(pkg.version, report.bump);
  if (meaning) report.meaning = meaning;
}
