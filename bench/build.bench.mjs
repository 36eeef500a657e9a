#!/usr/bin/env node
// Cold full build (turbo cache bypassed) against warm build (every task a cache hit), same run.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', TURBO_TELEMETRY_DISABLED: '1' };

function timeBuild(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', ...args], { cwd: root, env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) {
    console.error(result.stdout.slice(-3000), result.stderr.slice(-3000));
    throw new Error(`turbo run build ${args.join(' ')} failed`);
  }
  return { ms, fullTurbo: /FULL TURBO/.test(result.stdout) };
}

const cold = timeBuild(['--force']);
const warm = timeBuild([]);
console.log(`cold build (no cache):     ${(cold.ms / 1000).toFixed(2)} s`);
console.log(
  `warm build (cache hits):   ${(warm.ms / 1000).toFixed(2)} s${warm.fullTurbo ? '  FULL TURBO' : '  (not a full cache hit!)'}`,
);
console.log(
  `warm / cold:               ${(warm.ms / cold.ms).toFixed(3)}  (cold is ${(cold.ms / warm.ms).toFixed(1)}x slower)`,
);
if (!warm.fullTurbo) process.exitCode = 1;
