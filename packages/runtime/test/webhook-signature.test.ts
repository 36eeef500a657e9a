import { createHmac } from 'node:crypto';
import { secretsIn } from '@oapi/test-support';
import { describe, expect, it } from 'vitest';
import { verifyHmacSignature, WebhookSignatureError } from '../src/index.js';

const secret = 'whsec-test-0123456789abcdef';
const body = 'response[id]=1128&response[score]=7&event_name=created';
const sign = (payload: string | Uint8Array, key = secret) =>
  `sha1=${createHmac('sha1', key).update(payload).digest('hex')}`;
const sha1 = { algorithm: 'sha1', prefix: 'sha1=', headerName: 'X-Wootric-Signature' } as const;

async function failure(run: () => Promise<void>): Promise<WebhookSignatureError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof WebhookSignatureError) return error;
    throw error;
  }
  throw new Error('expected a WebhookSignatureError');
}

describe('verifyHmacSignature', () => {
  it('accepts the HMAC of the exact body, as a string or as bytes, in either hex case', async () => {
    await expect(verifyHmacSignature(body, sign(body), secret, sha1)).resolves.toBeUndefined();
    await expect(verifyHmacSignature(Buffer.from(body), sign(body), secret, sha1)).resolves.toBeUndefined();
    const upper = sign(body).toUpperCase().replace('SHA1=', 'sha1=');
    await expect(verifyHmacSignature(body, upper, secret, sha1)).resolves.toBeUndefined();
  });

  it('accepts a secret given as bytes', async () => {
    await expect(
      verifyHmacSignature(body, sign(body), new TextEncoder().encode(secret), sha1),
    ).resolves.toBeUndefined();
  });

  it.each([
    ['sha256', 'base64'],
    ['sha512', 'hex'],
  ] as const)('accepts %s digests in %s without a prefix', async (algorithm, encoding) => {
    const signature = createHmac(algorithm, secret).update(body).digest(encoding);
    await expect(verifyHmacSignature(body, signature, secret, { algorithm, encoding })).resolves.toBeUndefined();
  });

  it.each([
    ['missing_signature', undefined, /The request has no X-Wootric-Signature/],
    ['missing_signature', '  ', /no X-Wootric-Signature/],
    ['malformed_signature', 'sha256=abcd', /is not "sha1=<hex SHA1 HMAC>"/],
    ['malformed_signature', 'sha1=xyz', /is not "sha1=<hex SHA1 HMAC>"/],
    ['malformed_signature', 'sha1=abc', /is not "sha1=<hex SHA1 HMAC>"/],
    ['signature_mismatch', sign(`${body}&tampered=1`), /does not match the body/],
    ['signature_mismatch', sign(body, 'another-secret'), /does not match the body/],
    ['signature_mismatch', 'sha1=abcd', /does not match the body/],
  ])('fails with %s for %s', async (code, signature, message) => {
    const error = await failure(() => verifyHmacSignature(body, signature, secret, sha1));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(secretsIn(error, [secret, sign(body).slice(5)])).toEqual([]);
  });

  it('fails with missing_secret when no secret is configured', async () => {
    expect((await failure(() => verifyHmacSignature(body, sign(body), '', sha1))).code).toBe('missing_secret');
  });
});
