import { defineConfig } from 'tsup';

// ESM only: a private tool of this repository, run as `pnpm spec:diff` and by the PR workflow.
export default defineConfig({
  entry: ['src/index.ts', 'src/bin.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  target: 'node20',
});
