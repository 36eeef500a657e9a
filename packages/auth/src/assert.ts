/** `"options.auth.clientId" must be a non-empty string`: bad arguments name the option path. */
export function assertString(value: unknown, path: string): asserts value is string {
  if (typeof value !== 'string' || value === '') throw new TypeError(`"${path}" must be a non-empty string`);
}

export function assertOptionalString(value: unknown, path: string): asserts value is string | undefined {
  if (value !== undefined) assertString(value, path);
}

export function assertStringRecord(value: unknown, path: string): asserts value is Record<string, string> | undefined {
  if (value === undefined) return;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError(`"${path}" must be an object of strings`);
  for (const [key, v] of Object.entries(value)) assertString(v, `${path}.${key}`);
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopback(url: URL): boolean {
  return loopbackHosts.has(url.hostname) || url.hostname.endsWith('.localhost') || /^127\./.test(url.hostname);
}
