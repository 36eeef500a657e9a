// A private registry on loopback (Verdaccio 6.8) that serves and accepts `@oapi/*`; everything else
// comes from the usual registry, as with a scoped company registry.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Registry {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  /** A publish token of a user registered for the test. */
  readonly token: string;
  close(): Promise<void>;
}

const config = `storage: ./storage
auth:
  htpasswd:
    file: ./htpasswd
    max_users: 10
uplinks: {}
packages:
  '@oapi/*':
    access: $all
    publish: $authenticated
log: { type: stdout, format: pretty, level: warn }
`;

async function portOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /^(\d+)$/m.exec(output)?.[1];
      if (port) resolve(Number(port));
    });
    child.once('exit', (code) => reject(new Error(`Verdaccio exited with ${code} before listening:\n${output}`)));
  });
}

export async function startRegistry(dir: string): Promise<Registry> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.yaml'), config);
  const child = fork(join(import.meta.dirname, 'verdaccio-server.mjs'), [join(dir, 'config.yaml')], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const url = `http://127.0.0.1:${await portOf(child)}/`;
  // npm's `adduser`, as the registry's API takes it: a new user answers with its token.
  const reply = await fetch(`${url}-/user/org.couchdb.user:release-bot`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'release-bot', password: 'release-bot-password-1' }),
  });
  const { token } = (await reply.json()) as { token?: string };
  if (reply.status !== 201 || !token) throw new Error(`Verdaccio refused to add a user: HTTP ${reply.status}`);
  return {
    url,
    token,
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
