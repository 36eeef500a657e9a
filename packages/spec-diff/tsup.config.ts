import { defineConfig } from 'tsup';
import { libraryBuild } from '../../tsup.shared.ts';

export default defineConfig([
  libraryBuild(),
  {
    // The CLI runs as ESM only (top-level await); the library is ESM and CommonJS.
    entry: ['src/bin.ts'],
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
  },
]);
