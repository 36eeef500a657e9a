import type { SecurityConfig } from '@oapi/auth';
import type { ServerDescriptor, ServerVariable } from '@oapi/runtime';
import { assertKnownKeys, isObject, type Json, pointerSegment, SpecError } from './spec-json.js';

function variable(raw: unknown, pointer: string): ServerVariable {
  if (!isObject(raw) || typeof raw.default !== 'string') throw new SpecError(pointer, 'must have a string default');
  const required = raw['x-required'];
  if (required !== undefined && typeof required !== 'boolean')
    throw new SpecError(`${pointer}/x-required`, 'must be true or false');
  return {
    default: raw.default,
    ...(Array.isArray(raw.enum) ? { enum: raw.enum.map(String) } : {}),
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    ...(required ? { required } : {}),
  };
}

function server(raw: unknown, pointer: string, tokenParameters: readonly string[]): ServerDescriptor {
  if (!isObject(raw) || typeof raw.url !== 'string') throw new SpecError(pointer, 'must have a url');
  const out: { -readonly [K in keyof ServerDescriptor]: ServerDescriptor[K] } = { url: raw.url };
  if (typeof raw.description === 'string') out.description = raw.description;
  if (isObject(raw.variables)) {
    out.variables = Object.fromEntries(
      Object.entries(raw.variables).map(([name, value]) => [name, variable(value, `${pointer}/variables/${name}`)]),
    );
  }
  // The client fills in each `{variable}` from its declaration (default, enum, x-required).
  const undeclared = [...raw.url.matchAll(/\{([^}]+)\}/g)].find(([, variable]) => !out.variables?.[variable!]);
  if (undeclared) throw new SpecError(`${pointer}/variables`, `must declare ${undeclared[0]}, which the url uses`);
  const name = raw['x-server-name'];
  if (name !== undefined) {
    if (typeof name !== 'string' || !/^[a-z0-9-]+$/.test(name))
      throw new SpecError(`${pointer}/x-server-name`, 'must be a lower-case name (eu, au)');
    out.name = name;
  }
  const match = raw['x-server-match'];
  if (match !== undefined) {
    const at = `${pointer}/x-server-match`;
    if (!isObject(match) || typeof match.parameter !== 'string' || typeof match.pattern !== 'string')
      throw new SpecError(at, 'must be { parameter, pattern }');
    assertKnownKeys(match, ['parameter', 'pattern'], at);
    if (!tokenParameters.includes(match.parameter))
      throw new SpecError(`${at}/parameter`, `"${match.parameter}" is not a token parameter of x-token-request`);
    try {
      new RegExp(match.pattern);
    } catch {
      throw new SpecError(`${at}/pattern`, 'is not a valid regular expression');
    }
    out.match = { parameter: match.parameter, pattern: match.pattern };
  }
  return out;
}

/** A `servers` list: its variables, `x-server-name`s (unique) and `x-server-match` rules. */
export function serverList(raw: unknown, pointer: string, tokenParameters: readonly string[]): ServerDescriptor[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new SpecError(pointer, 'must be a list');
  const servers = raw.map((entry, i) => server(entry, `${pointer}/${i}`, tokenParameters));
  const names = servers.flatMap((s) => (s.name ? [s.name] : []));
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice) throw new SpecError(pointer, `x-server-name "${twice}" names two servers`);
  return servers;
}

/** The spec's servers: a client needs at least one absolute URL to send requests to. */
export function apiServers(spec: Json, tokenParameters: readonly string[]): ServerDescriptor[] {
  const servers = serverList(spec.servers, '#/servers', tokenParameters);
  if (servers.length === 0 || !servers.every((s) => /^https?:\/\//.test(s.url)))
    throw new SpecError('#/servers', 'must list at least one server with an absolute http(s) URL');
  return servers;
}

/**
 * The token endpoint's own servers: the `servers` of the path item its relative `tokenUrl` names
 * (Wootric CXI's tokens come from `api.wootric.com`, not the CXI host). None when it has none.
 */
export function tokenServersOf(
  spec: Json,
  security: SecurityConfig,
  tokenParameters: readonly string[],
): ServerDescriptor[] | undefined {
  const paths = isObject(spec.paths) ? spec.paths : {};
  for (const scheme of Object.values(security.schemes)) {
    if (scheme.type !== 'oauth2') continue;
    for (const flow of Object.values(scheme.flows)) {
      const tokenUrl = flow && 'tokenUrl' in flow ? flow.tokenUrl : undefined;
      if (tokenUrl === undefined || /^[a-z][a-z0-9+.-]*:/i.test(tokenUrl)) continue;
      const path = new URL(tokenUrl, 'https://host.invalid').pathname;
      const item = paths[path];
      if (isObject(item) && item.servers !== undefined)
        return serverList(item.servers, `#/paths/${pointerSegment(path)}/servers`, tokenParameters);
    }
  }
  return undefined;
}
