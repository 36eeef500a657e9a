// One way to weigh what a browser app ships, shared by the bundle benches.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Bytes of `code` bundled by esbuild for the browser: minified, then gzipped (-9). `esbuildOptions`
 * adds to the build (the feature bench's source aliases and stubs).
 */
export async function browserBundleSize(code, esbuildOptions = {}) {
  const { outputFiles } = await build({
    stdin: { contents: code, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    ...esbuildOptions,
  });
  const bytes = outputFiles[0].contents;
  return { min: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
}
