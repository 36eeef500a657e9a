// Each client, installed from its tarball, bundled by esbuild for the browser (no Node built-in may
// be needed: the bundle fails otherwise) and run in Debian's chromium: one authenticated call and
// the error checks against its provider's fake.
import { launchChromium } from '@oapi/test-support';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runInChromium } from './run-scenario.js';
import { clientScenarios, expectedReport } from './scenarios.js';

const consumer = inject('consumer');
const scenarios = await clientScenarios();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe('in chromium, bundled by esbuild for the browser', () => {
  it.each(scenarios)('$name calls its fake and throws its own error classes', async (scenario) => {
    const { report, problems } = await runInChromium(browser, consumer.dir, scenario);
    expect(report).toEqual(expectedReport(scenario));
    expect(problems).toEqual([]);
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
