import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { readFileSync } from 'node:fs';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/** publint's findings (errors, warnings and suggestions) for a built package, as sentences. */
export async function publintProblems(pkgDir: string): Promise<string[]> {
  const { messages } = await publint({ pkgDir, strict: true, level: 'suggestion' });
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as Record<string, unknown>;
  return messages.map((m) => `${m.type}: ${formatMessage(m, pkg) ?? m.code}`);
}

/** Are-the-types-wrong's problems for the packed package, in every resolution mode. */
export async function attwProblems(pkgDir: string): Promise<string[]> {
  const bin = join(dirname(require.resolve('@arethetypeswrong/cli/package.json')), 'dist', 'index.js');
  try {
    await run(process.execPath, [bin, '--pack', '.', '--format', 'json'], { cwd: pkgDir, maxBuffer: 32 * 1024 * 1024 });
    return [];
  } catch (error) {
    const stdout = (error as { stdout?: string }).stdout ?? '';
    try {
      const result = JSON.parse(stdout) as {
        analysis?: { problems?: Array<{ kind: string; entrypoint?: string; resolutionKind?: string }> };
      };
      return (result.analysis?.problems ?? []).map((p) =>
        `${p.kind} (${p.entrypoint ?? ''} ${p.resolutionKind ?? ''})`.trim(),
      );
    } catch {
      return [`attw failed: ${(error as Error).message.slice(0, 500)}`];
    }
  }
}
