import type { Acceptance, Bump, DiffResult, Finding, TypeCheckResult } from '@oapi/spec-diff';
import type { ChangesetProblem } from './changesets.js';
import type { ClientPackage } from './client-package.js';

/** One API of redocly.yaml: its diff against the base, and the client package and bump it needs. */
export interface ApiReport {
  api: string;
  root: string;
  /** The wire diff, accepted findings marked. */
  result: DiffResult;
  /** The type-level check (unless `--no-types`), accepted findings marked. */
  types?: TypeCheckResult;
  /** The release the client package needs: the wire diff's, raised to major by a type-level break. */
  bump: Bump;
  package?: ClientPackage;
  /** The version the needed bump leads to. */
  next?: string;
  /** What the bump means for a 0.x package. */
  meaning?: string;
  notes: string[];
}

type WithApi = Array<Finding & { api: string }>;

/**
 * Every API against the base ref: `findings` and `summary` are the wire diff's, `types` the type
 * check's, `bump` the largest release any client needs.
 */
export interface ReleaseReport extends DiffResult {
  base: string;
  head: string;
  findings: WithApi;
  types?: TypeCheckResult & { findings: WithApi };
  apis: ApiReport[];
  /** Entries of `.spec-diff.yaml` that no API's wire diff or type check needed. */
  unusedAcceptances: Acceptance[];
  changesets?: { ok: boolean; problems: ChangesetProblem[] };
  /** The changesets `--write-changeset` wrote, one per client package. */
  changesetsWritten?: string[];
}
