import { defineConfig } from 'tsup';

// ESM only: its users are this repository's scripts and private packages.
export default defineConfig({ entry: ['src/index.ts'], format: ['esm'], dts: true, clean: true, target: 'node20' });
