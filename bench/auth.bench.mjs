#!/usr/bin/env node
// packages/auth, measured against baselines taken in the same run (needs `pnpm build` first):
// 1. requests per second through a generated client (@oapi/klika) with the auth middleware (password
//    grant, token cached), against bare fetch and against openapi-fetch with a hand-written
//    static-header middleware (what a user would write instead), on the same loopback server (in a
//    process of its own) (target: at least 0.95 of each);
// 2. token requests per expiry with 50 concurrent requests waiting (target: exactly 1);
// 3. the package's size, minified and gzipped, oauth4webapi left out (target: at most 3 KB).
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const authDist = `${root}packages/auth/dist/index.js`;
if (!existsSync(authDist) || !existsSync(`${root}packages/klika/dist/index.js`)) {
  console.error('auth bench: run `pnpm build` first (packages/auth/dist and packages/klika/dist are missing).');
  process.exit(1);
}
const { createAuth, passwordGrant } = await import('@oapi/auth');
// The client takes its own package's grants, which carry its security config (token endpoint, shapes).
const klikaPackage = await import('@oapi/klika');
const { createKlikaClient, security } = klikaPackage;
const { default: createClient } = await import('openapi-fetch');

// --- the API: a loopback server in its own process --------------------------------------------
const api = fork(fileURLToPath(new URL('./support/loopback-api.mjs', import.meta.url)), {
  stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
});
const port = await new Promise((resolve, reject) => {
  api.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim())));
  api.once('exit', (code) => reject(new Error(`the bench API exited with ${code}`)));
});
const baseUrl = `http://127.0.0.1:${port}`;
const tokenRequestCount = async () => Number(await (await fetch(`${baseUrl}/__token-requests`)).text());

// --- 1. requests per second ------------------------------------------------------------------
const credentials = {
  username: 'amina@example.com',
  password: 'correct-horse',
  clientId: 'bench',
  clientSecret: 'bench-secret',
};
const klika = createKlikaClient({ baseUrl, auth: klikaPackage.passwordGrant(credentials) });
const authorization = await klika.auth.authorization();
const bareUrl = `${baseUrl}/api/v1/countries`;

const plainClient = createClient({ baseUrl, headers: { authorization } });
// What a user would write instead of a client with auth: openapi-fetch and a static-header middleware.
const handWritten = createClient({ baseUrl });
handWritten.use({
  onRequest({ request }) {
    request.headers.set('authorization', authorization);
    return request;
  },
});
const contenders = {
  'bare fetch': () => fetch(bareUrl, { headers: { authorization } }).then((r) => r.json()),
  'openapi-fetch, no auth': () => plainClient.GET('/api/v1/countries').then((r) => r.data),
  'openapi-fetch + header mw': () => handWritten.GET('/api/v1/countries').then((r) => r.data),
  'klika client + auth': () => klika.GET('/api/v1/countries').then((r) => r.data),
};

for (const [name, response] of [
  ['bare fetch', await fetch(bareUrl, { headers: { authorization } })],
  ['klika client + auth', (await klika.GET('/api/v1/countries')).response],
]) {
  if (response.status !== 200) throw new Error(`${name} got ${response.status}: the comparison would be meaningless`);
}

async function rps(call, requests, concurrency) {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next += 1;
        await call();
      }
    }),
  );
  return requests / ((performance.now() - start) / 1000);
}

// Short rounds, the contenders back to back in a rotating order, and medians: on a shared machine
// the load drifts, and a ratio taken within one round cancels most of that drift.
const requests = Number(process.env.AUTH_BENCH_REQUESTS ?? 1000);
const rounds = Number(process.env.AUTH_BENCH_ROUNDS ?? 15);
const concurrency = 10;
const names = Object.keys(contenders);
for (const call of Object.values(contenders)) await rps(call, 500, concurrency); // warm-up
const results = Object.fromEntries(names.map((name) => [name, []]));
for (let round = 0; round < rounds; round += 1) {
  const order = names.map((_, i) => names[(i + round) % names.length]);
  for (const name of order) results[name].push(await rps(contenders[name], requests, concurrency));
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ratios = (a, b) => median(results[a].map((value, round) => value / results[b][round]));
console.log(
  `requests/s, median of ${rounds} rounds of ${requests} GETs at concurrency ${concurrency}, same loopback server:`,
);
for (const name of names) console.log(`  ${name.padEnd(26)} ${median(results[name]).toFixed(0)}`);
console.log(
  `  klika client + auth / bare fetch:             ${ratios('klika client + auth', 'bare fetch').toFixed(3)}  (target >= 0.95)`,
);
console.log(
  `  klika client + auth / openapi-fetch, no auth: ${ratios('klika client + auth', 'openapi-fetch, no auth').toFixed(3)}  (the cost of auth itself)`,
);
console.log(
  `  klika client + auth / openapi-fetch + a hand-written static-header middleware: ${ratios('klika client + auth', 'openapi-fetch + header mw').toFixed(3)}  (target >= 0.95)`,
);

// --- 2. token requests per expiry under concurrency 50 ---------------------------------------
let now = Date.now();
const auth = createAuth({ security, strategy: passwordGrant(credentials), baseUrl, now: () => now });
const client = createClient({ baseUrl });
client.use(auth.middleware);
await client.GET('/api/v1/countries');
const perExpiry = [];
for (let expiry = 0; expiry < 20; expiry += 1) {
  now += 3_600_000; // past the token's lifetime
  const before = await tokenRequestCount();
  const statuses = await Promise.all(
    Array.from({ length: 50 }, () => client.GET('/api/v1/countries').then((r) => r.response.status)),
  );
  if (statuses.some((s) => s !== 200))
    throw new Error(`a request failed after expiry ${expiry}: ${statuses.join(',')}`);
  perExpiry.push((await tokenRequestCount()) - before);
}
console.log(
  `token requests per expiry, 50 concurrent requests, 20 expiries: min ${Math.min(...perExpiry)}, max ${Math.max(...perExpiry)}  (target exactly 1)`,
);
api.disconnect();

// --- 3. size -----------------------------------------------------------------------------------
const esbuild = createRequire(
  createRequire(import.meta.url).resolve('tsup/package.json', { paths: [`${root}packages/auth`] }),
)('esbuild');
const budget = 3 * 1024;
function gzipped(options) {
  const { outputFiles } = esbuild.buildSync({
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['oauth4webapi', 'openapi-fetch'],
    write: false,
    ...options,
  });
  return { min: outputFiles[0].contents.length, gz: gzipSync(outputFiles[0].contents, { level: 9 }).length };
}
const whole = gzipped({ entryPoints: [authDist] });
const forClients = gzipped({
  stdin: {
    contents: `export { createAuth, passwordGrant, clientCredentialsGrant, refreshTokenGrant, authorizationCodeGrant, bearerToken, apiKey, AuthError, OAuthError, redactedExcerpt } from ${JSON.stringify(authDist)};`,
    resolveDir: root,
  },
});
console.log('size of @oapi/auth, minified + gzip -9, oauth4webapi excluded:');
console.log(
  `  whole package:                        ${whole.gz} B (${whole.min} B minified)  ratio to 3 KB: ${(whole.gz / budget).toFixed(2)}`,
);
console.log(
  `  what a client imports (tree-shaken):  ${forClients.gz} B (${forClients.min} B minified)  ratio to 3 KB: ${(forClients.gz / budget).toFixed(2)}`,
);
