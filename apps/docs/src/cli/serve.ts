// `pnpm docs` (after the build): serves apps/docs/dist on loopback and prints the address.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../static-server.js';

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
  const server = await startStaticServer(root, port());
  console.log(`\n  Docs: ${server.url}/\n\n  Serving ${root}. Ctrl+C stops it.\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => void server.close().then(() => process.exit(0)));
} catch (error) {
  console.error(`docs: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
