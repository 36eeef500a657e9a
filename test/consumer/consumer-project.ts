// A fresh project outside the workspace, as a user makes one: every published package packed once
// (`pnpm pack`, which writes the real versions over `workspace:`), installed from the tarballs with
// plain npm. Shared by every consumer test of a run.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type PublishedPackage, publishedPackages, repoRoot } from '../support/workspace.js';

const run = promisify(execFile);

/** The Node 22 the CommonJS and ESM checks also run on, from the npm registry's `node` package. */
export const node22Version = '22.23.3';

export interface ConsumerProject {
  /** The project: `node_modules/@oapi/*` installed from the tarballs. */
  readonly dir: string;
  /** `@oapi/klika` → the tarball it was installed from. */
  readonly tarballs: Record<string, string>;
  /** Node binaries to run the project with: the one running the tests, and Node 22. */
  readonly nodes: Record<string, string>;
}

/** Runs a command, with its output in the error when it fails. */
export async function exec(
  file: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number },
): Promise<string> {
  try {
    const { stdout } = await run(file, args, {
      ...options,
      env: { ...process.env, ...options.env },
      maxBuffer: 64 * 1024 * 1024,
      timeout: options.timeout ?? 300_000,
    });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    // The end of the output, where a tool says what went wrong.
    throw new Error(`${file} ${args.join(' ')} (in ${options.cwd}) failed:\n${`${stdout}\n${stderr}`.slice(-6000)}`);
  }
}

/** npm for a test: no audit, funding or update-notifier requests. */
export const npmEnv = { npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

/** Packs `packages` (every published one by default) into `dir` (pnpm pack: `workspace:` ranges become versions). */
export async function packAll(
  dir: string,
  packages: readonly PublishedPackage[] = publishedPackages(),
): Promise<Record<string, string>> {
  mkdirSync(dir, { recursive: true });
  const tarballs: Record<string, string> = {};
  for (const pkg of packages) {
    const before = new Set(readdirSync(dir));
    await exec('pnpm', ['pack', '--pack-destination', dir], { cwd: pkg.dir });
    const made = readdirSync(dir).find((file) => !before.has(file) && file.endsWith('.tgz'));
    if (!made) throw new Error(`pnpm pack wrote no tarball for ${pkg.manifest.name}`);
    tarballs[pkg.manifest.name] = join(dir, made);
  }
  return tarballs;
}

/** Node 22 from the npm registry (the `node` package brings the binary), installed once under node_modules/.cache. */
export async function installNode22(): Promise<string> {
  const prefix = join(repoRoot, 'node_modules', '.cache', `node-${node22Version}`);
  const binary = join(prefix, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(binary)) {
    mkdirSync(prefix, { recursive: true });
    writeFileSync(join(prefix, 'package.json'), '{ "private": true }\n');
    await exec('npm', ['install', '--no-save', `node@${node22Version}`], { cwd: prefix, env: npmEnv });
  }
  const version = (await exec(binary, ['--version'], { cwd: prefix })).trim();
  if (version !== `v${node22Version}`) throw new Error(`${binary} is ${version}, not v${node22Version}`);
  return binary;
}

/** A fresh npm project in `dir` with the tarballs installed, as a user's app gets them. */
export async function installTarballs(dir: string, tarballs: Record<string, string>): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const dependencies = Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`]));
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'consumer-app', version: '1.0.0', private: true, dependencies }, null, 2)}\n`,
  );
  await exec('npm', ['install'], { cwd: dir, env: npmEnv });
}

export async function createConsumerProject(): Promise<ConsumerProject> {
  const root = mkdtempSync(join(tmpdir(), 'oapi-consumer-'));
  const [tarballs, node22] = await Promise.all([packAll(join(root, 'tarballs')), installNode22()]);
  const dir = join(root, 'app');
  await installTarballs(dir, tarballs);
  return {
    dir,
    tarballs,
    nodes: { [`node ${process.version}`]: process.execPath, [`node v${node22Version}`]: node22 },
  };
}
