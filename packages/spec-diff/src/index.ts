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
export { emptySpec, loadSpec, loadSpecFile, type LoadOptions, type ReadText } from './load/load-spec.js';
export { loadSpecArgument, loadSpecAtRef, loadSpecFromGit } from './load/spec-argument.js';
export { describeSummary } from './report/group.js';
export { renderFindingsMarkdown, renderMarkdown, severityIcon, summaryLine } from './report/markdown.js';
export { bumpAtLeast, maxBump, summarize } from './report/summary.js';
export { renderText } from './report/text.js';
export { rules, ruleIds, type Bump, type Rule, type RuleDirection, type RuleId, type Severity } from './rules.js';
export type { DiffResult, Finding, LoadedSpec, OpenApiDocument, Summary } from './types.js';
