export { providerDescriptor, type SpecDescriptor } from './descriptor.js';
export { generateApiFiles, writeGeneratedFiles, type GeneratedFile } from './generate.js';
export { operationList, type OperationDescriptor } from './operations.js';
export { securityConfig } from './security-config.js';
export { SpecError } from './spec-json.js';
