// A SampleRequest as one curl command a reader pastes into a shell: the reader's own values as
// $VARIABLES, form bodies field by field with --data-urlencode (Rails brackets where the spec says),
// multipart bodies with -F (files by name), JSON bodies inline or, with variables, as a here-document.
import { railsFormFields } from '@oapi/runtime';
import { EnvRef, FileRef } from './placeholders.js';
import type { SampleBody, SampleRequest } from './sample-request.js';

type ShellPart = string | EnvRef;

const singleQuoted = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** One shell word: single-quoted, or double-quoted where it reads a variable. */
function word(parts: readonly ShellPart[]): string {
  if (!parts.some((part) => part instanceof EnvRef)) return singleQuoted(parts.join(''));
  const text = parts.map((part, i) => {
    if (!(part instanceof EnvRef)) return part.replace(/[\\"$`]/g, '\\$&');
    if (part.fallback !== undefined) return `\${${part.name}:-${noSpecials(part.fallback)}}`;
    const next = parts[i + 1];
    return typeof next === 'string' && /^\w/.test(next) ? `\${${part.name}}` : `$${part.name}`;
  });
  return `"${text.join('')}"`;
}

/** A default inside `${NAME:-default}`: host names and ports, nothing the shell would read further. */
function noSpecials(text: string): string {
  if (!/^[\w.:-]*$/.test(text)) throw new Error(`"${text}" cannot be a shell default as it is`);
  return text;
}

function noNewline(text: string, where: string): string {
  if (text.includes('\n')) throw new Error(`${where}: a value with a line break cannot be a one-line shell word`);
  return text;
}

/** `name=value` pairs of a query string: objects as `name[key]`, arrays repeated. */
function queryPairs(name: string, value: unknown): Array<[string, ShellPart]> {
  if (value instanceof EnvRef) return [[name, value]];
  if (Array.isArray(value)) return value.flatMap((item) => queryPairs(name, item));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => queryPairs(`${name}[${key}]`, item));
  return [[name, String(value)]];
}

/** The query of a long GET as `-G --data-urlencode` options, which curl appends to the URL: shorter lines, values as they are. */
const longQuery = 60;

function urlParts(request: SampleRequest, withQuery: boolean): ShellPart[] {
  const server =
    request.server instanceof EnvRef
      ? [request.server]
      : request.server.split(/(\{[^}]+\})/).map((piece) => request.serverVariables[piece.slice(1, -1)] ?? piece);
  const path = request.path.replace(/\{([^}]+)\}/g, (whole, name: string) =>
    name in request.pathParams ? encodeURIComponent(String(request.pathParams[name])) : whole,
  );
  const search = (withQuery ? queryOf(request) : []).flatMap(([name, value], i): ShellPart[] => [
    `${i === 0 ? '?' : '&'}${encodeURIComponent(name).replace(/%5B/g, '[').replace(/%5D/g, ']')}=`,
    value instanceof EnvRef ? value : encodeURIComponent(value),
  ]);
  return [...server, path, ...search].filter((part) => part !== '');
}

function queryOf(request: SampleRequest): Array<[string, ShellPart]> {
  const query = { ...request.query };
  if (request.credential?.in === 'query') query[request.credential.name] = request.credential.value;
  return Object.entries(query).flatMap(([name, value]) => queryPairs(name, value));
}

/** Placeholders survive the form writer as marked strings, and come back as EnvRefs. */
const mark = (name: string) => `\uE000${name}\uE001`;
function marked(value: unknown): unknown {
  if (value instanceof EnvRef) return mark(value.name);
  if (Array.isArray(value)) return value.map(marked);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, marked(v)]));
  return value;
}
const unmark = (text: string): ShellPart[] =>
  text.split(/\uE000([^\uE001]*)\uE001/).map((piece, i) => (i % 2 === 1 ? new EnvRef(piece) : piece));

function bodyLines(body: SampleBody): { options: string[]; hereDocument?: string[]; comments: string[] } {
  if (body.encoding === 'json') {
    const json = JSON.stringify(marked(body.value), null, 2);
    const header = "-H 'Content-Type: application/json'";
    if (!json.includes('\uE000') && json.length <= 60)
      return { options: [header, `-d ${singleQuoted(JSON.stringify(body.value))}`], comments: [] };
    // A quoted delimiter keeps the text as it is; an unquoted one expands the reader's variables.
    const reads = json.includes('\uE000');
    const text = unmark(json)
      .map((part) => (part instanceof EnvRef ? `$${part.name}` : reads ? part.replace(/[\\$`]/g, '\\$&') : part))
      .join('');
    const start = reads ? '--data-binary @- <<JSON' : "--data-binary @- <<'JSON'";
    return { options: [header, start], hereDocument: [...text.split('\n'), 'JSON'], comments: [] };
  }
  const options: string[] = [];
  const comments: string[] = [];
  // The runtime's writer: the same bracket notation the clients send (`a[b]`, `a[]`, `a[][b]`).
  const fields = Object.entries(body.value).filter(([, value]) => !(value instanceof FileRef));
  for (const [name, value] of railsFormFields(marked(Object.fromEntries(fields)) as Record<string, unknown>)) {
    const parts = unmark(noNewline(String(value), name));
    if (body.encoding === 'form') options.push(`--data-urlencode ${word([`${name}=`, ...parts])}`);
    else {
      const text = parts.join('');
      const literal = parts.length === 1 && (/^[@<]/.test(text) || text.includes(';'));
      options.push(`${literal ? '--form-string' : '-F'} ${word([`${name}=`, ...parts])}`);
    }
  }
  for (const [name, value] of Object.entries(body.value)) {
    if (!(value instanceof FileRef)) continue;
    options.push(`-F ${singleQuoted(`${name}=@${value.fileName};type=${value.type}`)}`);
    comments.push(`# ${value.fileName}: the ${value.type} file to upload (the request body's example shows one).`);
  }
  return { options, comments };
}

export function curlSample(request: SampleRequest): string {
  const inUrl = word(urlParts(request, true));
  const split = request.method === 'get' && inUrl.length > longQuery && queryOf(request).length > 0;
  const options = request.method === 'get' ? (split ? ['-G'] : []) : [`-X ${request.method.toUpperCase()}`];
  const head = `curl ${[...options, split ? word(urlParts(request, false)) : inUrl].join(' ')}`;
  const lines: string[] = split
    ? queryOf(request).map(([name, value]) => `--data-urlencode ${word([`${name}=`, value])}`)
    : [];
  if (request.basicAuth) lines.push(`-u ${word([request.basicAuth.user, ':', request.basicAuth.password])}`);
  if (request.credential?.in === 'header')
    lines.push(`-H ${word([`${request.credential.name}: ${request.credential.prefix}`, request.credential.value])}`);
  for (const [name, value] of Object.entries(request.headers))
    lines.push(
      `-H ${word(value instanceof EnvRef ? [`${name}: `, value] : [`${name}: ${noNewline(String(value), name)}`])}`,
    );
  const body = request.body ? bodyLines(request.body) : { options: [], comments: [] };
  lines.push(...body.options);
  const command = [head, ...lines].join(' \\\n  ');
  return `${[...body.comments, command, ...(body.hereDocument ?? [])].join('\n')}\n`;
}
