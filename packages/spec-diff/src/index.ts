export {
  ACCEPTED_FILE,
  type Acceptance,
  parseAcceptances,
  readAcceptances,
  readAcceptancesIn,
} from './accept/acceptances.js';
export { type AcceptedResult, type AcceptOptions, applyAcceptances } from './accept/apply.js';
export type { DiffOptions } from './compare/context.js';
export type { ExtensionTable, ExtensionVerdict } from './compare/extensions.js';
export { diffSpecs } from './diff.js';
export { InputError } from './errors.js';
export { HistoryUnavailableError, type HistoryUnavailableReason } from './history/history-error.js';
export {
  openHistories,
  specHistory,
  type HistoryEntry,
  type HistoryReader,
  type SpecHistoriesOptions,
  type SpecHistory,
  type SpecHistoryOptions,
} from './history/spec-history.js';
export { git, GitReader, repoPath } from './load/git.js';
export { parseExtensionMarkdown, readExtensionTable } from './load/extension-table.js';
export { emptySpec, loadSpec, loadSpecFile, type LoadOptions, type ReadText } from './load/load-spec.js';
export { loadSpecArgument, loadSpecAtRef, loadSpecFromGit } from './load/spec-argument.js';
export { acceptedCount, describeSummary, unusedAcceptancesLine } from './report/group.js';
export { renderFindingsMarkdown, renderMarkdown, severityIcon, summaryLine } from './report/markdown.js';
export {
  type ReleaseNote,
  type ReleaseNoteChange,
  type ReleaseNoteOptions,
  releaseNoteLine,
  releaseNotes,
  renderReleaseNotes,
} from './report/release-notes.js';
export { findingSentence } from './report/sentence.js';
export { bumpAtLeast, isAccepted, maxBump, summarize } from './report/summary.js';
export { renderText } from './report/text.js';
export { renderTypesMarkdown, renderTypesText } from './report/types-report.js';
export { rules, ruleIds, type Bump, type Rule, type RuleDirection, type RuleId, type Severity } from './rules.js';
export { checkTypes, type TypeCheckOptions, type TypeCheckResult } from './types-check/check-types.js';
export type { AcceptedBy, DiffResult, Finding, LoadedSpec, OpenApiDocument, Summary } from './types.js';
