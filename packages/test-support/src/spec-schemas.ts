import { findRepoRoot, listApis, readBundledSpec } from '@oapi/api-list';
import { Ajv2020 } from 'ajv/dist/2020.js';

/** Checks a value against one schema of a spec; the problems, `[]` when it is valid. */
export type SchemaCheck = (pointer: string, value: unknown) => string[];

/**
 * Validates values (a seed's example, a request a client sent) against the schemas of a bundled
 * spec: OpenAPI 3.1 schemas are JSON Schema 2020-12. Formats are not checked (`password`, `binary`
 * are annotations in OpenAPI); `$ref`s resolve inside the spec.
 */
export function specSchemas(spec: object): SchemaCheck {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema(spec, 'spec');
  return (pointer, value) => {
    const validate = ajv.getSchema(`spec#${pointer}`);
    if (!validate) throw new Error(`The spec has no schema at ${pointer}`);
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  };
}

/** `specSchemas` of this repository's bundled spec for API `id` (after `pnpm bundle`). */
export async function bundledSpecSchemas(id: string): Promise<SchemaCheck> {
  const root = findRepoRoot(import.meta.dirname);
  const api = (await listApis(root)).find((entry) => entry.id === id);
  if (!api) throw new Error(`redocly.yaml lists no API "${id}"`);
  return specSchemas(await readBundledSpec(root, api));
}
