import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Provider } from '../src/providers.js';

const appDir = join(import.meta.dirname, '..');

/**
 * A folder inside apps/docs from which `@oapi/<id>` resolves to `packages/<id>` for every provider
 * with a client, so the samples compile against the real built clients, including ones this
 * package does not list as dependencies (a new provider needs no change here).
 */
export function clientCheckDir(providers: readonly Provider[]): { dir: string; remove(): void } {
  const dir = join(appDir, `.typecheck-${process.pid}`);
  mkdirSync(join(dir, 'node_modules', '@oapi'), { recursive: true });
  for (const provider of providers) {
    if (provider.client) symlinkSync(provider.client.dir, join(dir, 'node_modules', '@oapi', provider.id), 'dir');
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
