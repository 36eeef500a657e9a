type ListedError = { status?: unknown; code?: unknown; message?: unknown; field?: unknown } | null;

/**
 * One line for an error body that lists its errors (`{ errors: [{ status, message, field }] }`, as
 * Wootric's `error_list` does): `record_not_found: The record could not be found (field: email)`,
 * joined by `; `. Undefined for any other body.
 */
export function errorListSummary(body: unknown): string | undefined {
  const errors: unknown = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return undefined;
  const lines = errors.flatMap((error: ListedError) => {
    const { status, code, message, field } = error ?? {};
    if (typeof message !== 'string') return [];
    const label = [status, code].find((value) => typeof value === 'string');
    return [`${label ? `${label}: ` : ''}${message}${typeof field === 'string' && field ? ` (field: ${field})` : ''}`];
  });
  return lines.join('; ') || undefined;
}
