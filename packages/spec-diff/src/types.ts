import type { Bump, RuleId, Severity } from './rules.js';

/** One classified change between the base and the head document. */
export interface Finding {
  id: RuleId;
  severity: Severity;
  /** `METHOD /path`, `WEBHOOK name` or null for a document-level change (servers, schemes). */
  operation: string | null;
  /** JSON pointer to the change: in the head document, or in the base for a removal; `$ref`s followed. */
  pointer: string;
  message: string;
  /** Set when an accepted-findings file covers the finding (see `applyAcceptances`). */
  acceptance?: AcceptedBy;
}

/** Why a finding is accepted, and whether that has expired (then the finding counts again). */
export interface AcceptedBy {
  reason: string;
  expires?: string;
  /** `file:line` of the acceptance. */
  source: string;
  expired: boolean;
}

export interface Summary {
  breaking: number;
  warning: number;
  info: number;
}

export interface DiffResult {
  findings: Finding[];
  summary: Summary;
  bump: Bump;
}

/** A loaded OpenAPI document: bundled (every `$ref` local to it) and named for messages. */
export interface LoadedSpec {
  /** Where it came from: a file path, or `<ref>:<path>` for a spec at a git ref. */
  label: string;
  document: OpenApiDocument;
  /** Stands for a spec that does not exist on this side (an API added or removed). */
  missing?: true;
}

export type JsonObject = { [key: string]: unknown };

export interface OpenApiDocument extends JsonObject {
  openapi: string;
}
