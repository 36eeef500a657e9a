import { authMethods, type AuthMethod } from './auth-methods.js';
import { clientSetup, importLine } from './client-setup.js';
import { sampleAuthMethod } from './code-samples.js';
import type { ReferenceOperation } from './pages/operation.js';
import type { Provider } from './providers.js';
import { referenceOperations } from './reference-operations.js';
import { sampleRequest } from './samples/sample-request.js';
import { typescriptCall } from './samples/typescript.js';

export interface Quickstart {
  readonly method: AuthMethod;
  /** `klika passwordGrant`, for messages. */
  readonly name: string;
  readonly code: string;
}

/** The call a quickstart makes first: a secured GET without required parameters if there is one. */
export function firstCall(provider: Provider): ReferenceOperation | undefined {
  const methods = clientMethods(provider);
  const secured = referenceOperations(provider.spec).filter(
    (op) => op.kind === 'operation' && methods.length > 0 && sampleAuthMethod(provider, op.operation) !== undefined,
  );
  const bare = (op: ReferenceOperation) => {
    const request = sampleRequest(provider, op);
    return (
      !request.body && [request.pathParams, request.query, request.headers].every((v) => Object.keys(v).length === 0)
    );
  };
  return (
    secured.find((op) => op.method === 'get' && bare(op)) ?? secured.find((op) => op.method === 'get') ?? secured[0]
  );
}

/** The methods a provider's client can use: the ones whose strategy its package exports. */
export function clientMethods(provider: Provider): AuthMethod[] {
  const exported = provider.client?.strategies;
  return exported ? authMethods(provider.security).filter((m) => exported.includes(m.strategy)) : [];
}

/** A complete program: create the client with one way of authenticating, make a first call. */
export function quickstartFor(provider: Provider, method: AuthMethod): Quickstart {
  const setup = clientSetup(provider, method);
  const op = firstCall(provider);
  const call = op ? typescriptCall(provider, sampleRequest(provider, op), setup.variable) : undefined;
  const lines = [importLine([...setup.imports, ...(call ? ['unwrap'] : [])], provider.client!.name), ''];
  if (setup.preamble.length > 0) lines.push(...setup.preamble, '');
  lines.push(setup.statement);
  if (call) lines.push('', ...call.preamble, call.call);
  return { method, name: `${provider.id} ${method.scheme} ${method.strategy}`, code: `${lines.join('\n')}\n` };
}

/** One quickstart per way of authenticating the client supports; none without a client package. */
export function quickstarts(provider: Provider): Quickstart[] {
  return clientMethods(provider).map((method) => quickstartFor(provider, method));
}
