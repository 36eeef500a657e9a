#!/usr/bin/env node
// `pnpm sandbox <id>`: Prism as a mock of one provider, from its bundled spec, so the client can be
// tried without an account. Every request is validated against the spec; violations are logged.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { findRepoRoot, listApis } from '@oapi/api-list';

const [id, portArg] = process.argv.slice(2);
const repoRoot = findRepoRoot();
const apis = await listApis(repoRoot);
const api = apis.find((a) => a.id === id);
if (!api) {
  console.error(`usage: pnpm sandbox <id> [port]   where <id> is one of: ${apis.map((a) => a.id).join(', ')}`);
  process.exit(2);
}
const spec = join(repoRoot, api.bundled.yaml);
if (!existsSync(spec)) {
  console.error(`${api.bundled.yaml} does not exist yet: run \`pnpm build\` (or \`pnpm bundle\`) first.`);
  process.exit(2);
}
const port = Number(portArg ?? 4010);
const prism = join(
  dirname(createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json')),
  'dist',
  'index.js',
);
const child = spawn(process.execPath, [prism, 'mock', '-h', '127.0.0.1', '-p', String(port), '--errors', spec], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
let announced = false;
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /Prism is listening/.test(chunk.toString())) {
    announced = true;
    const pkg = api.client.name;
    console.log(`
  ${api.name} mock on http://127.0.0.1:${port}: answers with the spec's examples and refuses requests the spec does not allow.
  Point the client at it (loopback http is allowed):

    import { ${api.client.factory} } from '${pkg}';
    const client = ${api.client.factory}({ baseUrl: 'http://127.0.0.1:${port}', /* auth: … */ });

  Any credentials work: the mock checks that they are sent, not that they are right. Ctrl+C stops it.
`);
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
