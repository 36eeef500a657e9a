import type { Provider } from './providers.js';
import { referenceOperations } from './reference-operations.js';

export interface SearchEntry {
  /** The provider's title. */
  readonly provider: string;
  readonly operationId: string;
  readonly method: string;
  /** The path, or the webhook's name. */
  readonly path: string;
  readonly summary: string;
  /** From the site's root: `wootric/index.html#getEndUser`. */
  readonly href: string;
  /** Everything a query is matched against, lower-cased. */
  readonly text: string;
}

/** One entry per operation and webhook of every provider: what the site-wide search looks through. */
export function searchEntries(providers: readonly Provider[]): SearchEntry[] {
  return providers.flatMap((provider) =>
    referenceOperations(provider.spec).map((op) => ({
      provider: provider.title,
      operationId: op.operationId,
      method: op.kind === 'webhook' ? 'webhook' : op.method,
      path: op.name,
      summary: op.summary,
      href: `${provider.id}/index.html#${op.operationId}`,
      text: [provider.title, provider.id, op.method, op.name, op.operationId, op.summary].join(' ').toLowerCase(),
    })),
  );
}

/** The index as a script (`window.oapiSearchIndex = …`), so search works from the file system too. */
export function searchIndexScript(providers: readonly Provider[]): string {
  return `window.oapiSearchIndex = ${JSON.stringify(searchEntries(providers))};\n`;
}
