#!/usr/bin/env node
// `pnpm bench`: runs every bench/*.bench.mjs in turn. Each measures its target against a baseline
// taken in the same run and prints ratios; none of them asserts a time.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n## ${file.replace('.bench.mjs', '')}`);
  const { status } = spawnSync(process.execPath, [dir + file], {
    stdio: 'inherit',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
  });
  if (status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
