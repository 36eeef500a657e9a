import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { freePort } from './loopback.js';

export interface PrismMock {
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  /** Every request or response violation Prism logged since it started (or since the last `clearViolations`). */
  violations(): string[];
  clearViolations(): void;
  /** Every request Prism received, as `METHOD /path` (query string dropped). */
  requests(): string[];
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);
const prismBin = join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');

/**
 * Starts Prism as a mock of `specFile` on loopback, with `--errors`: a request the spec does not
 * allow gets an error reply (and a logged violation) instead of a mock answer.
 */
export async function startPrism(specFile: string, options: { dynamic?: boolean } = {}): Promise<PrismMock> {
  const port = await freePort();
  const args = [prismBin, 'mock', '-h', '127.0.0.1', '-p', String(port), '--errors', specFile];
  if (options.dynamic) args.push('--dynamic', '--seed', 'oapi');
  const child: ChildProcess = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  let log = '';
  let violations: string[] = [];
  const requests: string[] = [];
  let partial = '';
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    log += text;
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (/\[VALIDATOR\].*Violation:/.test(line)) violations.push(line.slice(line.indexOf('Violation:')).trim());
      const request = /\[HTTP SERVER\] (\w+) (\S+) .*Request received/.exec(line);
      if (request) requests.push(`${request[1]!.toUpperCase()} ${request[2]!.split('?')[0]}`);
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Prism did not start within 60 s for ${specFile}:\n${log.slice(-2000)}`)),
      60_000,
    );
    const check = () => {
      if (/Prism is listening/.test(log)) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited with ${code} for ${specFile}:\n${log.slice(-2000)}`));
    });
  });

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    violations: () => [...violations],
    clearViolations: () => {
      violations = [];
    },
    requests: () => [...requests],
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
