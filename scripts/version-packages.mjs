#!/usr/bin/env node
// `pnpm version-packages`, what release.yml's changesets action runs for the "Version packages" pull
// request: `changeset version`, after giving each package that depends on a breaking release at
// least that release's weight. Every package here exposes its workspace dependencies' API (the
// clients re-export @oapi/auth and @oapi/runtime; runtime's options are auth's types), so a change
// that breaks a dependency's users breaks theirs too, where changesets alone would bump them by a
// patch. What it adds is an ordinary changeset per dependent, which `changeset version` then spends.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import getReleasePlan from '@changesets/get-release-plan';
import { getPackages } from '@manypkg/get-packages';

const rank = { none: 0, patch: 1, minor: 2, major: 3 };

/** The bump that breaks users under a caret range: major from 1.0, minor in 0.x, patch in 0.0.x. */
function breakingBump(version) {
  const [major, minor] = version.split('.').map(Number);
  return major > 0 ? 'major' : minor > 0 ? 'minor' : 'patch';
}

/** `[{ name, type, because, summaries }]`: the bumps dependents need over the pending changesets. */
async function breakingDependents(cwd) {
  const plan = await getReleasePlan(cwd);
  const { packages } = await getPackages(cwd);
  const published = packages.filter((pkg) => !pkg.packageJson.private);
  const versionOf = new Map(packages.map((pkg) => [pkg.packageJson.name, pkg.packageJson.version]));
  const bumps = new Map(plan.releases.map((release) => [release.name, release.type]));
  const summaries = (name) =>
    plan.changesets
      .filter((changeset) => changeset.releases.some((release) => release.name === name))
      .map((changeset) => changeset.summary.trim());
  const isBreaking = (name) => rank[bumps.get(name) ?? 'none'] >= rank[breakingBump(versionOf.get(name))];

  const added = [];
  // Until nothing changes: a dependent made breaking breaks its own dependents (auth → runtime → clients).
  for (let changed = true; changed; ) {
    changed = false;
    for (const dependent of published) {
      const { name, version, dependencies = {}, peerDependencies = {} } = dependent.packageJson;
      const need = breakingBump(version);
      if (rank[bumps.get(name) ?? 'none'] >= rank[need]) continue;
      const cause = Object.keys({ ...dependencies, ...peerDependencies }).find(
        (dependency) => versionOf.has(dependency) && isBreaking(dependency),
      );
      if (!cause) continue;
      bumps.set(name, need);
      added.push({ name, type: need, because: cause, summaries: summaries(cause) });
      changed = true;
    }
  }
  return added;
}

function writeChangeset(cwd, { name, type, because, summaries }) {
  const file = `${name.replace(/^@/, '').replace(/\//g, '-')}-breaking-${because.replace(/^@/, '').replace(/\//g, '-')}.md`;
  const cause = `Breaking, through ${because}, whose API this package re-exports`;
  const summary = summaries.length === 0 ? `${cause}.` : `${cause}: ${summaries.join(' ')}`;
  writeFileSync(join(cwd, '.changeset', file), `---\n"${name}": ${type}\n---\n\n${summary}\n`);
  return file;
}

const cwd = process.cwd();
for (const dependent of await breakingDependents(cwd)) {
  const file = writeChangeset(cwd, dependent);
  console.log(`version-packages: ${dependent.name} needs a ${dependent.type} for ${dependent.because} (${file})`);
}
const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('@changesets/cli/package.json')), 'bin.js');
const { status } = spawnSync(process.execPath, [cli, 'version'], { cwd, stdio: 'inherit' });
process.exit(status ?? 1);
