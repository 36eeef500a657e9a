#!/usr/bin/env node
// Bundles every API listed in redocly.yaml into dist/<id>.openapi.yaml and dist/<id>.openapi.json:
// one self-contained document per provider, the input of the generator, the docs and the spec diff.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findRepoRoot, listApis } from '@oapi/api-list';
import { bundle, loadConfig } from '@redocly/openapi-core';
import { stringify } from 'yaml';

const root = findRepoRoot();
const config = await loadConfig({ configPath: join(root, 'redocly.yaml') });
await mkdir(join(root, 'dist'), { recursive: true });
let failed = false;
for (const api of await listApis(root)) {
  const { bundle: result, problems } = await bundle({ ref: join(root, api.root), config, dereference: false });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    failed = true;
    for (const p of errors) console.error(`${api.root}: ${p.message} (${p.location?.[0]?.pointer ?? ''})`);
    continue;
  }
  const doc = result.parsed;
  await writeFile(join(root, api.bundled.yaml), stringify(doc, { lineWidth: 0 }));
  await writeFile(join(root, api.bundled.json), `${JSON.stringify(doc, null, 2)}\n`);
  console.log(`bundled ${api.name} -> ${api.bundled.yaml}, ${api.bundled.json}`);
}
process.exit(failed ? 1 : 0);
