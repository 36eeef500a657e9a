// Each client, installed from its tarball, bundled by esbuild for the browser (no Node built-in may
// be needed: the bundle fails otherwise) and run in Debian's chromium: one authenticated call and
// the error checks against its provider's fake. The page and the fake share one loopback origin
// (a small proxy in front of the fake), as an app behind its own API gateway would.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { launchChromium, listen, readBody, type LoopbackServer } from '@oapi/test-support';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectedReport, scenarioModule, scenarios, type Hosts, type Scenario } from './scenarios.js';

const consumer = inject('consumer');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/** The scenario as a browser bundle, resolved from the consumer project's node_modules. */
async function bundle(scenario: Scenario): Promise<string> {
  const result = await build({
    stdin: {
      contents: scenarioModule(
        scenario,
        'esm',
        '({ api: location.origin, token: location.origin })',
        'window.__report = report;',
      ),
      resolveDir: consumer.dir,
      sourcefile: `${scenario.name}-in-the-browser.js`,
    },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Token requests go to the token host, the rest to the API: as the client addresses them. */
async function forward(req: IncomingMessage, res: ServerResponse, hosts: Hosts): Promise<void> {
  const target = (req.url ?? '/').startsWith('/oauth/') ? hosts.token : hosts.api;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name)) headers.set(name, value);
  }
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
  const reply = await fetch(`${target}${req.url}`, { method: req.method, headers, body, redirect: 'manual' });
  const bytes = Buffer.from(await reply.arrayBuffer());
  const out: Record<string, string> = {};
  reply.headers.forEach((value, name) => {
    if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name)) out[name] = value;
  });
  res.writeHead(reply.status, { ...out, 'content-length': String(bytes.length) }).end(bytes);
}

async function front(script: string, hosts: Hosts): Promise<LoopbackServer> {
  return listen(async (req, res) => {
    if (req.url === '/__consumer/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end('<!doctype html><title>consumer</title><script src="/__consumer/bundle.js"></script>');
    }
    if (req.url === '/__consumer/bundle.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      return res.end(script);
    }
    return forward(req, res, hosts);
  });
}

describe('in chromium, bundled by esbuild for the browser', () => {
  it.each(scenarios)('$name calls its fake and throws its own error classes', async (scenario) => {
    const script = await bundle(scenario);
    const fake = await scenario.start();
    const server = await front(script, fake.hosts);
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('request', (request) => {
      if (!request.url().startsWith(`${server.url}/`)) problems.push(`request elsewhere: ${request.url()}`);
    });
    try {
      await page.goto(`${server.url}/__consumer/`);
      const report = await page.evaluate(() => (window as unknown as { __report: Promise<unknown> }).__report);
      expect(report).toEqual(expectedReport(scenario));
      // The refused calls' 4xx replies are logged by the browser itself; anything else is a problem.
      const expected = /^console: Failed to load resource: the server responded with a status of 4\d\d/;
      expect(problems.filter((problem) => !expected.test(problem))).toEqual([]);
    } finally {
      await page.close();
      await server.close();
      await fake.close();
    }
  });
});

describe('what a browser bundle of a client carries', () => {
  /** The bundle of `@oapi/klika` used with `strategy`, and the packages its code comes from. */
  async function klikaWith(strategy: string, extra = '') {
    const result = await build({
      stdin: {
        contents: `import { createKlikaClient, ${strategy.split('(')[0]}${extra ? `, ${extra}` : ''} } from '@oapi/klika';
window.client = createKlikaClient({ baseUrl: location.origin, auth: ${strategy} });${extra ? `\nwindow.extra = ${extra};` : ''}`,
        resolveDir: consumer.dir,
      },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    // The modules that put code in the bundle (tree shaking leaves the others out).
    const output = Object.values(result.metafile.outputs)[0]!;
    const inputs = Object.entries(output.inputs).flatMap(([path, { bytesInOutput }]) =>
      bytesInOutput > 0 && path.includes('node_modules/') ? [path.replace(/^.*node_modules\//, '')] : [],
    );
    const packageOf = (path: string) =>
      path
        .split('/')
        .slice(0, path.startsWith('@') ? 2 : 1)
        .join('/');
    return { code: result.outputFiles[0]!.text, packages: new Set(inputs.map(packageOf)) };
  }

  it('with a static credential: neither oauth4webapi nor the token lifecycle', async () => {
    const { code, packages } = await klikaWith('bearerToken("token")');
    expect([...packages].sort()).toEqual(['@oapi/auth', '@oapi/klika', '@oapi/runtime', 'openapi-fetch']);
    expect(code).not.toContain('reauthorization_required');
  });

  it('with the password grant: the token lifecycle, and still no oauth4webapi (only the authorization-code helpers use it)', async () => {
    const { code, packages } = await klikaWith('passwordGrant({ username: "u", password: "p" })');
    expect(packages.has('oauth4webapi')).toBe(false);
    expect(code).toContain('reauthorization_required');
  });

  it('with the authorization-code helpers: oauth4webapi (PKCE, state, the callback check)', async () => {
    const { packages } = await klikaWith(
      'passwordGrant({ username: "u", password: "p" })',
      'createAuthorizationRequest',
    );
    expect(packages.has('oauth4webapi')).toBe(true);
  });
});
