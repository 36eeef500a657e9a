// Runs a docs TypeScript sample as a reader would: a module of its own, in a fresh `node`, importing
// the real built client packages. The only change is underneath: a preloaded module rewrites
// `globalThis.fetch` so that every request (token requests included) goes to a SampleRouter, which
// records the URL the sample asked for and answers from the fake or Prism routed for that host.
import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { type SampleRouter, sampleUrlHeader } from './sample-router.js';

export interface TypeScriptSampleRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface TypeScriptSampleOptions {
  /** A folder from which the sample's imports (`@oapi/klika`) resolve; the module is written there. */
  readonly dir: string;
  readonly router: SampleRouter;
  /** The sample's environment (`process.env.KLIKA_HOST`, …); nothing else of the test's is passed. */
  readonly env: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

const preload = `
const send = globalThis.fetch;
const router = process.env.SAMPLE_ROUTER;
globalThis.fetch = async (input, init) => {
  const request = new Request(input, init);
  const headers = new Headers(request.headers);
  headers.set('${sampleUrlHeader}', request.url);
  const body = request.body === null ? undefined : await request.arrayBuffer();
  return send(router, { method: request.method, headers, body, redirect: 'manual', signal: request.signal });
};
`;

let runs = 0;

export async function runTypeScriptSample(
  code: string,
  options: TypeScriptSampleOptions,
): Promise<TypeScriptSampleRun> {
  const { outputText } = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  runs += 1;
  const base = join(options.dir, `.sample-${process.pid}-${runs}`);
  writeFileSync(`${base}.mjs`, outputText);
  writeFileSync(`${base}.preload.mjs`, preload);
  try {
    return await new Promise<TypeScriptSampleRun>((resolve) => {
      execFile(
        process.execPath,
        ['--import', `${base}.preload.mjs`, `${base}.mjs`],
        {
          cwd: options.dir,
          env: { PATH: process.env.PATH ?? '', ...options.env, SAMPLE_ROUTER: options.router.server.url },
          timeout: options.timeoutMs ?? 30_000,
        },
        (error, stdout, stderr) => {
          const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({ exitCode, stdout, stderr });
        },
      );
    });
  } finally {
    rmSync(`${base}.mjs`, { force: true });
    rmSync(`${base}.preload.mjs`, { force: true });
  }
}
