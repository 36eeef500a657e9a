// Checks of numeric options; the TypeError names the option path and what it got (a number, or
// the kind of value given instead: `got string`).

const got = (value: unknown) => (typeof value === 'number' ? value : typeof value);

/** `"retry.maxAttempts" must be a positive integer, got 0` */
export function assertPositiveInteger(value: unknown, path: string): asserts value is number {
  if (!(Number.isSafeInteger(value) && (value as number) >= 1))
    throw new TypeError(`"${path}" must be a positive integer, got ${got(value)}`);
}

/** `"retry.maxWaitMs" must be a non-negative number of milliseconds, got -1` */
export function assertNonNegativeMs(value: unknown, path: string): asserts value is number {
  if (!(Number.isFinite(value) && (value as number) >= 0))
    throw new TypeError(`"${path}" must be a non-negative number of milliseconds, got ${got(value)}`);
}
