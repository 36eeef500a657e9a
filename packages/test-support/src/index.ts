export { chromiumPath, launchChromium } from './chromium.js';
export {
  client as doorkeeperClient,
  clientCredentials as doorkeeperClientCredentials,
  passwordCredentials as doorkeeperPasswordCredentials,
  startFakeDoorkeeper,
  users as doorkeeperUsers,
  type DoorkeeperVersion,
  type FakeDoorkeeper,
  type FakeDoorkeeperOptions,
} from './fake-doorkeeper.js';
export { freePort, listen, readBody, sendJson, type LoopbackServer } from './loopback.js';
export { startPrism, type PrismMock } from './prism.js';
export { deepObjectForm, prismFormDialect, prismRailsFormSpec } from './prism-form-dialect.js';
export { secretsIn } from './secrets.js';
export { bundledSpecSchemas, specSchemas, type SchemaCheck } from './spec-schemas.js';
export { attwProblems, publintProblems } from './package-checks.js';
export { typecheckSnippets, typescriptBlocks, type Snippet } from './typecheck.js';
