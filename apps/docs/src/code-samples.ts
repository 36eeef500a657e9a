import { authMethods, type AuthMethod } from './auth-methods.js';
import { clientSetup, importLine } from './client-setup.js';
import type { Provider } from './providers.js';
import { mediaTypeExample, parameterExample } from './sample-values.js';
import { deref, isObject, specOperations, type Json, type SpecOperation } from './spec-json.js';
import { quote, tsLiteral } from './ts-literal.js';

export interface CodeSample {
  /** `klika getUser`, for messages. */
  readonly name: string;
  readonly operationId: string;
  readonly code: string;
}

/** Strategies a per-operation sample prefers: the ones that need no redirect or stored token. */
const samplePreference = [
  'passwordGrant',
  'clientCredentialsGrant',
  'apiKey',
  'bearerToken',
  'refreshTokenGrant',
  'authorizationCodeGrant',
];

/** Headers the client sets itself; OpenAPI ignores them as parameters anyway. */
const managedHeaders = new Set(['authorization', 'content-type', 'accept']);

function requirements(provider: Provider, operation: Json): Array<Record<string, unknown>> {
  const security = Array.isArray(operation.security) ? operation.security : provider.spec.security;
  return Array.isArray(security) ? (security as Array<Record<string, unknown>>) : [];
}

/**
 * How a sample authenticates for an operation: `undefined` when the operation is public. Throws when
 * the client exports none of the strategies the operation accepts, rather than write a sample
 * without credentials.
 */
export function sampleAuthMethod(provider: Provider, operation: Json): AuthMethod | undefined {
  const alternatives = requirements(provider, operation);
  if (alternatives.length === 0 || alternatives.some((r) => Object.keys(r).length === 0)) return undefined;
  const accepted = authMethods(provider.security).filter((m) => alternatives.some((r) => m.scheme in r));
  const exported = provider.client?.strategies ?? [];
  const usable = accepted.filter((m) => exported.includes(m.strategy));
  if (usable.length === 0) {
    const expected = [...new Set(accepted.map((m) => m.strategy))].join(', ');
    throw new Error(
      `${provider.client?.name ?? provider.id} exports none of the strategies ${String(operation.operationId)} accepts (${expected}): its provider descriptor lists ${exported.join(', ') || 'none'}`,
    );
  }
  return usable.sort((a, b) => samplePreference.indexOf(a.strategy) - samplePreference.indexOf(b.strategy))[0];
}

/** The second argument of `client.GET(path, init)`: required parameters and the body, from the spec's examples. */
export function requestInit(spec: Json, op: SpecOperation): Record<string, unknown> | undefined {
  const params: Record<string, Record<string, unknown>> = {};
  const byKey = new Map<string, Json>();
  for (const raw of [
    ...op.pathParameters,
    ...(Array.isArray(op.operation.parameters) ? op.operation.parameters : []),
  ]) {
    const parameter = deref(spec, raw);
    if (isObject(parameter)) byKey.set(`${String(parameter.in)}:${String(parameter.name)}`, parameter);
  }
  for (const parameter of byKey.values()) {
    const where = String(parameter.in);
    const name = String(parameter.name);
    if (!(parameter.required === true || where === 'path')) continue;
    if (where === 'header' && managedHeaders.has(name.toLowerCase())) continue;
    params[where] ??= {};
    params[where][name] = parameterExample(spec, parameter);
  }
  const init: Record<string, unknown> = {};
  if (Object.keys(params).length > 0) init.params = params;
  const body = deref(spec, op.operation.requestBody);
  if (isObject(body) && isObject(body.content)) {
    const [media] = Object.values(body.content)
      .map((m) => deref(spec, m))
      .filter(isObject);
    if (media) init.body = mediaTypeExample(spec, media);
  }
  return Object.keys(init).length > 0 ? init : undefined;
}

function hasResponseBody(spec: Json, operation: Json): boolean {
  const responses = isObject(operation.responses) ? operation.responses : {};
  return Object.entries(responses).some(([status, raw]) => {
    const response = deref(spec, raw);
    return (
      /^2/.test(status) && isObject(response) && isObject(response.content) && Object.keys(response.content).length > 0
    );
  });
}

/** `const data = unwrap(await klika.GET('/path', { … }));` and what it logs. */
export function operationCall(spec: Json, op: SpecOperation, variable: string): string {
  const init = requestInit(spec, op);
  const target = `${variable}.${op.method.toUpperCase()}`;
  const inline = `await ${target}(${init === undefined ? quote(op.path) : `${quote(op.path)}, ${tsLiteral(init)}`})`;
  const wrapped =
    inline.length <= 60 && !inline.includes('\n')
      ? `unwrap(${inline})`
      : `unwrap(\n  await ${target}(${quote(op.path)}, ${tsLiteral(init, 2)}),\n)`;
  return hasResponseBody(spec, op.operation) ? `const data = ${wrapped};\nconsole.log(data);` : `${wrapped};`;
}

const pathOf = (url: string) => new URL(url, 'https://host.invalid').pathname;

/** A line to put before a call to one of the OAuth endpoints, which the client normally calls itself. */
function oauthEndpointNote(provider: Provider, path: string): string | undefined {
  const methods = authMethods(provider.security);
  if (methods.some((m) => m.tokenUrl !== undefined && pathOf(m.tokenUrl) === path)) {
    return '// With `auth` set, the client calls the token endpoint itself: this is the raw call.';
  }
  if (methods.some((m) => m.authorizationUrl !== undefined && pathOf(m.authorizationUrl) === path)) {
    return "// This endpoint is meant for the user's browser: send the user to its URL; shown here for completeness.";
  }
  return undefined;
}

/** A TypeScript sample for one operation with the provider's client: create it, call, unwrap. */
export function operationSample(provider: Provider, op: SpecOperation): string {
  const method = sampleAuthMethod(provider, op.operation);
  const setup = clientSetup(provider, method);
  const lines = [importLine([...setup.imports, 'unwrap'], provider.client!.name), ''];
  if (setup.preamble.length > 0) lines.push(...setup.preamble, '');
  lines.push(setup.statement, '');
  const note = oauthEndpointNote(provider, op.path);
  if (note) lines.push(note);
  lines.push(operationCall(provider.spec, op, setup.variable));
  return `${lines.join('\n')}\n`;
}

/** One sample per operation; none while the provider has no client package. */
export function codeSamples(provider: Provider): CodeSample[] {
  if (!provider.client) return [];
  return specOperations(provider.spec).map((op) => ({
    name: `${provider.id} ${op.operationId}`,
    operationId: op.operationId,
    code: operationSample(provider, op),
  }));
}

/**
 * The copy of the spec the reference page renders: each operation gains a TypeScript `x-codeSamples`
 * entry after any the spec already has. The spec itself is not changed.
 */
export function withCodeSamples(provider: Provider): Json {
  const copy = structuredClone(provider.spec);
  const samples = new Map(codeSamples(provider).map((s) => [s.operationId, s.code]));
  for (const op of specOperations(copy)) {
    const source = samples.get(op.operationId);
    if (source === undefined) continue;
    const existing = Array.isArray(op.operation['x-codeSamples']) ? op.operation['x-codeSamples'] : [];
    op.operation['x-codeSamples'] = [...existing, { lang: 'TypeScript', label: provider.client!.name, source }];
  }
  return copy;
}
