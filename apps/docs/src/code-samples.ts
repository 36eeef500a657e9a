import { authMethods, type AuthMethod } from './auth-methods.js';
import { clientSetup, importLine } from './client-setup.js';
import type { Provider } from './providers.js';
import { referenceOperations } from './reference-operations.js';
import { curlSample } from './samples/curl.js';
import { envRefsIn } from './samples/placeholders.js';
import { sampleRequest, type SampleRequest } from './samples/sample-request.js';
import { typescriptCall } from './samples/typescript.js';
import { isObject, type Json } from './spec-json.js';

/** An operation's (or webhook's) samples. */
export interface OperationSamples {
  /** `klika getUser`, for messages. */
  readonly name: string;
  readonly operationId: string;
  readonly kind: 'operation' | 'webhook';
  readonly request: SampleRequest;
  readonly curl: string;
  /** The call alone, as the reference shows it below the provider's client setup; none without a client. */
  readonly typescript?: string;
  /** The setup and the call: a whole program, as the downloadable spec carries it and the tests run it. */
  readonly program?: string;
}

/** Strategies a sample prefers: the ones that need no redirect or stored token. */
const samplePreference = [
  'passwordGrant',
  'clientCredentialsGrant',
  'apiKey',
  'bearerToken',
  'refreshTokenGrant',
  'authorizationCodeGrant',
];

function requirements(provider: Provider, operation: Json): Array<Record<string, unknown>> {
  const security = Array.isArray(operation.security) ? operation.security : provider.spec.security;
  return Array.isArray(security) ? security.filter(isObject) : [];
}

/**
 * How a sample authenticates for an operation (or, given the spec itself, for the spec's default
 * `security`): `undefined` when it needs no credentials. Throws when the client exports none of the
 * strategies it accepts, rather than write a sample without credentials.
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
      `${provider.client?.name ?? provider.id} exports none of the strategies ${String(operation.operationId ?? 'the spec')} accepts (${expected}): its provider descriptor lists ${exported.join(', ') || 'none'}`,
    );
  }
  return usable.sort((a, b) => samplePreference.indexOf(a.strategy) - samplePreference.indexOf(b.strategy))[0];
}

/** The client setup every TypeScript sample of the reference runs after: imports and the client. */
export function referenceSetup(
  provider: Provider,
): { readonly code: string; readonly variable: string; readonly method: AuthMethod | undefined } | undefined {
  if (!provider.client) return undefined;
  const method = sampleAuthMethod(provider, provider.spec);
  const setup = clientSetup(provider, method);
  const lines = [importLine([...setup.imports, 'unwrap'], provider.client.name), ''];
  if (setup.preamble.length > 0) lines.push(...setup.preamble, '');
  lines.push(setup.statement);
  return { code: `${lines.join('\n')}\n`, variable: setup.variable, method };
}

/** Every environment variable the provider's samples read, in order of first use. */
export function sampleEnvironment(provider: Provider): string[] {
  const names = new Set<string>();
  for (const samples of operationSamples(provider)) {
    envRefsIn(samples.request, names);
    for (const match of (samples.program ?? '').matchAll(/process\.env\.(\w+)/g)) names.add(match[1]!);
  }
  return [...names];
}

/** The samples of every operation and webhook: curl for all, TypeScript for operations once a client exists. */
export function operationSamples(provider: Provider): OperationSamples[] {
  const setup = referenceSetup(provider);
  return referenceOperations(provider.spec).map((op) => {
    const request = sampleRequest(provider, op);
    const base = {
      name: `${provider.id} ${op.operationId}`,
      operationId: op.operationId,
      kind: op.kind,
      request,
      curl: curlSample(request),
    };
    if (!setup || op.kind === 'webhook') return base;
    const needs = requirements(provider, op.operation);
    if (request.credential && !needs.some((r) => setup.method !== undefined && setup.method.scheme in r))
      throw new Error(
        `${base.name}: its security (${needs.map((r) => Object.keys(r).join(' + ')).join(' or ')}) is not the client setup's ${setup.method?.scheme ?? 'none'}`,
      );
    const { preamble, call } = typescriptCall(provider, request, setup.variable);
    const typescript = `${[...preamble, call].join('\n')}\n`;
    return { ...base, typescript, program: `${setup.code}\n${typescript}` };
  });
}

/**
 * A copy of the spec whose operations and webhooks carry their samples as `x-codeSamples` (curl,
 * then TypeScript), after any the spec already has. `page`: the TypeScript call alone, for the
 * reference, which shows the client setup once; `download`: whole programs, for tools that show
 * one operation at a time (Scalar, Redocly, Postman). The spec itself is not changed.
 */
export function withCodeSamples(provider: Provider, form: 'page' | 'download'): Json {
  const copy = structuredClone(provider.spec);
  const byId = new Map(operationSamples(provider).map((s) => [s.operationId, s]));
  for (const op of referenceOperations(copy)) {
    const samples = byId.get(op.operationId);
    if (!samples) continue;
    const typescript = form === 'page' ? samples.typescript : samples.program;
    const existing = Array.isArray(op.operation['x-codeSamples']) ? op.operation['x-codeSamples'] : [];
    op.operation['x-codeSamples'] = [
      ...existing,
      { lang: 'Shell', label: 'curl', source: samples.curl },
      ...(typescript ? [{ lang: 'TypeScript', label: 'TypeScript', source: typescript }] : []),
    ];
  }
  return copy;
}
