const secretFields =
  /("?(access_token|refresh_token|client_secret|password|code|code_verifier|assertion|id_token)"?\s*[:=]\s*"?)([^"&,\s}]+)/gi;

/** A vendor's status code (CloudCX's `"code": "0000"`) is not an authorization code: keep it readable. */
const statusCode = /^\d{1,6}$/;

/**
 * A short, single-line excerpt of a reply body that is safe to show: the values of known secret
 * fields and every string in `secrets` are replaced by `[redacted]`.
 */
export function redactedExcerpt(body: string, secrets: Iterable<string | undefined> = [], maxLength = 200): string {
  let text = body.replace(secretFields, (match, prefix: string, name: string, value: string) =>
    name.toLowerCase() === 'code' && statusCode.test(value) ? match : `${prefix}[redacted]`,
  );
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    // As sent, and as a JSON string or a form field would echo it back.
    for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])) {
      text = text.replaceAll(form, '[redacted]');
    }
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
}
