import type { OAuth2SchemeConfig } from '@oapi/auth';
import { absoluteUrl, type AuthMethod } from '../auth-methods.js';
import type { Provider } from '../providers.js';
import type { Html } from './html.js';
import { markdownInline } from './markdown.js';

/** `7200` → `7200 seconds (2 hours)`. */
export function lifetimeText(seconds: number): string {
  if (seconds < 120) return `${seconds} seconds`;
  const minutes = seconds / 60;
  if (minutes < 90) return `${seconds} seconds (about ${Math.round(minutes)} minutes)`;
  const hours = minutes / 60;
  return `${seconds} seconds (about ${Number.isInteger(Math.round(hours * 10) / 10) ? Math.round(hours) : (Math.round(hours * 10) / 10).toString()} hours)`;
}

/** What `x-refresh-token-rotation` means for whoever keeps the refresh token. */
const rotationText: Readonly<Record<`${OAuth2SchemeConfig['refreshTokenRotation']}`, string>> = {
  true: 'Every refresh returns a **new refresh token that replaces the old one** (`x-refresh-token-rotation`): keep the newest (`onTokens` or a `tokenStore`), since the previous one stops working.',
  deferred:
    'Every refresh returns a **new refresh token that replaces the old one** (`x-refresh-token-rotation: deferred`): the old one keeps working until the new access token is first used, so a refresh whose reply was lost can be sent again; keep the newest (`onTokens` or a `tokenStore`).',
  false:
    'The spec does not say that refresh tokens rotate; the client still keeps the newest refresh token it receives.',
};

/**
 * How the client keeps an OAuth 2 scheme's tokens fresh, in a few paragraphs written from the
 * spec's flows, `x-token-lifetime` and `x-refresh-token-rotation`.
 */
export function refreshParagraphs(
  provider: Provider,
  methods: readonly AuthMethod[],
  scheme: OAuth2SchemeConfig,
): Html[] {
  const paragraphs: string[] = [];
  paragraphs.push(
    scheme.tokenLifetime === undefined
      ? 'The spec documents no access-token lifetime: the client relies on the `expires_in` of each token response.'
      : `Access tokens live ${lifetimeText(scheme.tokenLifetime)}, the spec says (\`x-token-lifetime\`). The client trusts the \`expires_in\` of each token response and uses this figure when a response has none.`,
  );
  paragraphs.push(
    'The client asks for a token on the first request, caches it (in memory, or in your `tokenStore`) and gets a new one shortly before it expires. Concurrent requests share one token request. A request the API refuses with 401 gets a new token and is sent again, once.',
  );
  for (const method of methods.filter((m) => m.grantType && m.strategy !== 'refreshTokenGrant')) {
    paragraphs.push(
      method.refreshUrl
        ? `After the ${method.title.toLowerCase()}, new tokens come from \`grant_type=refresh_token\` at \`${absoluteUrl(method.refreshUrl, provider.tokenBaseUrl)}\`; when the refresh token is refused, the client repeats the grant if it can.`
        : `The ${method.title.toLowerCase()} comes with no refresh URL in the spec: when the token expires, the client repeats the grant.`,
    );
  }
  if (methods.some((m) => m.strategy === 'refreshTokenGrant')) {
    paragraphs.push(rotationText[`${scheme.refreshTokenRotation}`]);
  }
  return paragraphs.map(markdownInline);
}
