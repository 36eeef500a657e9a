// A TypeScript sample runs in its own node, with only the environment it is given; every request it
// makes reaches the router under the URL it asked for, and the route's answer comes back to it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTypeScriptSample, type SampleRouter, startSampleRouter } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'ts-sample-'));
let router: SampleRouter;
beforeAll(async () => {
  router = await startSampleRouter();
});
afterAll(async () => {
  await router?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('runTypeScriptSample', () => {
  it('records the real URL and body, and returns the answer of the route', async () => {
    router.route('https://api.example.test', async (request) =>
      Response.json({ got: await request.text(), auth: request.headers.get('authorization') }),
    );
    const code = `
      const token: string = process.env.TOKEN ?? '';
      const res = await fetch('https://api.example.test/v1/things?x=1', {
        method: 'POST',
        headers: { authorization: \`Bearer \${token}\`, 'content-type': 'application/json' },
        body: JSON.stringify({ a: 1 }),
      });
      console.log(res.status, JSON.stringify(await res.json()));
    `;
    const run = await runTypeScriptSample(code, { dir, router, env: { TOKEN: 't-1' } });
    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    expect(run.stdout).toBe('200 {"got":"{\\"a\\":1}","auth":"Bearer t-1"}\n');
    const [sent] = router.requests;
    expect([sent?.method, sent?.url.href, sent?.body, sent?.status]).toEqual([
      'POST',
      'https://api.example.test/v1/things?x=1',
      '{"a":1}',
      200,
    ]);
  });

  it('answers 502 for a host no route names, and reports a failing sample by its exit code and stderr', async () => {
    router.reset();
    const run = await runTypeScriptSample(
      `const res = await fetch('https://elsewhere.test/'); if (!res.ok) throw new Error('status ' + res.status + ': ' + await res.text());`,
      { dir, router, env: {} },
    );
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain('status 502: no route for https://elsewhere.test in this test');
  });

  it('passes the sample none of the test process environment but what it is given', async () => {
    const run = await runTypeScriptSample(`console.log(JSON.stringify(Object.keys(process.env).sort()));`, {
      dir,
      router,
      env: { ONLY: '1' },
    });
    expect(JSON.parse(run.stdout)).toEqual(['ONLY', 'PATH', 'SAMPLE_ROUTER']);
  });
});
