// Runs a client scenario against its fake, in a consumer project (packages installed from their
// tarballs): in Node as an ES module or a CommonJS one, or bundled by esbuild for the browser and run
// in chromium. The page and the fake share one loopback origin (a small proxy in front of the fake),
// as an app behind its own API gateway would.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { listen, readBody, type LoopbackServer } from '@oapi/test-support';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { exec } from './consumer-project.js';
import { scenarioModule, type Hosts, type RunningFake, type Scenario } from './scenarios.js';

export interface NodeRuntime {
  readonly binary: string;
  readonly flags: readonly string[];
}

/** The scenario's report (`{ call, errors }`), run by `runtime` from a file of `dir`/checks. */
export async function runInNode(
  dir: string,
  scenario: Scenario,
  extension: 'mjs' | 'cjs',
  runtime: NodeRuntime = { binary: process.execPath, flags: [] },
): Promise<unknown> {
  const file = join(dir, 'checks', `${scenario.name.replace('@oapi/', '')}.${extension}`);
  mkdirSync(join(dir, 'checks'), { recursive: true });
  const report = 'report.then((value) => process.stdout.write(JSON.stringify(value)));';
  writeFileSync(
    file,
    scenarioModule(scenario, extension === 'mjs' ? 'esm' : 'cjs', 'JSON.parse(process.env.FAKE_HOSTS)', report),
  );
  let fake: RunningFake | undefined;
  try {
    fake = await scenario.start();
    const env = { FAKE_HOSTS: JSON.stringify(fake.hosts) };
    return JSON.parse(await exec(runtime.binary, [...runtime.flags, file], { cwd: dir, env, timeout: 60_000 }));
  } finally {
    await fake?.close();
  }
}

/** The scenario as a browser bundle, resolved from the node_modules of `dir`. */
async function bundle(dir: string, scenario: Scenario): Promise<string> {
  const result = await build({
    stdin: {
      contents: scenarioModule(
        scenario,
        'esm',
        '({ api: location.origin, token: location.origin })',
        'window.__report = report;',
      ),
      resolveDir: dir,
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

/**
 * The scenario's report in chromium, and what went wrong on the page besides the refused calls'
 * 4xx replies, which the browser logs itself: uncaught errors, console errors, requests elsewhere.
 */
export async function runInChromium(
  browser: Browser,
  dir: string,
  scenario: Scenario,
): Promise<{ report: unknown; problems: string[] }> {
  const script = await bundle(dir, scenario);
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
    const expected = /^console: Failed to load resource: the server responded with a status of 4\d\d/;
    return { report, problems: problems.filter((problem) => !expected.test(problem)) };
  } finally {
    await page.close();
    await server.close();
    await fake.close();
  }
}
