#!/usr/bin/env node
// Bundles every API listed in redocly.yaml into dist/<id>.openapi.yaml and dist/<id>.openapi.json:
// one self-contained document per provider, the input of the generator, the docs and the spec diff.
import { mkdir, writeFile } from 'node:fs/promises';
import { bundle, loadConfig } from '@redocly/openapi-core';
import { stringify } from 'yaml';
import { listApis } from './apis.mjs';

const config = await loadConfig({ configPath: 'redocly.yaml' });
await mkdir('dist', { recursive: true });
let failed = false;
for (const api of await listApis()) {
  const { bundle: result, problems } = await bundle({ ref: api.root, config, dereference: false });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    failed = true;
    for (const p of errors) console.error(`${api.root}: ${p.message} (${p.location?.[0]?.pointer ?? ''})`);
    continue;
  }
  const doc = result.parsed;
  await writeFile(`dist/${api.id}.openapi.yaml`, stringify(doc, { lineWidth: 0 }));
  await writeFile(`dist/${api.id}.openapi.json`, `${JSON.stringify(doc, null, 2)}\n`);
  console.log(`bundled ${api.name} -> dist/${api.id}.openapi.{yaml,json}`);
}
process.exit(failed ? 1 : 0);
