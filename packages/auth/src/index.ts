export type {
  ApiKeySchemeConfig,
  AuthorizationCodeFlowConfig,
  ClientAuthentication,
  GrantType,
  HttpBearerSchemeConfig,
  OAuth2SchemeConfig,
  OAuthFlowConfig,
  SecurityConfig,
  SecuritySchemeConfig,
  TokenRequestConfig,
  TokenRequestContentType,
  TokenRequestShape,
} from './security-config.js';
