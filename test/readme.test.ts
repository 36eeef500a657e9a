// The README's TypeScript snippets compile against the real client packages.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { typecheckSnippets, typescriptBlocks } from '@oapi/test-support';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const readmes = [
  'README.md',
  'packages/klika/README.md',
  'packages/auth/README.md',
  'packages/runtime/README.md',
  'packages/cloudcx/README.md',
  'packages/wootric/README.md',
  'packages/wootric-cxi/README.md',
];

describe('README snippets', () => {
  it.each(readmes)(
    '%s: every ts block compiles',
    (file) => {
      const snippets = typescriptBlocks(readFileSync(root + file, 'utf8'), file);
      expect(snippets.length).toBeGreaterThan(0);
      expect(typecheckSnippets(snippets, `${root}test`)).toEqual([]);
    },
    60_000,
  );
});
