import { existsSync } from 'node:fs';
import type { Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * The main entry, and `src/node.ts` where a package has one: the `./node` subpath, for what only
 * Node can run (a loopback server, files on disk). The main entry imports no Node module.
 */
const entry = ['src/index.ts', ...(existsSync('src/node.ts') ? ['src/node.ts'] : [])];

/**
 * Dependencies the ESM build imports and the CommonJS build carries its own copy of, because
 * requiring them breaks: oauth4webapi is ESM only (`require()` of it needs Node's require(esm),
 * absent from Node 22.0 to 22.11), and esbuild's CommonJS interop hands the whole module object to
 * `import createClient from 'openapi-fetch'` (ARCHITECTURE.md, pitfalls). Workspace packages stay
 * external in both formats: one AuthError class per module system.
 */
const bundledInCjs = ['openapi-fetch', 'oauth4webapi'];

function externalInEsmOnly(names: readonly string[]): EsbuildPlugin {
  const pattern = new RegExp(`^(${names.join('|')})(/|$)`);
  return {
    name: 'external-in-esm-only',
    setup(build) {
      // Told by the file extension: with `splitting`, tsup builds CommonJS as ESM, then converts it.
      if (build.initialOptions.outExtension?.['.js'] === '.cjs') return;
      build.onResolve({ filter: pattern }, (args) => ({ path: args.path, external: true }));
    },
  };
}

/** How every published package is built: ESM and CommonJS, with types for both. */
export function libraryBuild(): Options {
  return {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    // One chunk for what both entries use, in each format: `./node`'s errors are the main entry's classes.
    splitting: true,
    // ES2022 rather than node20: the ESM build also goes to browsers' bundlers.
    target: 'es2022',
    noExternal: bundledInCjs,
    esbuildPlugins: [externalInEsmOnly(bundledInCjs)],
  };
}
