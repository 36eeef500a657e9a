import { DiffContext, type DiffOptions } from './compare/context.js';
import { comparePaths, compareWebhooks } from './compare/paths.js';
import { compareSecuritySchemes } from './compare/security.js';
import { compareDocument } from './compare/document.js';
import { compareServers } from './compare/servers.js';
import { summarize } from './report/summary.js';
import type { DiffResult, LoadedSpec } from './types.js';

/** Compares two loaded OpenAPI documents and classifies every change by the rule table. */
export function diffSpecs(base: LoadedSpec, head: LoadedSpec, options: DiffOptions = {}): DiffResult {
  const ctx = new DiffContext(base, head, options);
  // A spec that does not exist has no title or description to compare.
  if (!base.missing && !head.missing) compareDocument(ctx);
  compareServers(ctx);
  compareSecuritySchemes(ctx);
  comparePaths(ctx);
  compareWebhooks(ctx);
  return summarize(ctx.findings);
}
