#!/usr/bin/env node
// `pnpm new-provider <id>`: the one step a new spec needs. Given spec/<id>/openapi.yaml, it registers
// the API in redocly.yaml, scaffolds packages/<id> (create<Id>Client over the generated provider
// descriptor, the strategy factories the spec allows), writes a changeset and links the package.
// From then on `pnpm build` makes the generated client, the docs pages and the spec-diff coverage.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiEntry, findRepoRoot, parseApiList } from '@oapi/api-list';
import { parse, parseDocument } from 'yaml';

const fail = (message) => {
  console.error(`new-provider: ${message}`);
  process.exit(2);
};

const [id, ...extra] = process.argv.slice(2);
if (!id || extra.length > 0) fail('usage: pnpm new-provider <id>   (after writing spec/<id>/openapi.yaml)');
if (!/^[a-z][a-z0-9-]*$/.test(id))
  fail(`"${id}" must be lower case letters, digits and dashes, starting with a letter`);

const root = findRepoRoot();
const specRoot = `spec/${id}/openapi.yaml`;
if (!existsSync(join(root, specRoot))) fail(`${specRoot} does not exist: write the spec first`);
const info = parse(readFileSync(join(root, specRoot), 'utf8'))?.info ?? {};
const major =
  String(info.version ?? '1')
    .replace(/^v/, '')
    .split('.')[0] || '1';

// 1. redocly.yaml: the API list every tool reads.
const configFile = join(root, 'redocly.yaml');
const config = parseDocument(readFileSync(configFile, 'utf8'));
const known = parseApiList(String(config), 'redocly.yaml').find((api) => api.id === id);
const api = known ?? apiEntry(`${id}@v${major}`, specRoot);
if (!known) {
  config.setIn(['apis', api.name], config.createNode({ root: specRoot }));
  writeFileSync(configFile, String(config));
  console.log(`new-provider: registered ${api.name} in redocly.yaml`);
}

// 2. packages/<id>: the client, thin over the generated descriptor.
const dir = join(root, api.client.dir);
const write = (file, text) => {
  const path = join(dir, file);
  if (existsSync(path)) return console.log(`new-provider: kept ${api.client.dir}/${file}`);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  console.log(`new-provider: wrote ${api.client.dir}/${file}`);
};
const title = String(info.title ?? id);
const name = api.client.factory.replace(/^create|Client$/g, '');
// Linked to the repository as every published package is (npm's provenance needs `repository`).
const { repository } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const site = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
const manifest = {
  name: api.client.name,
  version: '0.0.0',
  description: `Typed client for ${title}, generated from its OpenAPI spec.`,
  license: 'MIT',
  repository: { ...repository, directory: api.client.dir },
  homepage: `${site}/tree/main/${api.client.dir}#readme`,
  bugs: { url: `${site}/issues` },
  type: 'module',
  sideEffects: false,
  engines: { node: '>=20.19' },
  files: ['dist', 'README.md', 'LICENSE'],
  main: './dist/index.cjs',
  module: './dist/index.js',
  types: './dist/index.d.ts',
  exports: {
    '.': {
      import: { types: './dist/index.d.ts', default: './dist/index.js' },
      require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
    },
    './package.json': './package.json',
  },
  scripts: { generate: `oapi-codegen ${id}`, build: 'tsup', typecheck: 'tsc --noEmit', test: 'vitest run' },
  dependencies: { '@oapi/auth': 'workspace:^', '@oapi/runtime': 'workspace:^', 'openapi-fetch': 'catalog:' },
  devDependencies: {
    '@oapi/codegen': 'workspace:^',
    '@oapi/test-support': 'workspace:*',
    '@types/node': 'catalog:',
    tsup: 'catalog:',
    typescript: 'catalog:',
    vitest: 'catalog:',
  },
};
write('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
write(
  'tsconfig.json',
  `${JSON.stringify(
    {
      extends: '../../tsconfig.base.json',
      compilerOptions: { noEmit: true, allowImportingTsExtensions: true },
      include: ['src/**/*.ts', 'test/**/*.ts', 'vitest.config.ts', 'tsup.config.ts'],
    },
    null,
    2,
  )}\n`,
);
write(
  'tsup.config.ts',
  "import { defineConfig } from 'tsup';\nimport { libraryBuild } from '../../tsup.shared.ts';\n\nexport default defineConfig(libraryBuild());\n",
);
write('LICENSE', readFileSync(join(root, 'LICENSE'), 'utf8'));
write('vitest.config.ts', `import { project } from '../../vitest.shared.ts';\n\nexport default project('${id}');\n`);
write(
  'src/client.ts',
  `import { type ClientBaseOptions, createProviderClient, type ProviderClient } from '@oapi/runtime';
import type { paths } from './generated/openapi.js';
import { provider, type SpecOptions } from './generated/provider.js';

/** The options its spec defines (\`SpecOptions\`) and the ones every client takes. */
export interface ${name}ClientOptions extends ClientBaseOptions, SpecOptions {}

export type ${name}Client = ProviderClient<paths>;

/** A typed client for ${title}: its spec's servers, authentication and encodings. */
export function ${api.client.factory}(options: ${name}ClientOptions = {}): ${name}Client {
  return createProviderClient<paths>(provider, options);
}
`,
);
write(
  'src/index.ts',
  `export { ${api.client.factory}, type ${name}Client, type ${name}ClientOptions } from './client.js';
export type { components, operations, paths } from './generated/openapi.js';
export { provider, type SpecOptions } from './generated/provider.js';
// The strategy factories the spec's security schemes allow, as codegen lists them, the grants bound to its \`security\`.
export * from './generated/strategies.js';
export { AuthError, OAuthError, type TokenSet, type TokenStore } from '@oapi/auth';
export {
  ApiError,
  RateLimitError,
  RequestTimeoutError,
  UnauthorizedError,
  ValidationError,
  unwrap,
  type DeprecationNotice,
} from '@oapi/runtime';
`,
);
write(
  'README.md',
  `# ${api.client.name}

Typed client for ${title}, generated from \`${specRoot}\`.

\`\`\`sh
npm install ${api.client.name}
\`\`\`

\`${api.client.factory}(options)\` takes the options its spec defines (\`SpecOptions\`: server
variables, token parameters) and the ones every client takes; the strategy factories it exports
are the ones the spec's security schemes allow. The reference, the authentication guide and the
changelog are on the docs site.

## Options

| option | type | |
|---|---|---|
| \`auth\` | a strategy this package exports | omit for public operations only |
| \`baseUrl\` | \`string\` | the API's URL, over the spec's servers (a proxy, a test server) |
| \`tokenUrl\` | \`string\` | the token endpoint, over the spec's (grants only) |
| \`fetch\` | \`typeof fetch\` | used for every request, token requests included |
| \`tokenStore\`, \`onTokens\`, \`tokenTimeoutMs\` | | where tokens are kept, told of, and how long a token request may take (default 30 000) |
| \`timeoutMs\` | \`number\` | how long each attempt waits for the response to start (default 60 000); then \`RequestTimeoutError\` |
| \`onDeprecation\` | \`(notice) => void\` | told once per deprecated operation (the spec's \`deprecated\`, the server's \`Deprecation\`/\`Sunset\`); default one \`console.warn\` |
| \`allowInsecureHttp\` | \`boolean\` | allow http to non-loopback hosts (credentials in clear text) |
| \`headers\`, \`middleware\` | | extra headers, extra openapi-fetch middleware |

## Errors

\`unwrap(result)\` returns the data or throws \`UnauthorizedError\` (401), \`ValidationError\` (422),
\`RateLimitError\` (429) or \`ApiError\`, each with \`status\`, \`operation\` and the body; token
failures throw \`OAuthError\` or \`AuthError\`; a request with no response within \`timeoutMs\`
throws \`RequestTimeoutError\`. No message contains a credential.
`,
);

// 3. A changeset for its first release.
const changeset = join(root, '.changeset', `new-provider-${id}.md`);
if (!existsSync(changeset)) {
  writeFileSync(changeset, `---\n"${api.client.name}": minor\n---\n\nFirst release: a typed client for ${title}.\n`);
  console.log(`new-provider: wrote .changeset/new-provider-${id}.md`);
}

// 4. Link the package into the workspace (its generate step runs the workspace's oapi-codegen).
// A new package changes the lockfile by definition: with CI set, pnpm would refuse (frozen lockfile).
const install = spawnSync('pnpm', ['install', '--prefer-offline', '--no-frozen-lockfile'], {
  cwd: root,
  stdio: 'inherit',
});
if (install.status !== 0) fail('pnpm install failed: run it yourself, then `pnpm build`');
console.log(
  `new-provider: done. Run \`pnpm build\`: it generates ${api.client.dir}/src/generated/ (commit it) and the docs.`,
);
