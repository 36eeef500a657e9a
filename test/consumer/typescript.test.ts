// The installed packages' types, in a TypeScript project outside the workspace, under each module
// resolution a user may have: `bundler`, and `node16`/`nodenext` from an ES module and from a
// CommonJS one. The code uses every entry of every package; a wrong path, parameter or body must
// still be an error, so the types are the real ones and not `any`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listApis } from '@oapi/api-list';
import ts from 'typescript';
import { describe, expect, inject, it } from 'vitest';
import { repoRoot } from '../support/workspace.js';

const consumer = inject('consumer');

/** Every client of redocly.yaml's APIs, a new provider's too: its factory typed, its paths the spec's only. */
const everyClient = (await listApis(repoRoot)).map(
  (api, i) => `
import * as client${i} from '${api.client.name}';
export async function use${i}(): Promise<void> {
  const client = client${i}.${api.client.factory}({ baseUrl: 'https://api.example.com' });
  // @ts-expect-error a path no spec has
  await client.GET('/no/such/path/in/${api.id}');
  console.log(client.baseUrl, client${i}.provider.id);
}`,
);

/** Uses each package's main entry, typed, and its `./node` entry where it has one (then every client, generically). */
const usage = `
import { createKlikaClient, passwordGrant, unwrap, AuthError, type User } from '@oapi/klika';
import { authorizeOnLoopback } from '@oapi/klika/node';
import { createWootricClient, verifyWootricWebhook, type EndUser } from '@oapi/wootric';
import { fileFromPath } from '@oapi/wootric/node';
import { createWootricCxiClient, uploadImport } from '@oapi/wootric-cxi';
import { fileFromPath as cxiFile } from '@oapi/wootric-cxi/node';
import { createCloudcxClient, apiKey } from '@oapi/cloudcx';
import { createAuth, bearerToken, type TokenStore } from '@oapi/auth';
import { startLoopbackRedirect } from '@oapi/auth/node';
import { ApiError, fileFrom } from '@oapi/runtime';
import { fileFromPath as runtimeFile } from '@oapi/runtime/node';
import { diffSpecs } from '@oapi/spec-diff';

export async function main(): Promise<void> {
  const klika = createKlikaClient({ baseUrl: 'https://api.example.com', auth: passwordGrant({ username: 'u', password: 'p' }) });
  const user: User = unwrap(await klika.GET('/api/v1/users/{id}', { params: { path: { id: 1 } } }));
  const email: string = user.email;
  // @ts-expect-error a path the spec does not have
  await klika.GET('/api/v1/nowhere');
  // @ts-expect-error the id is a number
  await klika.GET('/api/v1/users/{id}', { params: { path: { id: 'one' } } });

  const wootric = createWootricClient({ accountToken: 'NPS-1a2b3c4d', auth: bearerToken('t') });
  const endUsers: EndUser[] = unwrap(await wootric.GET('/v1/end_users'));
  const event = await verifyWootricWebhook('{}', 'sha1=00', 'secret');
  // @ts-expect-error the body needs an email
  await wootric.POST('/v1/end_users', { body: { external_id: 'x' } });

  const cxi = createWootricCxiClient({ auth: bearerToken('t') });
  await uploadImport(cxi, await cxiFile('import.csv'));
  const cloudcx = createCloudcxClient({ host: 'cx.example.com', auth: apiKey('k') });
  const store: TokenStore = { get: () => undefined, set: () => undefined };
  const files = [await fileFromPath('a.csv'), await runtimeFile('b.csv'), await fileFrom('text')];
  const redirect = await startLoopbackRedirect();
  const helpers = [authorizeOnLoopback, createAuth, diffSpecs, AuthError, ApiError];
  console.log(email, endUsers, event.type, cloudcx, store, files, redirect.redirectUri, helpers);
}
`;

const modes = [
  { name: 'bundler (ESM)', file: 'usage.ts', module: 'esnext', moduleResolution: 'bundler', type: 'module' },
  { name: 'node16, an ES module', file: 'usage.mts', module: 'node16', moduleResolution: 'node16', type: 'module' },
  {
    name: 'node16, a CommonJS module',
    file: 'usage.cts',
    module: 'node16',
    moduleResolution: 'node16',
    type: 'commonjs',
  },
  {
    name: 'nodenext, an ES module',
    file: 'usage.mts',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    type: 'module',
  },
  {
    name: 'nodenext, a CommonJS module',
    file: 'usage.cts',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    type: 'commonjs',
  },
] as const;

function typecheck(mode: (typeof modes)[number]): string[] {
  const dir = join(consumer.dir, 'typescript', mode.name.replace(/\W+/g, '-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: mode.type }));
  const file = join(dir, mode.file);
  writeFileSync(file, [usage, ...everyClient].join('\n'));
  const config = ts.convertCompilerOptionsFromJson(
    {
      strict: true,
      noEmit: true,
      target: 'es2022',
      lib: ['es2023', 'dom'],
      types: [],
      module: mode.module,
      moduleResolution: mode.moduleResolution,
    },
    dir,
  );
  expect(config.errors).toEqual([]);
  const program = ts.createProgram([file], config.options);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where =
      d.file && d.start !== undefined
        ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}`
        : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

describe('TypeScript, against the installed packages', () => {
  it.each(modes)('$name: every entry resolves and is typed from the spec', (mode) => {
    expect(typecheck(mode)).toEqual([]);
  });
});
