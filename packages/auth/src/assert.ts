import { AuthError } from './errors.js';
import type { AuthStrategy } from './strategies.js';

/** `"options.auth.clientId" must be a non-empty string`: bad arguments name the option path. */
export function assertString(value: unknown, path: string): asserts value is string {
  if (typeof value !== 'string' || value === '') throw new TypeError(`"${path}" must be a non-empty string`);
}

export function assertOptionalString(value: unknown, path: string): asserts value is string | undefined {
  if (value !== undefined) assertString(value, path);
}

export function assertStringRecord(value: unknown, path: string): asserts value is Record<string, string> | undefined {
  if (value === undefined) return;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TypeError(`"${path}" must be an object of strings`);
  for (const [key, v] of Object.entries(value)) assertString(v, `${path}.${key}`);
}

export function assertOptionalBoolean(value: unknown, path: string): asserts value is boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') throw new TypeError(`"${path}" must be true or false`);
}

/** A strategy made by one of this package's factories (`passwordGrant(…)`, `apiKey(…)`). */
export function assertStrategy(value: unknown, path: string): asserts value is AuthStrategy {
  if (typeof (value as Partial<AuthStrategy> | undefined)?.authenticator !== 'function')
    throw new TypeError(`"${path}" must come from a strategy factory such as passwordGrant() or apiKey()`);
}

/** An absolute http(s) URL, or a TypeError naming the option (with an example of one, when there is one). */
export function assertHttpUrl(value: unknown, path: string, example?: string): asserts value is string {
  if (typeof value !== 'string' || !/^https?:\/\/[^/]/i.test(value) || !URL.canParse(value))
    throw new TypeError(`"${path}" must be an absolute http(s) URL${example ? `, e.g. "${example}"` : ''}`);
}

/** 127.0.0.0/8, ::1 and `localhost`; a DNS name that merely starts with `127.` is not. */
export function isLoopback(url: URL): boolean {
  return /^(?:localhost|\[::1\]|127(?:\.\d{1,3}){3})$/.test(url.hostname);
}

/**
 * Credentials go only to https URLs, or http on loopback (RFC 8252 §7.3), unless the caller opts
 * out; and never in a URL's user-info part.
 */
export function assertSecureUrl(url: URL, what: string, allowInsecureHttp: boolean | undefined): void {
  const userInfo = url.username !== '' || url.password !== '';
  const secure =
    url.protocol === 'https:' || allowInsecureHttp === true || (url.protocol === 'http:' && isLoopback(url));
  if (secure && !userInfo) return;
  throw new AuthError(
    'insecure_url',
    userInfo
      ? `Refusing credentials in the ${what} (${url.protocol}//…@${url.host}): pass them to a strategy instead.`
      : `Refusing to send credentials to ${url.origin} (${what}): use https, or set allowInsecureHttp for a trusted network.`,
  );
}
