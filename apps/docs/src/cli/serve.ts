// `pnpm run docs` (after the build): serves apps/docs/dist on loopback with a Prism sandbox per
// provider for the console, and prints the address.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRepoRoot, listApis } from '@oapi/api-list';
import { startDocsServer } from '../docs-server.js';

const root = fileURLToPath(new URL('../../dist', import.meta.url));
const defaultPort = 4173;

function port(): number {
  const raw = process.env.PORT;
  if (raw === undefined || raw === '') return defaultPort;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535)
    throw new Error(`PORT must be a port number from 1 to 65535, got "${raw}"`);
  return value;
}

try {
  if (!existsSync(`${root}/index.html`)) throw new Error(`${root} holds no site: run \`pnpm build\` first`);
  const chosen = port();
  const repoRoot = findRepoRoot(root);
  const specs = Object.fromEntries(
    (await listApis(repoRoot)).map((api) => [api.id, join(repoRoot, 'dist', `${api.id}.openapi.yaml`)]),
  );
  const server = await startDocsServer(root, specs, chosen);
  for (const [id, reason] of Object.entries(server.failures))
    console.error(`docs: warning: no sandbox for ${id}: ${reason}`);
  const sandboxes = Object.entries(server.sandboxes).map(([id, path]) => `    ${id.padEnd(12)} ${server.url}${path}`);
  console.log(
    `\n  Docs: ${server.url}/\n\n  Sandboxes (Prism mocks the console sends to by default):\n${sandboxes.join('\n')}\n\n  Serving ${root}. Ctrl+C stops it.\n`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => void server.close().then(() => process.exit(0)));
} catch (error) {
  console.error(`docs: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
