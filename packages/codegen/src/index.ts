export { generateApiFiles, writeGeneratedFiles, type GeneratedFile } from './generate.js';
export { specMeta, type OperationMeta, type ServerMeta } from './meta.js';
export { findRepoRoot, listApis, readBundledSpec, type ApiEntry } from './repo.js';
export { securityConfig, SpecError } from './security-config.js';
