// A SampleRequest as a TypeScript call through the provider's client: short, because the client is
// set up once per provider (`clientSetup`, shown at the top of the reference and in the auth guide's
// quickstart). Public operations (the token endpoint, a sign-up) use a client without credentials;
// an operation with servers of its own passes its `baseUrl`; a body in a media type the client
// does not send by default says its `Content-Type`.
import { objectOf, serverOptions } from '../client-setup.js';
import type { Provider } from '../providers.js';
import { quote, Raw, tsLiteral } from '../ts-literal.js';
import { EnvRef, FileRef } from './placeholders.js';
import type { SampleRequest } from './sample-request.js';

export interface TypeScriptCall {
  /** Statements before the call: a client without credentials, files to upload. */
  readonly preamble: readonly string[];
  readonly call: string;
}

const env = (ref: EnvRef) => `process.env.${ref.name} ?? ${quote(ref.fallback ?? '')}`;

/** A value as TypeScript, placeholders read from the environment, files named by their variable. */
function literal(value: unknown, indent: number, files: Map<FileRef, string>, width: number): string {
  const replaced = (v: unknown): unknown => {
    if (v instanceof Raw) return v;
    if (v instanceof EnvRef) return new Raw(env(v));
    if (v instanceof FileRef) return new Raw(`${files.get(v)} as unknown as string`);
    if (Array.isArray(v)) return v.map(replaced);
    if (typeof v === 'object' && v !== null)
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, replaced(x)]));
    return v;
  };
  return tsLiteral(replaced(value), indent, width);
}

function serverExpression(request: SampleRequest): string {
  if (typeof request.server !== 'string') return env(request.server);
  const pieces = request.server.split(/\{([^}]+)\}/);
  if (pieces.length === 1) return quote(request.server);
  return `\`${pieces.map((piece, i) => (i % 2 === 1 ? `\${${env(request.serverVariables[piece]!)}}` : piece)).join('')}\``;
}

/** Each file part read from a file of that name, as the curl sample uploads it. */
function fileStatements(files: Map<FileRef, string>): string[] {
  if (files.size === 0) return [];
  return [
    "import { openAsBlob } from 'node:fs';",
    '',
    ...[...files].map(
      ([file, name]) => `const ${name} = await openAsBlob(${quote(file.fileName)}, { type: ${quote(file.type)} });`,
    ),
    '// The spec types file parts as strings; the client sends a Blob as a file part.',
  ];
}

export function typescriptCall(provider: Provider, request: SampleRequest, clientVariable: string): TypeScriptCall {
  const client = provider.client!;
  const body = request.clientBody ?? request.body;
  const files = new Map<FileRef, string>();
  for (const [name, value] of Object.entries(body?.value ?? {})) if (value instanceof FileRef) files.set(value, name);
  const preamble = fileStatements(files);
  const isPublic = request.credential === undefined;
  const variable = isPublic ? `${clientVariable}Public` : clientVariable;
  if (isPublic) preamble.push(`const ${variable} = ${client.factory}(${objectOf(serverOptions(provider))});`);

  const params = Object.fromEntries(
    (['path', 'query', 'header'] as const)
      .map(
        (where) =>
          [where, where === 'path' ? request.pathParams : where === 'query' ? request.query : request.headers] as const,
      )
      .filter(([, values]) => Object.keys(values).length > 0),
  );
  const init: Record<string, unknown> = {};
  if (request.ownServer) init.baseUrl = new Raw(serverExpression(request));
  if (Object.keys(params).length > 0) init.params = params;
  if (body) init.body = body.value;
  const clientEncoding = provider.descriptor.bodyEncoding === 'json' ? 'json' : 'form';
  if (body && body.encoding !== 'multipart' && body.encoding !== clientEncoding)
    init.headers = { 'Content-Type': body.mediaType };
  if (request.role === 'authorization') init.redirect = 'manual';
  if (request.answersWithText) init.parseAs = 'text';

  const target = `${variable}.${request.method.toUpperCase()}`;
  // Lines of at most about 90 characters: nothing is cut off beside the reference's text.
  const call = (indent: number) => {
    if (Object.keys(init).length === 0) return `await ${target}(${quote(request.path)})`;
    const start = `${' '.repeat(indent)}await ${target}(${quote(request.path)}, `;
    return `await ${target}(${quote(request.path)}, ${literal(init, indent, files, 90 - start.length - 2)})`;
  };
  const inline = call(0);
  if (request.role === 'authorization')
    return {
      preamble,
      call: `// A browser endpoint: send the user to it. Its answer is a redirect.\nconst { response } = ${inline};\nconsole.log(response.status, response.headers.get('location'));`,
    };
  const wrapped = inline.length <= 60 && !inline.includes('\n') ? `unwrap(${inline})` : `unwrap(\n  ${call(2)},\n)`;
  if (request.role === 'token')
    return {
      preamble: ['// The client calls this itself when `auth` is set; here is the raw call.', ...preamble],
      call: `const token = ${wrapped};\nconsole.log(token.token_type, token.expires_in);`,
    };
  return { preamble, call: request.answersWithBody ? `const data = ${wrapped};\nconsole.log(data);` : `${wrapped};` };
}
