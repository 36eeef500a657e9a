// `pnpm run docs`: the site, plus a Prism sandbox per provider behind /sandbox/<id> on the same
// origin, listed in /sandboxes.json; a spec Prism cannot load leaves that provider without one.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DocsServer, startDocsServer } from '../src/docs-server.js';
import { repoRoot } from './site.js';

let root: string;
let server: DocsServer;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'docs-server-'));
  mkdirSync(join(root, 'site'));
  writeFileSync(join(root, 'site', 'sandboxes.json'), '{}\n');
  writeFileSync(join(root, 'site', 'index.html'), '<h1>home</h1>');
  writeFileSync(join(root, 'broken.yaml'), 'openapi: 3.1.0\npaths: [\n');
  server = await startDocsServer(join(root, 'site'), {
    klika: join(repoRoot, 'dist', 'klika.openapi.yaml'),
    broken: join(root, 'broken.yaml'),
  });
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the docs server', () => {
  it('lists the sandboxes that started in /sandboxes.json, over the built file, and says why one did not', async () => {
    const listed = await fetch(`${server.url}/sandboxes.json`);
    expect(listed.headers.get('cache-control')).toBe('no-store');
    await expect(listed.json()).resolves.toEqual({ klika: '/sandbox/klika' });
    expect(Object.keys(server.failures)).toEqual(['broken']);
    expect(server.failures.broken).toMatch(/Prism/);
  });

  it("passes a sandbox request on to Prism with its method, query, headers and body, and Prism's answer back", async () => {
    const ok = await fetch(`${server.url}/sandbox/klika/api/v1/countries`, {
      headers: { authorization: 'Bearer any', accept: 'application/json' },
    });
    expect(ok.status).toBe(200);
    expect(Array.isArray(((await ok.json()) as { countries: unknown }).countries)).toBe(true);
    // Prism checks the request against the spec: no credentials, no countries.
    expect((await fetch(`${server.url}/sandbox/klika/api/v1/countries`)).status).toBe(401);
    const token = await fetch(`${server.url}/sandbox/klika/oauth/token?grant_type=password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'a@example.com', password: 'p', client_id: 'c', client_secret: 's' }),
    });
    expect(token.status).toBe(200);
    await expect(token.json()).resolves.toHaveProperty('access_token');
  });

  it('serves the site as built everywhere else, and no sandbox for a provider that has none', async () => {
    await expect((await fetch(`${server.url}/`)).text()).resolves.toBe('<h1>home</h1>');
    expect((await fetch(`${server.url}/sandbox/broken/anything`)).status).toBe(404);
    expect((await fetch(`${server.url}/sandbox/nobody/`)).status).toBe(404);
  });
});
