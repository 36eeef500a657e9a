// `pnpm sandbox <id>`: a Prism mock of one provider that tells the user how to point the client at it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '@oapi/test-support';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../scripts/sandbox.mjs', import.meta.url));

function run(args: string[], until: RegExp): Promise<{ output: string; code: number | null; stop: () => void }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const stop = () => child.kill('SIGTERM');
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (until.test(output)) resolve({ output, code: null, stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => resolve({ output, code, stop }));
  });
}

describe('pnpm sandbox', () => {
  it('starts a validating mock of klika and prints how to use it', async () => {
    const port = await freePort();
    const { output, stop } = await run(['klika', String(port)], /Ctrl\+C stops it/);
    try {
      expect(output).toContain(`createKlikaClient({ baseUrl: 'http://127.0.0.1:${port}'`);
      const reply = await fetch(`http://127.0.0.1:${port}/api/v1/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: { email: 'try@example.com', password: 'long-enough' } }),
      });
      expect(reply.status).toBe(200);
      expect(await reply.json()).toMatchObject({ email: expect.any(String), role: 'default' });
    } finally {
      stop();
    }
  });

  it('names the known providers for an unknown one, and exits 2', async () => {
    const { output, code } = await run(['nope'], /$^/);
    expect(code).toBe(2);
    expect(output).toMatch(/usage: pnpm sandbox <id>.*klika, wootric, wootric-cxi, cloudcx/);
  });
});
