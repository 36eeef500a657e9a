// What a sample run must show, whatever it ran against: the request went to the host and path the
// spec names, with the query and body the sample promises (read back as the server reads them:
// JSON, or form fields as Rails parses them, file parts by name), and the answer was a success the
// spec documents.
import { parseRailsForm } from '@oapi/runtime';
import { type RecordedRequest, type SampleRouter, startSampleRouter } from '@oapi/test-support';
import { afterAll, beforeAll, expect } from 'vitest';
import type { OperationSamples } from '../src/code-samples.js';
import type { Provider } from '../src/providers.js';
import { EnvRef, FileRef } from '../src/samples/placeholders.js';
import type { SampleBody } from '../src/samples/sample-request.js';
import { isObject, type Json } from '../src/spec-json.js';
import { clientCheckDir } from './client-links.js';

type Env = Readonly<Record<string, string>>;

/** The value with the reader's variables filled in from `env`. */
export function resolved(value: unknown, env: Env): unknown {
  if (value instanceof EnvRef) {
    const filled = env[value.name] ?? value.fallback;
    if (filled === undefined) throw new Error(`the test sets no ${value.name}`);
    return filled;
  }
  if (value instanceof FileRef || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => resolved(item, env));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolved(item, env)]));
}

/** A value as form fields carry it: every leaf a string, `null` an empty one. */
function asFormText(value: unknown): unknown {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map(asFormText);
  if (typeof value === 'object')
    return Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, asFormText(v)]));
  return String(value);
}

/** Every FileRef of a body, by its file name: the files a test hands the sample. */
export function filesOf(body: SampleBody | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.values(body?.value ?? {})
      .filter((v): v is FileRef => v instanceof FileRef)
      .map((file) => [file.fileName, file.contents]),
  );
}

async function expectBody(record: RecordedRequest, body: SampleBody | undefined, env: Env, name: string) {
  const contentType = record.headers.get('content-type') ?? '';
  if (!body) {
    expect(record.body, `${name}: no body`).toBe('');
    return;
  }
  expect(contentType.split(';')[0], `${name}: content type`).toBe(body.mediaType);
  const fields = Object.fromEntries(Object.entries(body.value).filter(([, v]) => !(v instanceof FileRef)));
  const expected = resolved(fields, env);
  if (body.encoding === 'json') {
    expect(JSON.parse(record.body), `${name}: JSON body`).toEqual(expected);
  } else if (body.encoding === 'form') {
    // Well-formed: no empty field (`&a=1`, `a=1&&b=2`), every field named.
    expect(
      record.body.split('&').filter((pair) => pair === '' || pair.startsWith('=')),
      `${name}: ${record.body}`,
    ).toEqual([]);
    expect(parseRailsForm(record.body), `${name}: form body as Rails reads it`).toEqual(asFormText(expected));
  } else {
    const form = await new Response(record.body, { headers: { 'content-type': contentType } }).formData();
    const text = new URLSearchParams();
    const files: Record<string, string> = {};
    for (const [key, value] of form) {
      if (typeof value === 'string') text.append(key, value);
      else files[key] = await value.text();
    }
    expect(parseRailsForm(text), `${name}: multipart fields as Rails reads them`).toEqual(asFormText(expected));
    const sent = Object.fromEntries(
      Object.entries(body.value).flatMap(([key, v]) => (v instanceof FileRef ? [[key, v.contents]] : [])),
    );
    expect(files, `${name}: file parts`).toEqual(sent);
  }
}

/** Statuses below 400 the operation documents (`200`, `2XX`, `302`). */
export function successStatuses(operation: Json): RegExp {
  const codes = Object.keys(isObject(operation.responses) ? operation.responses : {}).filter((code) =>
    /^[123]/.test(code),
  );
  expect(codes.length, String(operation.operationId)).toBeGreaterThan(0);
  return new RegExp(`^(${codes.map((code) => code.replace(/X/gi, '\\d')).join('|')})$`);
}

export interface Expected {
  readonly samples: OperationSamples;
  /** `https://api.wootric.com`: where the request must have gone. */
  readonly origin: string;
  readonly env: Env;
  /** TypeScript sends the client's media type where it differs from the documented one. */
  readonly language: 'curl' | 'typescript';
}

/** The request `samples` made (among the ones recorded, token requests of the client included). */
export function findRequest(requests: readonly RecordedRequest[], { samples }: Expected): RecordedRequest | undefined {
  const { method, path } = samples.request;
  const escaped = path.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`^${escaped.join('[^/]+')}$`);
  return requests.findLast((r) => r.method === method.toUpperCase() && (path === '' || pattern.test(r.url.pathname)));
}

/** The recorded request is what the sample promises, and was answered with a documented success. */
export async function expectSent(record: RecordedRequest | undefined, expected: Expected, success: RegExp) {
  const { samples, origin, env, language } = expected;
  const { request } = samples;
  const name = `${samples.name} (${language})`;
  expect(record, `${name}: no ${request.method.toUpperCase()} ${request.path} was sent`).toBeDefined();
  const sent = record!;
  expect(sent.url.origin, `${name}: host`).toBe(origin);
  const path = request.path.replace(/\{([^}]+)\}/g, (_, key: string) =>
    encodeURIComponent(String(request.pathParams[key])),
  );
  if (request.kind === 'operation') expect(sent.url.pathname, `${name}: path`).toBe(path);
  const query = Object.fromEntries(
    Object.entries(resolved(request.query, env) as Json).map(([key, value]) => [key, String(value)]),
  );
  expect(Object.fromEntries(sent.url.searchParams), `${name}: query`).toEqual(query);
  const body = language === 'typescript' ? (request.clientBody ?? request.body) : request.body;
  await expectBody(sent, body, env, name);
  expect(String(sent.status), `${name}: answer`).toMatch(success);
}

/**
 * A sample router and a folder the TypeScript samples run in (the clients linked), for a test
 * file's tests; read `router` and `dir` inside tests.
 */
export function sampleHarness(providers: readonly Provider[]): { readonly router: SampleRouter; readonly dir: string } {
  const state = {} as { router: SampleRouter; dir: string };
  let check: ReturnType<typeof clientCheckDir> | undefined;
  beforeAll(async () => {
    state.router = await startSampleRouter();
    check = clientCheckDir(providers);
    state.dir = check.dir;
  });
  afterAll(async () => {
    await state.router?.close();
    check?.remove();
  });
  return state;
}
