export { main, USAGE, type CliIo } from './cli.js';
export type { ApiReport, ReleaseReport } from './report.js';
export {
  COMMENT_MARKER,
  renderJsonReport,
  renderMarkdownProblem,
  renderMarkdownReport,
  renderTextReport,
} from './render.js';
export { runReleaseCheck, type CheckOptions } from './run-check.js';
