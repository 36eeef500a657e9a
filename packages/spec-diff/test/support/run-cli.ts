import { main } from '../../src/cli/main.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

type Main = typeof main;

/** Runs a CLI in-process (spec-diff's by default), as `<cli> <argv>` in `cwd`. */
export async function runCli(argv: string[], cwd: string, cli: Main = main): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await cli(argv, {
    cwd,
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
  });
  return { code, stdout, stderr };
}
