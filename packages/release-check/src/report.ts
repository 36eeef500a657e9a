import type { DiffResult, Finding } from '@oapi/spec-diff';
import type { ChangesetProblem } from './changesets.js';
import type { ClientPackage } from './client-package.js';

/** One API of redocly.yaml: its diff against the base, and the client package and bump it needs. */
export interface ApiReport {
  api: string;
  root: string;
  result: DiffResult;
  package?: ClientPackage;
  /** The version the needed bump leads to. */
  next?: string;
  /** What the bump means for a 0.x package. */
  meaning?: string;
  notes: string[];
}

/** Every API against the base ref, with the changesets check when asked. */
export interface ReleaseReport extends DiffResult {
  base: string;
  head: string;
  findings: Array<Finding & { api: string }>;
  apis: ApiReport[];
  changesets?: { ok: boolean; problems: ChangesetProblem[] };
  changesetWritten?: string;
}
