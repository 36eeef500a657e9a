// The shape of `src/generated/provider.ts` in every client package: what a provider *is*, read out of
// its spec by packages/codegen. createProviderClient() builds a client from it and the caller's options.
// Every browser bundle of a client carries its descriptor: the generated file holds what the runtime
// reads, nothing else, and what the runtime would otherwise derive at every construction (the option
// names, the example URL, the deprecated operations' keys) comes ready from codegen. The prose
// (descriptions, scope texts) stays in the spec, the docs and the options' JSDoc; what only codegen
// uses (title, strategies, body encoding) in its `SpecDescriptor`; what only grants use (token URLs,
// `x-token-request`) in the package's `security`, which its grant factories attach to their strategies.
import type { SecurityOutline } from '@oapi/auth';
import type { Middleware } from 'openapi-fetch';
import type { matchedServer } from './server-choice.js';
import type { tokenParameterValues } from './token-parameters.js';

export interface ServerVariable {
  readonly default: string;
  readonly enum?: readonly string[];
  readonly description?: string;
  /** `x-required`: the default is only an example (each tenant has its own); the caller must give a value. */
  readonly required?: boolean;
}

/** A spec's server. Its `{variables}`, each declared in `variables`, are client options of the same name. */
export interface ServerDescriptor {
  readonly url: string;
  readonly description?: string;
  readonly variables?: Readonly<Record<string, ServerVariable>>;
  /** `x-server-name`: what the `server` option calls it (`eu`). */
  readonly name?: string;
  /** `x-server-match`: chosen when a token parameter's value matches (`account_token` `^NPS-EU-`). */
  readonly match?: { readonly parameter: string; readonly pattern: string };
}

/** A token-request parameter the client takes as an option (Wootric's `account_token` → `accountToken`). */
export interface TokenParameter {
  readonly name: string;
  readonly option: string;
  readonly description?: string;
}

/** `x-pagination`: how the API pages its lists, and its ceilings. */
export interface PaginationDescriptor {
  readonly pageParameter: string;
  readonly sizeParameter: string;
  /** The highest page number the API serves. */
  readonly maxPage?: number;
  /** The most records a page can hold. */
  readonly maxSize?: number;
}

/** An operation the spec marks `deprecated`: calling it is reported once (`onDeprecation`). */
export interface DeprecatedOperation {
  readonly operationId: string;
  /** `GET` */
  readonly method: string;
  /** The spec's path, `/v1/things/{id}`. */
  readonly path: string;
}

/** How request bodies are written, where the spec says they are not JSON (Rails bracket forms). */
export interface BodyEncoder {
  readonly bodySerializer: (body: unknown) => string | FormData;
  /** Labels what the serializer wrote (openapi-fetch calls every body it did not get as FormData JSON). */
  readonly middleware: Middleware;
}

export interface ProviderDescriptor {
  /** `spec/<id>/`, `packages/<id>/`. */
  readonly id: string;
  /** The API's servers; the first is the default. */
  readonly servers: readonly ServerDescriptor[];
  /** Imported by the generated descriptor whose servers have an `x-server-match` (`matchedServer`). */
  readonly serverMatcher?: typeof matchedServer;
  /** The token endpoint's own servers (its path item's `servers`), where tokens come from elsewhere. */
  readonly tokenServers?: readonly ServerDescriptor[];
  /** The first server's URL with its variables' defaults: the example in a message about `baseUrl`. */
  readonly exampleUrl: string;
  /** The client options the spec adds (`server`, the servers' `{variables}`, the token parameters'): a name outside these and the base options is refused. */
  readonly options: readonly string[];
  /** Those that choose or fill in the API's server (`server`, its `{variables}`): `baseUrl` replaces them. */
  readonly serverOptions: readonly string[];
  /**
   * The security schemes, an oauth2 one by its type alone: its token endpoint travels with the
   * package's grant factories (`security` in `strategies.ts`), so a static credential's bundle has none of it.
   */
  readonly security: SecurityOutline;
  /**
   * The token-request parameters the client takes as options, by parameter: `{ account_token: 'accountToken' }`;
   * with them, always, their reader (`tokenParameterValues`). A spec without any has neither.
   */
  readonly tokenParameters?: Readonly<Record<string, string>>;
  /** Imported by the generated descriptor that has `tokenParameters`: a client without them carries no such code. */
  readonly tokenParameterReader?: typeof tokenParameterValues;
  /** The code of a body encoding other than JSON (`railsForms`), imported by the generated descriptor that needs it. */
  readonly bodyEncoder?: BodyEncoder;
  readonly pagination?: PaginationDescriptor;
  /** The operations the spec marks `deprecated`, as `GET /v1/things/{id}`: calling one is reported once (`onDeprecation`). */
  readonly deprecatedOperations: readonly string[];
}
