const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One line for an error body that lists its errors (`{ errors: [{ status, message, field }] }`, as
 * Wootric's `error_list` does): `record_not_found: The record could not be found (field: email)`,
 * joined by `; `. Undefined for any other body.
 */
export function errorListSummary(body: unknown): string | undefined {
  if (!isRecord(body) || !Array.isArray(body.errors)) return undefined;
  const lines = body.errors.filter(isRecord).flatMap((error) => {
    if (typeof error.message !== 'string') return [];
    const code =
      typeof error.status === 'string' || typeof error.code === 'string'
        ? `${String(error.status ?? error.code)}: `
        : '';
    const field = typeof error.field === 'string' && error.field !== '' ? ` (field: ${error.field})` : '';
    return [`${code}${error.message}${field}`];
  });
  return lines.length > 0 ? lines.join('; ') : undefined;
}
