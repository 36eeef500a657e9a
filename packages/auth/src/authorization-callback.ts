import * as oauth from 'oauth4webapi';
import { assertString } from './assert.js';
import { AuthError } from './errors.js';

/** What the callback must match: the `state` of `createAuthorizationRequest()`. */
export interface ExpectedCallback {
  readonly state: string;
}

const shown = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

function parametersOf(callback: string | URL | URLSearchParams): URLSearchParams {
  if (callback instanceof URLSearchParams) return new URLSearchParams(callback);
  if (callback instanceof URL) return new URLSearchParams(callback.search);
  assertString(callback, 'callback');
  // A full URL, or the path and query a server sees (`req.url`).
  return new URL(callback, 'http://callback.invalid').searchParams;
}

/**
 * Checks the redirect back from the authorize endpoint (RFC 6749 §4.1.2) with oauth4webapi: the
 * `state` must be the one sent, an `error` becomes an AuthError, and the `code` is returned for
 * `authorizationCodeGrant()`. Errors never contain the code.
 */
export function readAuthorizationCallback(
  callback: string | URL | URLSearchParams,
  expected: ExpectedCallback,
): { readonly code: string } {
  assertString(expected?.state, 'expected.state');
  const parameters = parametersOf(callback);
  // RFC 9207's `iss` defends a client that talks to several authorization servers; each client
  // here has one, known from its spec, and no discovery document to compare `iss` with.
  parameters.delete('iss');
  let checked: URLSearchParams;
  try {
    checked = oauth.validateAuthResponse(
      { issuer: 'urn:oapi:authorization-server' },
      { client_id: 'oapi' },
      parameters,
      expected.state,
    );
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) {
      const description = error.error_description ? `: ${shown(error.error_description)}` : '';
      throw new AuthError('invalid_callback', `The authorization server refused: ${shown(error.error)}${description}.`);
    }
    // oauth4webapi's messages name the parameter, never its value ('unexpected "state" response parameter value').
    const reason = error instanceof Error ? error.message : 'unreadable parameters';
    throw new AuthError(
      'invalid_callback',
      `Ignoring the authorization callback (forged, stale or malformed): ${reason}.`,
    );
  }
  const code = checked.get('code');
  if (!code) throw new AuthError('invalid_callback', 'The authorization callback carries no code.');
  return { code };
}
