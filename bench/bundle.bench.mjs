#!/usr/bin/env node
// What a browser app ships for a client, against openapi-fetch alone making the same call, both
// bundled here by esbuild for the browser from the built packages (needs `pnpm build` first),
// minified and gzipped. Targets: a client with a static bearer token at most 2x openapi-fetch, one
// with the password grant at most 4x.
//
// `bundle-features.bench.mjs` (run with this one by `pnpm bench bundle`) measures what each feature
// adds, so the ratios here can be weighed against what the clients do.
import { existsSync } from 'node:fs';
import { browserBundleSize, root } from './support/browser-bundle.mjs';

if (!existsSync(`${root}packages/klika/dist/index.js`)) {
  console.error('bundle bench: run `pnpm build` first (packages/*/dist is missing).');
  process.exit(1);
}

const size = (code) => browserBundleSize(code);

const call = (client, path) => `window.run = () => ${client}.GET(${JSON.stringify(path)});`;
const baseline = await size(
  `import createClient from 'openapi-fetch';
const client = createClient({ baseUrl: location.origin, headers: { authorization: 'Bearer token' } });
${call('client', '/api/v1/countries')}`,
);

/** A client of `pkg` made by `factory` with `auth`, calling `path`. */
const clientCode = ({ pkg, factory, options, path }, strategy, auth) =>
  `import { ${factory}, ${strategy} } from '${pkg}';
const client = ${factory}({ ${options} auth: ${auth} });
${call('client', path)}`;

const clients = [
  { pkg: '@oapi/klika', factory: 'createKlikaClient', options: 'baseUrl: location.origin,', path: '/api/v1/countries' },
  {
    pkg: '@oapi/wootric',
    factory: 'createWootricClient',
    options: 'accountToken: "NPS-1a2b3c4d",',
    path: '/v1/segments',
  },
  { pkg: '@oapi/wootric-cxi', factory: 'createWootricCxiClient', options: '', path: '/v1/onboarding' },
  {
    pkg: '@oapi/cloudcx',
    factory: 'createCloudcxClient',
    options: 'host: location.host,',
    path: '/openapi/v2/user/page',
  },
];
const cases = clients.flatMap((client) => [
  { client, kind: 'static bearer', target: 2, code: clientCode(client, 'bearerToken', 'bearerToken("token")') },
  {
    client,
    kind: 'password grant',
    target: 4,
    code: clientCode(client, 'passwordGrant', 'passwordGrant({ username: "u", password: "p" })'),
  },
]);

console.log('browser bundle of one call, minified + gzip -9, against openapi-fetch alone making it:');
console.log(
  `  openapi-fetch alone                    ${String(baseline.gz).padStart(6)} B  (${baseline.min} B minified)`,
);
for (const { client, kind, target, code } of cases) {
  const { gz, min } = await size(code);
  const ratio = gz / baseline.gz;
  const label = `${client.pkg}, ${kind}`.padEnd(38);
  console.log(
    `  ${label} ${String(gz).padStart(6)} B  (${min} B minified)  ratio ${ratio.toFixed(2)}  (target <= ${target})${ratio > target ? '  OVER' : ''}`,
  );
}
