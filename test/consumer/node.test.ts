// The published packages as installed from their tarballs, in Node: every entry loads with
// `import` and with `require()` and exports the same names; each client makes an authenticated
// call against its provider's fake, and its errors pass `instanceof`, in both module systems. On the
// Node running the tests (20.19+), on Node 22, and with require(esm) turned off: the CommonJS build
// must not need it, since Node 22.0 to 22.11, which `engines` allows, lack it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { publishedPackages, specifier } from '../support/workspace.js';
import { exec } from './consumer-project.js';
import { runInNode } from './run-scenario.js';
import { clientScenarios, expectedReport } from './scenarios.js';

const consumer = inject('consumer');
const scenarios = await clientScenarios();
const checks = join(consumer.dir, 'checks');
mkdirSync(checks, { recursive: true });

const runtimes = Object.entries(consumer.nodes).flatMap(([name, binary]) => [
  { name, binary, flags: [] as string[] },
  ...(name === `node ${process.version}`
    ? [{ name: `${name}, require(esm) off`, binary, flags: ['--no-experimental-require-module'] }]
    : []),
]);

const packages = publishedPackages();
const specifiers = packages.flatMap((pkg) => pkg.entries.map((entry) => specifier(pkg.manifest.name, entry)));

/** Prints `{ specifier: [export names] }` for every entry, loaded with import() or require(). */
function exportsScript(format: 'esm' | 'cjs'): string {
  const load = format === 'esm' ? 'await import(name)' : 'require(name)';
  return `${format === 'cjs' ? '(async () => {' : ''}
const names = ${JSON.stringify(specifiers)};
const found = {};
for (const name of names) {
  const module = ${load};
  found[name] = Object.keys(module).filter((key) => key !== 'default' && key !== '__esModule').sort();
}
process.stdout.write(JSON.stringify(found));
${format === 'cjs' ? '})();' : ''}`;
}

async function runScript(runtime: (typeof runtimes)[number], file: string, env: NodeJS.ProcessEnv = {}) {
  const stdout = await exec(runtime.binary, [...runtime.flags, file], { cwd: consumer.dir, env, timeout: 60_000 });
  return JSON.parse(stdout) as unknown;
}

writeFileSync(join(checks, 'exports.mjs'), exportsScript('esm'));
writeFileSync(join(checks, 'exports.cjs'), exportsScript('cjs'));

describe('the tarballs', () => {
  it.each(packages.map((pkg) => [pkg.manifest.name, pkg.id] as const))(
    '%s ships its LICENSE and README, with versions in place of workspace: ranges',
    (name) => {
      const installed = join(consumer.dir, 'node_modules', name);
      expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
      expect(readFileSync(join(installed, 'README.md'), 'utf8')).toMatch(new RegExp(`^# ${name}`));
      const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
      expect(JSON.stringify(manifest)).not.toContain('workspace:');
    },
  );
});

describe.each(runtimes)('$name', (runtime) => {
  it('loads every entry of every package with import and with require(), with the same exports', async () => {
    const esm = (await runScript(runtime, 'checks/exports.mjs')) as Record<string, string[]>;
    const cjs = (await runScript(runtime, 'checks/exports.cjs')) as Record<string, string[]>;
    expect(Object.keys(esm)).toEqual(specifiers);
    for (const name of specifiers) expect(esm[name]!.length, name).toBeGreaterThan(0);
    expect(cjs).toEqual(esm);
  });

  describe.each(scenarios)('$name', (scenario) => {
    it.each(['mjs', 'cjs'] as const)('calls its fake and throws its own error classes (.%s)', async (extension) => {
      expect(await runInNode(consumer.dir, scenario, extension, runtime)).toEqual(expectedReport(scenario));
    });
  });
});
