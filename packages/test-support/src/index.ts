export { chromiumPath, launchChromium } from './chromium.js';
export { freePort, listen, readBody, sendJson, type LoopbackServer } from './loopback.js';
export { startPrism, type PrismMock } from './prism.js';
export { deepObjectForm, prismFormDialect, prismRailsFormSpec } from './prism-form-dialect.js';
export { secretsIn } from './secrets.js';
export { bundledSpecSchemas, specSchemas, type SchemaCheck } from './spec-schemas.js';
export { attwProblems, publintProblems } from './package-checks.js';
export { typecheckSnippets, typescriptBlocks, type Snippet } from './typecheck.js';
export { curlRequest, CurlSampleError, type CurlOptions } from './samples/curl-request.js';
export { forwardTo, startSampleRouter, type RecordedRequest, type SampleRouter } from './samples/sample-router.js';
export { shellWords, ShellSyntaxError, type ShellCommand } from './samples/shell-words.js';
export {
  runTypeScriptSample,
  type TypeScriptSampleOptions,
  type TypeScriptSampleRun,
} from './samples/typescript-sample.js';
