import type { AuthMethod } from './auth-methods.js';
import type { Provider } from './providers.js';
import { envName } from './samples/placeholders.js';
import { quote } from './ts-literal.js';

/** The statements that create a provider's client, and what they import from its package. */
export interface ClientSetup {
  /** Names imported from the client package. */
  readonly imports: readonly string[];
  /** Statements before the client is created (an authorization callback, say). */
  readonly preamble: readonly string[];
  /** `const klika = createKlikaClient({ … });` */
  readonly statement: string;
  /** `klika` */
  readonly variable: string;
}

/** `wootricCxi`: the variable a sample keeps the client in. */
export function clientVariable(provider: Provider): string {
  return provider.id
    .replace(/[^A-Za-z0-9]+([A-Za-z0-9])/g, (_, c: string) => c.toUpperCase())
    .replace(/^[^A-Za-z_$]/, '_$&');
}

const redirectUri = 'https://app.example.com/callback';

interface AuthPart {
  readonly expression: string;
  readonly preamble: readonly string[];
  readonly options: readonly string[];
}

function strategyCall(name: string, fields: ReadonlyArray<readonly [string, string]>): string {
  if (fields.length === 0) return `${name}()`;
  return `${name}({\n${fields.map(([key, value]) => `    ${key}: ${value},`).join('\n')}\n  })`;
}

function authPart(provider: Provider, method: AuthMethod): AuthPart {
  const env = (what: string) => `process.env.${envName(provider, what)} ?? ''`;
  const client: Array<[string, string]> =
    method.tokenRequest?.clientAuthentication === 'none'
      ? []
      : [
          ['clientId', env('CLIENT_ID')],
          ['clientSecret', env('CLIENT_SECRET')],
        ];
  // The token parameters the grant sends are client options (Wootric's `accountToken`).
  const named = new Set([
    ...(method.tokenRequest?.queryParameters ?? []),
    ...(method.tokenRequest?.requiredParameters ?? []),
  ]);
  const options = (provider.client?.tokenParameters ?? [])
    .filter((parameter) => named.has(parameter.name))
    .map((parameter) => `${parameter.option}: ${env(parameter.name.toUpperCase())}`);
  switch (method.strategy) {
    case 'passwordGrant':
      return {
        expression: strategyCall('passwordGrant', [
          ['username', env('USERNAME')],
          ['password', env('PASSWORD')],
          ...client,
        ]),
        preamble: [],
        options,
      };
    case 'clientCredentialsGrant':
      return {
        expression: strategyCall('clientCredentialsGrant', [
          ['clientId', env('CLIENT_ID')],
          ['clientSecret', env('CLIENT_SECRET')],
        ]),
        preamble: [],
        options,
      };
    case 'authorizationCodeGrant':
      return {
        expression: strategyCall('authorizationCodeGrant', [
          ['code', `callback.searchParams.get('code') ?? ''`],
          ['redirectUri', quote(redirectUri)],
          ['clientId', env('CLIENT_ID')],
          ...client.filter(([key]) => key === 'clientSecret'),
        ]),
        preamble: [
          `// The provider sent the user back to your redirect URI with a one-time code.`,
          `const callback = new URL(${quote(`${redirectUri}?code=AUTHORIZATION_CODE`)});`,
        ],
        options,
      };
    case 'refreshTokenGrant':
      return {
        expression: strategyCall('refreshTokenGrant', [['refreshToken', env('REFRESH_TOKEN')], ...client]),
        preamble: [],
        options: [
          ...options,
          `onTokens: (tokens) => console.log('keep the newest refresh token', tokens.refreshToken !== undefined)`,
        ],
      };
    case 'bearerToken':
      return { expression: `bearerToken(${env('ACCESS_TOKEN')})`, preamble: [], options: [] };
    case 'apiKey':
      return { expression: `apiKey(${env('API_KEY')})`, preamble: [], options: [] };
  }
}

/**
 * The statements that create the provider's client, authenticated with `method` (or without
 * credentials, for public operations). The provider must have a client package.
 */
export function clientSetup(provider: Provider, method: AuthMethod | undefined): ClientSetup {
  if (!provider.client) throw new Error(`${provider.id} has no client package yet`);
  const variable = clientVariable(provider);
  const auth = method ? authPart(provider, method) : undefined;
  const options = [...serverOptions(provider), ...(auth ? [`auth: ${auth.expression}`, ...auth.options] : [])];
  return {
    imports: [provider.client.factory, ...(method ? [method.strategy] : [])],
    preamble: auth?.preamble ?? [],
    statement: `const ${variable} = ${provider.client.factory}(${objectOf(options)});`,
    variable,
  };
}

/** `{ a, b }` on one line when short, one option a line otherwise. */
export function objectOf(entries: readonly string[]): string {
  if (entries.length === 0) return '{}';
  const inline = `{ ${entries.join(', ')} }`;
  return inline.length <= 60 && !inline.includes('\n') ? inline : `{\n${entries.map((o) => `  ${o},`).join('\n')}\n}`;
}

/** The client's server options: each `{variable}` of the spec's first server, from the environment. */
export function serverOptions(provider: Provider): string[] {
  const [server] = provider.descriptor.servers;
  const names = server ? [...server.url.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!) : [];
  return names.map((name) => {
    const variable = server?.variables?.[name];
    const fallback = variable && !variable.required ? variable.default : '';
    return `${name}: process.env.${envName(provider, name)} ?? ${quote(fallback)}`;
  });
}

/** `import { a, b } from '@oapi/x';`, names sorted and unique. */
export function importLine(names: readonly string[], from: string): string {
  return `import { ${[...new Set(names)].sort((a, b) => a.localeCompare(b)).join(', ')} } from '${from}';`;
}
