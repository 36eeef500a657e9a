import { assertHttpUrl } from '@oapi/auth';
import type { ProviderDescriptor, ServerDescriptor } from './descriptor.js';

/** The client's options by name, as they came (validated here). */
export type OptionValues = Readonly<Record<string, unknown>>;

export interface ChosenServers {
  /** Where API requests go. */
  readonly baseUrl: string;
  /** Where the spec's relative token URLs resolve, when the token endpoint has servers of its own. */
  readonly tokenBaseUrl: string | undefined;
}

const variablePattern = /\{([^}]+)\}/g;

/**
 * One `{variable}`'s value: the option, else the default unless the spec says the caller must give
 * it. A bad value is not repeated in the message: it may hold credentials (`admin:pw@host`).
 */
function variableValue(server: ServerDescriptor, name: string, options: OptionValues): string {
  // Codegen refuses a spec whose URL names a variable it does not declare.
  const { default: example, required, enum: allowed } = server.variables![name]!;
  const value = options[name];
  if (value === undefined && !required) return example;
  const problem =
    value === undefined
      ? 'is required (or "options.baseUrl")'
      : allowed
        ? !allowed.includes(value as string) && `must be one of ${allowed.join(', ')}`
        : !(
            typeof value === 'string' &&
            /^[^\s/?#@\\]+$/.test(value) &&
            URL.canParse(server.url.replace(`{${name}}`, value).replace(variablePattern, 'x'))
          ) && `must be a valid ${name} string (no scheme, path, query, credentials or spaces)`;
  if (problem) throw new TypeError(`"options.${name}" ${problem} for ${server.url}, e.g. "${example}"`);
  return value as string;
}

/** A server's URL with its variables filled in from the options. */
export function serverUrl(server: ServerDescriptor, options: OptionValues): string {
  return server.url.replace(variablePattern, (_, name: string) => variableValue(server, name, options));
}

/** A server's URL with its variables' defaults: an example of it. */
export function defaultUrl(server: ServerDescriptor): string {
  return server.url.replace(variablePattern, (whole, name: string) => server.variables?.[name]?.default ?? whole);
}

/**
 * The first server whose `x-server-match` pattern matches its token parameter's value (Wootric's
 * account token picks the region), else the first without a pattern. The descriptor of a spec with
 * such servers carries it as its `serverMatcher`.
 */
export function matchedServer(
  servers: readonly ServerDescriptor[],
  tokenValues: Readonly<Record<string, string>> | undefined,
): ServerDescriptor | undefined {
  const matched = servers.find(({ match }) => {
    const value = match && tokenValues?.[match.parameter];
    return value !== undefined && new RegExp(match!.pattern).test(value);
  });
  return matched ?? servers.find((server) => !server.match);
}

/** The API server: the one the `server` option names, else the one the token parameters match, else the first. */
function apiServer(
  { servers, serverMatcher }: ProviderDescriptor,
  options: OptionValues,
  tokenValues: Readonly<Record<string, string>> | undefined,
): ServerDescriptor {
  // `server` is an option only of a spec that names its servers (assertClientOptions).
  if (options.server !== undefined) {
    const server = servers.find((s) => s.name === options.server);
    if (server) return server;
    throw new TypeError(`"options.server" must be one of ${servers.flatMap((s) => s.name ?? []).join(', ')}`);
  }
  return serverMatcher?.(servers, tokenValues) ?? servers[0]!;
}

/**
 * Where the client sends API and token requests: `options.baseUrl` as given (a proxy, a test
 * server), else the spec's server chosen and filled in from the options.
 */
export function chooseServers(
  descriptor: ProviderDescriptor,
  options: OptionValues,
  tokenValues: Readonly<Record<string, string>> | undefined,
): ChosenServers {
  const [tokenServer] = descriptor.tokenServers ?? [];
  const tokenBaseUrl = tokenServer && serverUrl(tokenServer, options);
  const { baseUrl } = options;
  if (baseUrl === undefined)
    return { baseUrl: serverUrl(apiServer(descriptor, options, tokenValues), options), tokenBaseUrl };
  const both = descriptor.serverOptions.find((name) => options[name] !== undefined);
  if (both) throw new TypeError(`Pass either "options.${both}" or "options.baseUrl", not both`);
  assertHttpUrl(baseUrl, 'options.baseUrl', descriptor.exampleUrl);
  return { baseUrl, tokenBaseUrl };
}
