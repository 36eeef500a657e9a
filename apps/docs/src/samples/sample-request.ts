// What an operation's samples send, worked out once from the spec and the provider descriptor and
// then written as curl and as TypeScript: the operation's own server (operation, then path item,
// then root `servers`), its required parameters and body from the spec's examples, the media type
// and bracket notation the spec declares, and the credential its `security` asks for.
import type { Provider } from '../providers.js';
import type { ReferenceOperation } from '../pages/operation.js';
import { mediaTypeExample, parameterExample } from '../sample-values.js';
import { deref, isObject, type Json } from '../spec-json.js';
import { EnvRef, envName, FileRef, readerValue } from './placeholders.js';
import { tokenEndpointPaths, tokenRequestParts } from './token-sample.js';

export type BodyEncoding = 'json' | 'form' | 'multipart';

export interface SampleBody {
  readonly mediaType: string;
  readonly encoding: BodyEncoding;
  /** `x-bracket-notation: rails`: nested values as `a[b]=`, `a[]=`. */
  readonly rails: boolean;
  readonly value: Record<string, unknown>;
}

export interface SampleRequest {
  readonly kind: ReferenceOperation['kind'];
  /** `token` and `authorization` are the OAuth endpoints, which the client normally calls itself. */
  readonly role: 'api' | 'token' | 'authorization';
  readonly method: string;
  /** The path template, `/api/v1/users/{id}`; a webhook's is empty. */
  readonly path: string;
  /** The server URL template (`https://{host}`), or a webhook receiver's URL placeholder. */
  readonly server: string | EnvRef;
  readonly serverVariables: Readonly<Record<string, EnvRef>>;
  /** The operation or its path item names servers of its own. */
  readonly ownServer: boolean;
  readonly pathParams: Readonly<Record<string, unknown>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, unknown>>;
  /** The credential the operation needs, as a header or query parameter; none for public ones. */
  readonly credential?: {
    readonly in: 'header' | 'query';
    readonly name: string;
    readonly prefix: string;
    readonly value: EnvRef;
  };
  /** HTTP Basic client authentication of a token request (`client_secret_basic`). */
  readonly basicAuth?: { readonly user: EnvRef; readonly password: EnvRef };
  /** The documented (first) media type: what curl sends. */
  readonly body?: SampleBody;
  /** The media type the client sends (its body encoding), when it differs from `body`. */
  readonly clientBody?: SampleBody;
  /** A successful answer carries a body. */
  readonly answersWithBody: boolean;
  /** That body is not JSON (an HTML page): the client must read it as text. */
  readonly answersWithText: boolean;
}

/** Headers the clients set themselves. */
const managedHeaders = new Set(['authorization', 'content-type', 'accept']);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function serverOf(spec: Json, op: ReferenceOperation): { server: Json; own: boolean } {
  for (const servers of [op.operation.servers, op.pathItem.servers]) {
    const [first] = list(servers).filter(isObject);
    if (first) return { server: first, own: true };
  }
  const [root] = list(spec.servers).filter(isObject);
  return { server: root ?? { url: 'https://api.example.com' }, own: false };
}

function encodingOf(mediaType: string): BodyEncoding {
  if (/json/i.test(mediaType)) return 'json';
  return /multipart/i.test(mediaType) ? 'multipart' : 'form';
}

/** Each file part (`format: binary`, or an `encoding` content type) of a multipart body becomes a FileRef. */
function withFiles(spec: Json, media: Json, value: Record<string, unknown>): Record<string, unknown> {
  const schema = deref(spec, media.schema);
  const properties = isObject(schema) && isObject(schema.properties) ? schema.properties : {};
  const encoding = isObject(media.encoding) ? media.encoding : {};
  return Object.fromEntries(
    Object.entries(value).map(([name, field]) => {
      const property = deref(spec, properties[name]);
      const type = isObject(encoding[name]) ? encoding[name].contentType : undefined;
      const binary = isObject(property) && property.format === 'binary';
      if (typeof field !== 'string' || !(binary || typeof type === 'string')) return [name, field];
      const contentType = typeof type === 'string' ? type : 'application/octet-stream';
      return [name, new FileRef(`${name}.${contentType.split('/')[1] ?? 'bin'}`, contentType, field)];
    }),
  );
}

function bodyOf(spec: Json, mediaType: string, rawMedia: unknown): SampleBody | undefined {
  const media = deref(spec, rawMedia);
  if (!isObject(media)) return undefined;
  const example = mediaTypeExample(spec, media);
  if (!isObject(example)) return undefined;
  const encoding = encodingOf(mediaType);
  return {
    mediaType,
    encoding,
    rails: media['x-bracket-notation'] === 'rails',
    value: encoding === 'multipart' ? withFiles(spec, media, example) : example,
  };
}

/** The documented body and, when the client sends another of the spec's media types, that one. */
function bodies(provider: Provider, op: ReferenceOperation): Pick<SampleRequest, 'body' | 'clientBody'> {
  const requestBody = deref(provider.spec, op.operation.requestBody);
  const content = isObject(requestBody) && isObject(requestBody.content) ? Object.entries(requestBody.content) : [];
  const [first] = content;
  if (!first) return {};
  const body = bodyOf(provider.spec, first[0], first[1]);
  // A Rails-form client sends text fields URL-encoded and switches to multipart for files; a JSON client sends JSON.
  const files = body && Object.values(body.value).some((v) => v instanceof FileRef);
  const wanted = provider.descriptor.bodyEncoding === 'json' ? 'json' : files ? 'multipart' : 'form';
  const match = content.find(([type]) => encodingOf(type) === wanted);
  const clientBody = match && match !== first ? bodyOf(provider.spec, match[0], match[1]) : undefined;
  return { ...(body ? { body } : {}), ...(clientBody ? { clientBody } : {}) };
}

function credentialOf(provider: Provider, op: ReferenceOperation): SampleRequest['credential'] {
  const alternatives = list(op.operation.security ?? provider.spec.security).filter(isObject);
  if (op.kind === 'webhook' || alternatives.length === 0 || alternatives.some((r) => Object.keys(r).length === 0))
    return undefined;
  const [name] = Object.keys(alternatives[0]!);
  const scheme = name ? provider.security.schemes[name] : undefined;
  if (!scheme) return undefined;
  if (scheme.type === 'apiKey')
    return {
      in: scheme.in === 'query' ? 'query' : 'header',
      name: scheme.name,
      prefix: '',
      value: new EnvRef(envName(provider, 'API_KEY')),
    };
  const what = scheme.type === 'oauth2' ? 'ACCESS_TOKEN' : 'API_KEY';
  return { in: 'header', name: 'Authorization', prefix: 'Bearer ', value: new EnvRef(envName(provider, what)) };
}

/** The operation's required parameters (path ones always), with the spec's examples or the reader's values. */
function parameters(
  provider: Provider,
  op: ReferenceOperation,
): Record<'path' | 'query' | 'header', Record<string, unknown>> {
  const found = { path: {}, query: {}, header: {} } as Record<'path' | 'query' | 'header', Record<string, unknown>>;
  const byKey = new Map<string, Json>();
  for (const raw of [...list(op.pathItem.parameters), ...list(op.operation.parameters)]) {
    const parameter = deref(provider.spec, raw);
    if (isObject(parameter)) byKey.set(`${String(parameter.in)}:${String(parameter.name)}`, parameter);
  }
  for (const parameter of byKey.values()) {
    const where = String(parameter.in);
    const name = String(parameter.name);
    if (!(where === 'path' || where === 'query' || where === 'header')) continue;
    if (!(parameter.required === true || where === 'path')) continue;
    if (where === 'header' && managedHeaders.has(name.toLowerCase())) continue;
    found[where][name] = readerValue(provider, name) ?? parameterExample(provider.spec, parameter);
  }
  return found;
}

/** The media types of the operation's successful answers. */
function answerTypes(spec: Json, operation: Json): string[] {
  const responses = isObject(operation.responses) ? operation.responses : {};
  return Object.entries(responses).flatMap(([status, raw]) => {
    const response = deref(spec, raw);
    return /^2/.test(status) && isObject(response) && isObject(response.content) ? Object.keys(response.content) : [];
  });
}

export function sampleRequest(provider: Provider, op: ReferenceOperation): SampleRequest {
  const { server, own } = serverOf(provider.spec, op);
  const url = String(server.url);
  const declared = isObject(server.variables) ? server.variables : {};
  const variables = Object.fromEntries(
    [...url.matchAll(/\{([^}]+)\}/g)].map((m) => {
      const variable = declared[m[1]!];
      // A default that is only an example (`x-required`) is no fallback: the reader must name their own.
      const fallback =
        isObject(variable) && variable['x-required'] !== true && typeof variable.default === 'string'
          ? variable.default
          : undefined;
      return [m[1]!, new EnvRef(envName(provider, m[1]!), fallback)];
    }),
  );
  const { path, query, header } = parameters(provider, op);
  const common = {
    kind: op.kind,
    method: op.method,
    pathParams: path,
    headers: header,
    answersWithBody: answerTypes(provider.spec, op.operation).length > 0,
    answersWithText: answerTypes(provider.spec, op.operation).some((type) => !/json/i.test(type)),
    ...(credentialOf(provider, op) ? { credential: credentialOf(provider, op)! } : {}),
  };
  if (op.kind === 'webhook')
    return {
      ...common,
      role: 'api',
      path: '',
      server: new EnvRef(envName(provider, 'WEBHOOK_URL')),
      serverVariables: {},
      ownServer: false,
      query,
      ...bodies(provider, op),
    };
  const place = { path: op.name, server: url, serverVariables: variables, ownServer: own };
  const token =
    op.method === 'post' && tokenEndpointPaths(provider).has(op.name) ? tokenRequestParts(provider) : undefined;
  if (token) return { ...common, ...place, role: 'token', ...token, query: { ...query, ...token.query } };
  const authorization = authorizationPaths(provider).has(op.name);
  return { ...common, ...place, role: authorization ? 'authorization' : 'api', query, ...bodies(provider, op) };
}

function authorizationPaths(provider: Provider): Set<string> {
  const urls = Object.values(provider.security.schemes).flatMap((scheme) =>
    scheme.type === 'oauth2' && scheme.flows.authorizationCode ? [scheme.flows.authorizationCode.authorizationUrl] : [],
  );
  return new Set(urls.map((url) => new URL(url, 'https://host.invalid').pathname));
}
