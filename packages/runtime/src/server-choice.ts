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

function variableNames(server: ServerDescriptor): string[] {
  return [...server.url.matchAll(variablePattern)].map((match) => match[1]!);
}

/** Every server variable of the descriptor's servers: each is a client option of that name. */
export function serverVariables(descriptor: ProviderDescriptor): string[] {
  const servers = [...descriptor.servers, ...(descriptor.tokenServers ?? [])];
  return [...new Set(servers.flatMap(variableNames))];
}

/** What is wrong with `value` for `{name}` of `server`, in the message's own words (the value may hold credentials, `admin:pw@host`). */
function variableProblem(server: ServerDescriptor, name: string, value: unknown): string | undefined {
  const allowed = server.variables?.[name]?.enum;
  if (typeof value !== 'string' || value.trim() === '') return 'must be a non-empty string';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value))
    return `must be the ${name} alone, without a scheme (${server.url.split('{')[0]} is implied)`;
  if (/[\s/?#@\\]/.test(value)) return `must be the ${name} alone, without a path, query, credentials or spaces`;
  if (allowed && !allowed.includes(value)) return `must be one of ${allowed.join(', ')}`;
  if (!URL.canParse(server.url.replace(`{${name}}`, value).replace(variablePattern, 'x')))
    return `is not a valid ${name} for ${server.url}`;
}

/** One `{variable}`'s value: the option, else the default unless the spec says the caller must give it. */
function variableValue(server: ServerDescriptor, name: string, options: OptionValues): string {
  const variable = server.variables?.[name];
  const value = options[name];
  if (value === undefined && variable && !variable.required) return variable.default;
  const example = variable ? `, e.g. "${variable.default}"` : '';
  const problem =
    value === undefined
      ? `is required (or a full "options.baseUrl"): {${name}} of ${server.url}`
      : variableProblem(server, name, value);
  if (problem) throw new TypeError(`"options.${name}" ${problem}${example}`);
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
 * The API server: the one the `server` option names, else the first whose `x-server-match` pattern
 * matches its token parameter's value (Wootric's account token picks the region), else the first.
 */
function apiServer(descriptor: ProviderDescriptor, options: OptionValues, tokenValues: OptionValues): ServerDescriptor {
  const named = descriptor.servers.filter((server) => server.name !== undefined);
  if (options.server !== undefined) {
    const server = named.find((s) => s.name === options.server);
    if (!server) {
      const names = named.map((s) => s.name).join(', ');
      throw new TypeError(`"options.server" must be one of ${names || '(the spec names no server)'}`);
    }
    return server;
  }
  const matched = descriptor.servers.find((server) => {
    const value = server.match ? tokenValues[server.match.parameter] : undefined;
    return typeof value === 'string' && new RegExp(server.match!.pattern).test(value);
  });
  return matched ?? descriptor.servers.find((server) => !server.match) ?? descriptor.servers[0]!;
}

/**
 * Where the client sends API and token requests: `options.baseUrl` as given (a proxy, a test
 * server), else the spec's server chosen and filled in from the options.
 */
export function chooseServers(
  descriptor: ProviderDescriptor,
  options: OptionValues,
  tokenValues: OptionValues,
): ChosenServers {
  const [tokenServer] = descriptor.tokenServers ?? [];
  if (options.baseUrl !== undefined) {
    const apiVariables = descriptor.servers.flatMap(variableNames);
    const both = ['server', ...apiVariables].find((name) => options[name] !== undefined);
    if (both) throw new TypeError(`Pass either "options.${both}" or "options.baseUrl", not both`);
    assertHttpUrl(options.baseUrl, 'options.baseUrl', defaultUrl(descriptor.servers[0]!));
    return { baseUrl: options.baseUrl, tokenBaseUrl: tokenServer && serverUrl(tokenServer, options) };
  }
  return {
    baseUrl: serverUrl(apiServer(descriptor, options, tokenValues), options),
    tokenBaseUrl: tokenServer && serverUrl(tokenServer, options),
  };
}
