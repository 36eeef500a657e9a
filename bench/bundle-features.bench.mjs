#!/usr/bin/env node
// What each feature adds to a static-bearer client's browser bundle: the gzip bytes saved when its
// modules are replaced by empty stubs, against the same bundle whole, both built here from source.
// This is where `bundle.bench.mjs`'s ratios come from, feature by feature, so a budget can be weighed
// against what the clients do. The stubbed bundles are measured, never run.
import { readFileSync } from 'node:fs';
import { browserBundleSize, root } from './support/browser-bundle.mjs';

const packages = ['runtime', 'auth', 'klika', 'wootric', 'wootric-cxi', 'cloudcx'];
const alias = Object.fromEntries(packages.map((name) => [`@oapi/${name}`, `${root}packages/${name}/src/index.ts`]));

/** The features worth weighing, each as the source modules that carry it (under packages/). */
const features = [
  { name: 'server choice from the spec', files: ['runtime/src/server-choice.ts'] },
  { name: 'option checks', files: ['runtime/src/client-options.ts'] },
  { name: 'per-attempt timeouts', files: ['runtime/src/timeout.ts'] },
  { name: 'deprecation notices', files: ['runtime/src/deprecation.ts', 'runtime/src/operation.ts'] },
  { name: 'retries (rate limits)', files: ['runtime/src/retry.ts', 'runtime/src/retry-after.ts'], provider: true },
  {
    name: 'Rails bracket form bodies',
    files: ['runtime/src/rails-form.ts', 'runtime/src/form-content-type.ts'],
    provider: true,
  },
  {
    name: 'CloudCX envelope errors, paging',
    files: ['cloudcx/src/api-error.ts', 'cloudcx/src/paginate.ts', 'cloudcx/src/users.ts'],
    provider: true,
  },
];

/** A module with the same export names and no code: enough for the bundler, never run. */
function emptyStub(file) {
  const source = readFileSync(file, 'utf8');
  const names = [...source.matchAll(/^export (?:async )?(?:function\*?|const|let|class) (\w+)/gm)].map((m) => m[1]);
  return names.map((name) => `export const ${name} = () => {};`).join('\n');
}

async function gzipBytes(code, stubbed) {
  const stubs = {
    name: 'stub-features',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /\/packages\/.*\.ts$/ }, ({ path }) =>
        stubbed.some((file) => path.endsWith(`/packages/${file}`))
          ? { contents: emptyStub(path), loader: 'js' }
          : undefined,
      );
    },
  };
  return (await browserBundleSize(code, { alias, plugins: [stubs] })).gz;
}

const clients = [
  { label: 'klika', pkg: '@oapi/klika', factory: 'createKlikaClient', options: 'baseUrl: location.origin,' },
  { label: 'wootric', pkg: '@oapi/wootric', factory: 'createWootricClient', options: 'accountToken: "NPS-1a2b3c4d",' },
  { label: 'wootric-cxi', pkg: '@oapi/wootric-cxi', factory: 'createWootricCxiClient', options: '' },
  { label: 'cloudcx', pkg: '@oapi/cloudcx', factory: 'createCloudcxClient', options: 'host: location.host,' },
];
const baseline = await gzipBytes(
  `import createClient from 'openapi-fetch';
const client = createClient({ baseUrl: location.origin, headers: { authorization: 'Bearer token' } });
window.run = () => client.GET('/x');`,
  [],
);

const column = (text) => String(text).padStart(12);
console.log('gzip bytes each feature adds to a static-bearer client (built from source; "-": not in its bundle):');
console.log(`  ${''.padEnd(34)}${clients.map(({ label }) => column(label)).join('')}`);
const rows = Object.fromEntries(features.map(({ name }) => [name, []]));
const whole = [];
const core = [];
for (const { pkg, factory, options } of clients) {
  const code = `import { ${factory}, bearerToken } from '${pkg}';
const client = ${factory}({ ${options} auth: bearerToken('token') });
window.run = () => client.GET('/x');`;
  const full = await gzipBytes(code, []);
  whole.push(full);
  for (const { name, files } of features) {
    const saved = full - (await gzipBytes(code, files));
    rows[name].push(saved === 0 ? '-' : saved);
  }
  core.push(
    await gzipBytes(
      code,
      features.filter((f) => f.provider).flatMap((f) => f.files),
    ),
  );
}
for (const [name, values] of Object.entries(rows)) console.log(`  ${name.padEnd(34)}${values.map(column).join('')}`);
const ratio = (bytes) => `${bytes} ${(bytes / baseline).toFixed(2)}x`;
console.log(`  ${'whole client'.padEnd(34)}${whole.map((b) => column(ratio(b))).join('')}`);
console.log(`  ${'without the provider features'.padEnd(34)}${core.map((b) => column(ratio(b))).join('')}`);
console.log(`  (openapi-fetch alone: ${baseline} B; provider features: retries, Rails forms, CloudCX's own modules)`);
