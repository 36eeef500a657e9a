// A copy of the workspace as release.yml's job has it after `pnpm install` and `pnpm build`: every
// manifest, the lockfile, the changesets and scripts, and for publishing the published packages'
// built files and node_modules installed from the local store (offline). The release tests version
// and publish the copy, never this checkout.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishedPackages, repoRoot } from '../support/workspace.js';
import { exec } from './consumer-project.js';

const rootFiles = [
  'package.json',
  'pnpm-workspace.yaml',
  'pnpm-lock.yaml',
  '.npmrc',
  'LICENSE',
  '.changeset',
  'scripts',
];

export interface CopyOptions {
  /** Copy the published packages' built files (dist/) too and install, for publishing. */
  readonly builds: boolean;
  /** Leave out the pending changesets, for a scenario of its own. */
  readonly changesets: boolean;
}

export async function copyWorkspace(into: string, options: CopyOptions): Promise<string> {
  mkdirSync(into, { recursive: true });
  for (const file of rootFiles) {
    if (existsSync(join(repoRoot, file))) cpSync(join(repoRoot, file), join(into, file), { recursive: true });
  }
  if (!options.changesets) {
    for (const file of readdirSync(join(into, '.changeset')))
      if (file.endsWith('.md') && file !== 'README.md') rmSync(join(into, '.changeset', file));
  }
  const published = new Set(publishedPackages().map((pkg) => pkg.dir));
  for (const folder of ['packages', 'apps']) {
    for (const id of readdirSync(join(repoRoot, folder))) {
      const from = join(repoRoot, folder, id);
      if (!existsSync(join(from, 'package.json'))) continue;
      const to = join(into, folder, id);
      mkdirSync(to, { recursive: true });
      const files =
        published.has(from) && options.builds ? ['package.json', 'README.md', 'LICENSE', 'dist'] : ['package.json'];
      for (const file of files) {
        if (existsSync(join(from, file))) cpSync(join(from, file), join(to, file), { recursive: true });
      }
    }
  }
  if (options.builds) {
    // pnpm publish writes each `workspace:` range from the version its node_modules link points to.
    await exec('pnpm', ['install', '--offline', '--frozen-lockfile', '--ignore-scripts'], { cwd: into });
  } else {
    // Versioning needs only the tools (changesets), which this checkout has.
    symlinkSync(join(repoRoot, 'node_modules'), join(into, 'node_modules'));
  }
  writeFileSync(join(into, '.gitignore'), 'node_modules\n');
  await exec('git', ['init', '-q', '-b', 'main'], { cwd: into });
  await commitAll(into, 'the workspace');
  return into;
}

/** Commits everything in the copy, as the merge of a pull request would. */
export async function commitAll(dir: string, message: string): Promise<void> {
  const env = {
    GIT_AUTHOR_NAME: 'Release test',
    GIT_AUTHOR_EMAIL: 'release@example.com',
    GIT_COMMITTER_NAME: 'Release test',
    GIT_COMMITTER_EMAIL: 'release@example.com',
  };
  await exec('git', ['add', '-A'], { cwd: dir, env });
  await exec('git', ['commit', '-qm', message], { cwd: dir, env });
}
