import { fork } from 'node:child_process';
import createClient from 'openapi-fetch';
import { createAuth, passwordGrant } from '@oapi/auth';
import { security } from '@oapi/klika';
import { createProviderClient } from '@oapi/runtime';
const api = fork('/work/main/bench/support/loopback-api.mjs', { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
const port = await new Promise((r) => api.stdout.once('data', (c) => r(Number(String(c).trim()))));
const baseUrl = `http://127.0.0.1:${port}`;
const strategy = () => passwordGrant({ username: 'u', password: 'p', clientId: 'c', clientSecret: 's' });
const auth = createAuth({ security, baseUrl, strategy: strategy() });
const authorization = await auth.authorization();
const plain = createClient({ baseUrl, headers: { authorization } });
const withAuth = createClient({ baseUrl }); withAuth.use(auth.middleware);
const noop = createClient({ baseUrl, headers: { authorization } }); noop.use({ onRequest() {}, onResponse() {} });
const provider = createProviderClient({ security, baseUrl }, { auth: strategy() });
async function rps(fn, n = 3000, c = 10) { let next = 0; const t = performance.now(); await Promise.all(Array.from({ length: c }, async () => { while (next < n) { next++; await fn(); } })); return n / ((performance.now() - t) / 1000); }
const cs = {
  bare: () => fetch(baseUrl + '/api/v1/countries', { headers: { authorization } }).then((r) => r.json()),
  bareRequest: () => fetch(new Request(baseUrl + '/api/v1/countries', { headers: { authorization } })).then((r) => r.json()),
  plain: () => plain.GET('/api/v1/countries'),
  noopMw: () => noop.GET('/api/v1/countries'),
  withAuth: () => withAuth.GET('/api/v1/countries'),
  provider: () => provider.GET('/api/v1/countries'),
};
for (const f of Object.values(cs)) await rps(f, 1000);
const res = Object.fromEntries(Object.keys(cs).map((k) => [k, []]));
for (let r = 0; r < 7; r++) for (const [k, f] of Object.entries(cs)) res[k].push(await rps(f));
for (const [k, v] of Object.entries(res)) console.log(k.padEnd(12), v.sort((a, b) => a - b)[3].toFixed(0));
api.disconnect();
