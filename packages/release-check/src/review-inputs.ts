import { EXTENSION_TABLE } from '@oapi/api-list';
import {
  ACCEPTED_FILE,
  type Acceptance,
  type ExtensionTable,
  parseAcceptances,
  parseExtensionMarkdown,
} from '@oapi/spec-diff';
import type { Side } from './sides.js';

/** What this repository tells spec-diff besides the specs. */
export interface ReviewInputs {
  /** The `change` column of spec/EXTENSIONS.md; absent when the file is, and then every `x-` change is unknown. */
  extensions?: ExtensionTable;
  /** `.spec-diff.yaml` at the repository root; none when there is no such file. */
  acceptances: Acceptance[];
}

/**
 * The extension table and the accepted findings as the head has them: a PR that changes a spec
 * accepts its breaks (or changes an extension's verdict) in the same PR, where reviewers see it.
 */
export async function readReviewInputs(head: Side): Promise<ReviewInputs> {
  const [table, accepted] = await Promise.all([head.readText(EXTENSION_TABLE), head.readText(ACCEPTED_FILE)]);
  return {
    ...(table ? { extensions: parseExtensionMarkdown(table.text, table.file) } : {}),
    acceptances: accepted ? parseAcceptances(accepted.text, accepted.file) : [],
  };
}
