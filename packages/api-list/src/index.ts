export { findRepoRoot, listApis, readBundledSpec } from './list-apis.js';
export { apiEntry, ApiListError, parseApiList, pascalCase, type ApiEntry } from './parse-api-list.js';
