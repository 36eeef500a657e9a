import { grantTypes, type OAuth2SchemeConfig, shapeFor } from '@oapi/auth';
import type { ServerDescriptor, ServerVariable } from '@oapi/runtime';
import type { SpecDescriptor } from './descriptor.js';

/** A JSDoc block, indented two spaces, from paragraphs of text (a spec's Markdown, as it is). */
function jsdoc(paragraphs: readonly (string | undefined)[]): string {
  const lines = paragraphs
    .filter((text): text is string => text !== undefined && text.trim() !== '')
    .flatMap((text, i) => [...(i > 0 ? [''] : []), ...text.trim().replace(/\*\//g, '*\\/').split('\n')]);
  return ['  /**', ...lines.map((line) => (line === '' ? '   *' : `   * ${line}`)), '   */'].join('\n');
}

const literalUnion = (values: readonly string[]) => values.map((value) => JSON.stringify(value)).join(' | ');

function variableOption(descriptor: SpecDescriptor, name: string): string {
  const servers = [...descriptor.servers, ...(descriptor.tokenServers ?? [])].filter((s) => s.variables?.[name]);
  const variable = servers[0]!.variables![name] as ServerVariable;
  const where = servers.map((s) => `\`${s.url}\``).join(', ');
  const usage = variable.required
    ? `Required, unless \`baseUrl\` is given (e.g. \`${variable.default}\`).`
    : `Default \`${variable.default}\`.`;
  const type = variable.enum ? literalUnion(variable.enum) : 'string';
  return `${jsdoc([`\`{${name}}\` of ${where}.`, variable.description, usage])}\n  readonly ${name}?: ${type};`;
}

function tokenParameterOption(descriptor: SpecDescriptor, index: number): string {
  const { name, option, description } = descriptor.tokenParameters[index]!;
  const scheme = Object.values(descriptor.security.schemes).find((s): s is OAuth2SchemeConfig => s.type === 'oauth2');
  const sentWith = grantTypes.filter((grant) => {
    const shape = scheme ? shapeFor(scheme.tokenRequest, grant) : undefined;
    return shape && [...shape.queryParameters, ...shape.requiredParameters].includes(name);
  });
  const required = grantTypes.filter(
    (grant) => scheme && shapeFor(scheme.tokenRequest, grant).requiredParameters.includes(name),
  );
  const matches = descriptor.servers.filter((server) => server.match?.parameter === name);
  return `${jsdoc([
    `\`${name}\` of the token request, sent with the ${sentWith.join(', ')} grant${sentWith.length > 1 ? 's' : ''}.`,
    description,
    required.length > 0 ? `Required with the ${required.join(', ')} grant.` : undefined,
    matches.length > 0
      ? `It also chooses the server: ${matches.map((s) => `\`${s.match!.pattern}\` → \`${s.url}\``).join(', ')}.`
      : undefined,
  ])}\n  readonly ${option}?: string;`;
}

function serverOption(descriptor: SpecDescriptor): string | undefined {
  const named = descriptor.servers.filter((server) => server.name !== undefined);
  if (named.length === 0) return undefined;
  const list = named.map((server) => `- \`${server.name}\`: \`${server.url}\``).join('\n');
  const text = `Which of the spec's servers to use:\n${list}\n\nDefault: the server the token parameters match, else the first.`;
  return `${jsdoc([text])}\n  readonly server?: ${literalUnion(named.map((server) => server.name!))};`;
}

const variablesOf = (servers: readonly ServerDescriptor[] = []) =>
  servers.flatMap((s) => Object.keys(s.variables ?? {}));

/** The variables of the API's and the token endpoint's servers: an option each. */
const serverVariables = (descriptor: SpecDescriptor) => [
  ...new Set([...variablesOf(descriptor.servers), ...variablesOf(descriptor.tokenServers)]),
];

/** `server` (when the spec names its servers) and the API servers' variables: what `baseUrl` replaces. */
export function serverOptionNames(descriptor: SpecDescriptor): string[] {
  const named = descriptor.servers.some((server) => server.name !== undefined);
  return [...new Set([...(named ? ['server'] : []), ...variablesOf(descriptor.servers)])];
}

/** Every client option the spec defines, in the order `SpecOptions` declares them. */
export function specOptionNames(descriptor: SpecDescriptor): string[] {
  const tokenOptions = descriptor.tokenParameters.map((parameter) => parameter.option);
  return [...new Set([...serverOptionNames(descriptor), ...serverVariables(descriptor), ...tokenOptions])];
}

/** The client options the spec defines: one per server variable and token parameter, and `server`. */
export function renderSpecOptions(descriptor: SpecDescriptor): string {
  const members = [
    serverOption(descriptor),
    ...serverVariables(descriptor).map((name) => variableOption(descriptor, name)),
    ...descriptor.tokenParameters.map((_, i) => tokenParameterOption(descriptor, i)),
  ].filter((member): member is string => member !== undefined);
  return [
    `/** The options of the ${descriptor.id} client that its spec defines; \`ClientBaseOptions\` has the others. */`,
    members.length === 0
      ? 'export interface SpecOptions {}'
      : `export interface SpecOptions {\n${members.join('\n')}\n}`,
  ].join('\n');
}
