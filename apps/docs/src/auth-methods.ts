import {
  type GrantType,
  grants,
  grantTypes,
  type OAuth2SchemeConfig,
  type OAuthFlowConfig,
  type SecurityConfig,
  shapeFor,
  staticStrategies,
  type StrategyName,
  type TokenRequestShape,
} from '@oapi/auth';

/** One way to authenticate with a provider, read from its security schemes. */
export interface AuthMethod {
  /** The security scheme's name in the spec (`oauth2`, `apiKey`). */
  readonly scheme: string;
  readonly strategy: StrategyName;
  readonly title: string;
  readonly grantType?: GrantType;
  /** As the spec writes them: absolute, or relative to the server URL. */
  readonly tokenUrl?: string;
  readonly refreshUrl?: string;
  readonly authorizationUrl?: string;
  /** For the authorization-code grant: whether the client sends PKCE (`x-pkce`). */
  readonly pkce?: boolean;
  /** How the token request is sent for this grant: the scheme's `x-token-request` with the grant's overrides. */
  readonly tokenRequest?: TokenRequestShape;
  readonly scopes?: Readonly<Record<string, string>>;
  /** For static credentials: how they travel. */
  readonly sentAs?: string;
}

function oauth2Methods(name: string, scheme: OAuth2SchemeConfig): AuthMethod[] {
  const methods: AuthMethod[] = [];
  for (const grantType of grantTypes) {
    const { flow: flowName, strategy, title } = grants[grantType];
    const flow =
      flowName &&
      (scheme.flows[flowName] as (OAuthFlowConfig & { authorizationUrl?: string; pkce?: boolean }) | undefined);
    if (!flow) continue;
    methods.push({
      scheme: name,
      strategy,
      title,
      grantType,
      tokenUrl: flow.tokenUrl,
      ...(flow.refreshUrl ? { refreshUrl: flow.refreshUrl } : {}),
      ...(flow.authorizationUrl ? { authorizationUrl: flow.authorizationUrl } : {}),
      ...(flow.pkce === undefined ? {} : { pkce: flow.pkce }),
      tokenRequest: shapeFor(scheme.tokenRequest, grantType),
      scopes: flow.scopes,
    });
  }
  const refreshUrl = Object.values(scheme.flows).find(
    (flow) => flow && 'refreshUrl' in flow && flow.refreshUrl,
  )?.refreshUrl;
  if (refreshUrl) {
    methods.push({
      scheme: name,
      strategy: grants.refresh_token.strategy,
      title: grants.refresh_token.title,
      grantType: 'refresh_token',
      tokenUrl: refreshUrl,
      tokenRequest: shapeFor(scheme.tokenRequest, 'refresh_token'),
    });
  }
  methods.push({
    scheme: name,
    strategy: 'bearerToken',
    title: staticStrategies.bearerToken.title,
    sentAs: 'Authorization: Bearer <access token>',
  });
  return methods;
}

/**
 * Every way to authenticate with a provider, scheme by scheme in the spec's order: for an OAuth2
 * scheme its grants (password, client credentials, authorization code), a refresh token when the
 * spec has a refresh URL, and a ready access token; for a bearer or API-key scheme, the key.
 */
export function authMethods(security: SecurityConfig): AuthMethod[] {
  return Object.entries(security.schemes).flatMap(([name, scheme]): AuthMethod[] => {
    switch (scheme.type) {
      case 'oauth2':
        return oauth2Methods(name, scheme);
      case 'http':
        return [
          {
            scheme: name,
            strategy: 'apiKey',
            title: staticStrategies.apiKey.title,
            sentAs: 'Authorization: Bearer <key>',
          },
        ];
      case 'apiKey':
        return [
          {
            scheme: name,
            strategy: 'apiKey',
            title: staticStrategies.apiKey.title,
            sentAs: `${scheme.name} (${scheme.in})`,
          },
        ];
      default:
        return [];
    }
  });
}

/** A token URL as a reader can use it: relative ones are resolved against the server URL. */
export function absoluteUrl(url: string, baseUrl: string): string {
  if (/^https?:\/\//.test(url)) return url;
  return `${baseUrl.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
}
