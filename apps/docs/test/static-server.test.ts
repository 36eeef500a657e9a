import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../src/static-server.js';

let root: string;
let server: StaticServer;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'docs-static-'));
  mkdirSync(join(root, 'site', 'klika'), { recursive: true });
  writeFileSync(join(root, 'secret.txt'), 'outside the site');
  writeFileSync(join(root, 'site', 'index.html'), '<h1>home</h1>');
  writeFileSync(join(root, 'site', 'klika', 'index.html'), '<h1>klika</h1>');
  writeFileSync(join(root, 'site', 'spec.yaml'), 'openapi: 3.1.0');
  server = await startStaticServer(join(root, 'site'));
});
afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

/** A raw GET, so that `..` reaches the server as written. */
function get(path: string): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('startStaticServer', () => {
  it('listens on loopback only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each([
    ['/', 200, 'text/html; charset=utf-8', '<h1>home</h1>'],
    ['/klika/', 200, 'text/html; charset=utf-8', '<h1>klika</h1>'],
    ['/klika', 200, 'text/html; charset=utf-8', '<h1>klika</h1>'],
    ['/spec.yaml?download=1', 200, 'application/yaml; charset=utf-8', 'openapi: 3.1.0'],
    ['/missing.html', 404, 'text/plain; charset=utf-8', 'not found'],
    ['/../secret.txt', 404, 'text/plain; charset=utf-8', 'not found'],
    ['/%2e%2e/secret.txt', 404, 'text/plain; charset=utf-8', 'not found'],
    ['/%E0%A4%A', 404, 'text/plain; charset=utf-8', 'not found'],
  ])('GET %s answers %i', async (path, status, type, body) => {
    expect(await get(path)).toEqual({ status, type, body });
  });

  it('says which port is taken instead of throwing a bare EADDRINUSE', async () => {
    await expect(startStaticServer(root, server.port)).rejects.toThrow(
      `port ${server.port} on 127.0.0.1 is already in use`,
    );
  });
});
