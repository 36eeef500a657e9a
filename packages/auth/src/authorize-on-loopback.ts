import { readAuthorizationCallback } from './authorization-callback.js';
import { createAuthorizationRequest, type AuthorizationRequestOptions } from './authorization-request.js';
import { startLoopbackRedirect, type LoopbackRedirectOptions } from './loopback-redirect.js';
import { authorizationCodeGrant, type GrantStrategy, withSecurity } from './strategies.js';

export interface LoopbackAuthorizationOptions
  extends Omit<AuthorizationRequestOptions, 'redirectUri'>,
    LoopbackRedirectOptions {
  /** For a confidential client; a CLI is usually public (PKCE only). */
  readonly clientSecret?: string;
  /** Shows the authorize URL to the user: open their browser, or print it. */
  open(url: URL): void | Promise<void>;
}

/**
 * The whole browser step of the authorization-code grant for a CLI: a loopback redirect, the
 * authorize URL (PKCE S256, state), the checked callback. Returns the strategy that exchanges the
 * code on the client's first request and refreshes after that, carrying `security` for the client.
 */
export async function authorizeOnLoopback(options: LoopbackAuthorizationOptions): Promise<GrantStrategy> {
  if (typeof options?.open !== 'function')
    throw new TypeError('"options.open" must be a function that shows the URL to the user');
  const redirect = await startLoopbackRedirect(options);
  try {
    const request = await createAuthorizationRequest({ ...options, redirectUri: redirect.redirectUri });
    await options.open(request.url);
    const { code } = readAuthorizationCallback(await redirect.waitForCallback(), request);
    // Bound to the provider's security, as its client package's authorizationCodeGrant is.
    const grant = withSecurity(authorizationCodeGrant, options.security);
    return grant({
      code,
      redirectUri: request.redirectUri,
      ...(request.codeVerifier === undefined ? {} : { codeVerifier: request.codeVerifier }),
      clientId: options.clientId,
      ...(options.clientSecret === undefined ? {} : { clientSecret: options.clientSecret }),
    });
  } finally {
    await redirect.close();
  }
}
