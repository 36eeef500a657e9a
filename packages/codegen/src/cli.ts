#!/usr/bin/env node
// `oapi-codegen <id>`: regenerates `src/generated/` of the client package it runs in (turbo's
// `generate` task), from `dist/<id>.openapi.json`.
import { resolve } from 'node:path';
import { findRepoRoot, listApis, readBundledSpec } from '@oapi/api-list';
import { generateApiFiles, writeGeneratedFiles } from './generate.js';

async function main(args: string[]): Promise<number> {
  const [id, ...rest] = args;
  if (!id || rest.length > 0) {
    console.error('usage: oapi-codegen <api-id>   (run in packages/<api-id>)');
    return 2;
  }
  const root = findRepoRoot();
  const api = (await listApis(root)).find((a) => a.id === id);
  if (!api) {
    console.error(`oapi-codegen: no API "${id}" under apis: in ${resolve(root, 'redocly.yaml')}`);
    return 2;
  }
  const files = await generateApiFiles(api, await readBundledSpec(root, api));
  const changed = await writeGeneratedFiles(resolve('src/generated'), files);
  console.log(changed.length === 0 ? `${id}: generated code is current` : `${id}: wrote ${changed.join(', ')}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`oapi-codegen: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
