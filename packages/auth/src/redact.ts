const secretFields = /("?(?:access_token|refresh_token|id_token|client_secret|password|code|code_verifier|assertion)"?\s*[:=]\s*"?)([^"&,\s}]+)/gi;

/**
 * A short, single-line excerpt of a reply body that is safe to show: the values of known secret
 * fields and every string in `secrets` are replaced by `[redacted]`.
 */
export function redactedExcerpt(body: string, secrets: Iterable<string | undefined> = [], maxLength = 200): string {
  let text = body.replace(secretFields, '$1[redacted]');
  for (const secret of secrets) {
    if (secret && secret.length >= 4) text = text.split(secret).join('[redacted]');
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
}
