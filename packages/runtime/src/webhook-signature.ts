// Web Crypto rather than node:crypto: the same check runs in Node, browsers' service workers, Deno,
// Bun and edge runtimes (Cloudflare Workers, Vercel), where webhook endpoints often live.
export type WebhookSignatureErrorCode =
  | 'missing_signature'
  | 'malformed_signature'
  | 'signature_mismatch'
  | 'missing_secret';

/** A webhook whose signature is absent, unreadable or wrong: do not trust its payload. */
export class WebhookSignatureError extends Error {
  override readonly name = 'WebhookSignatureError';
  constructor(
    readonly code: WebhookSignatureErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface HmacSignatureOptions {
  /** The HMAC hash, e.g. `sha1` (Wootric) or `sha256`. */
  readonly algorithm: 'sha1' | 'sha256' | 'sha512';
  /** What precedes the digest in the header, e.g. `sha1=`. Default: nothing. */
  readonly prefix?: string;
  /** How the digest is written. Default `hex`. */
  readonly encoding?: 'hex' | 'base64';
  /** The header's name, for messages. Default `signature header`. */
  readonly headerName?: string;
}

const digestPattern = { hex: /^[0-9a-f]+$/i, base64: /^[A-Za-z0-9+/]+={0,2}$/ };
const webCryptoHash = { sha1: 'SHA-1', sha256: 'SHA-256', sha512: 'SHA-512' } as const;

function decodeDigest(digest: string, encoding: 'hex' | 'base64'): Uint8Array<ArrayBuffer> {
  if (encoding === 'base64') return Uint8Array.from(atob(digest), (c) => c.charCodeAt(0));
  return Uint8Array.from(digest.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}

const bytesOf = (value: string | Uint8Array): Uint8Array<ArrayBuffer> =>
  typeof value === 'string' ? new TextEncoder().encode(value) : new Uint8Array(value);

/**
 * Checks `signature` (a header value such as `sha1=4f1c…`) against the HMAC of the raw body with
 * `secret`, in constant time (Web Crypto's `verify`). `body` must be the exact bytes received,
 * before any parsing. Rejects with a WebhookSignatureError with a `code`; its message never shows
 * the secret or the expected digest.
 */
export async function verifyHmacSignature(
  body: string | Uint8Array,
  signature: string | null | undefined,
  secret: string | Uint8Array,
  options: HmacSignatureOptions,
): Promise<void> {
  const header = options.headerName ?? 'signature header';
  const encoding = options.encoding ?? 'hex';
  const prefix = options.prefix ?? '';
  if (secret === undefined || secret === null || secret.length === 0) {
    throw new WebhookSignatureError('missing_secret', 'No webhook secret was given to check the signature with.');
  }
  if (signature === undefined || signature === null || signature.trim() === '') {
    throw new WebhookSignatureError(
      'missing_signature',
      `The request has no ${header}: it may not come from the provider.`,
    );
  }
  const value = signature.trim();
  const digest = value.startsWith(prefix) ? value.slice(prefix.length) : undefined;
  if (
    digest === undefined ||
    !digestPattern[encoding].test(digest) ||
    (encoding === 'hex' && digest.length % 2 !== 0)
  ) {
    throw new WebhookSignatureError(
      'malformed_signature',
      `The ${header} is not "${prefix}<${encoding} ${options.algorithm.toUpperCase()} HMAC>".`,
    );
  }
  const key = await crypto.subtle.importKey(
    'raw',
    bytesOf(secret),
    { name: 'HMAC', hash: webCryptoHash[options.algorithm] },
    false,
    ['verify'],
  );
  if (!(await crypto.subtle.verify('HMAC', key, decodeDigest(digest, encoding), bytesOf(body)))) {
    throw new WebhookSignatureError(
      'signature_mismatch',
      `The ${header} does not match the body: the payload was altered, or signed with another secret.`,
    );
  }
}
