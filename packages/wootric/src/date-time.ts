const pattern = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A Wootric date-time as a Date. Reads give `2018-01-02 23:03:41 -0800`, which is not RFC 3339;
 * some answers use ISO 8601 (`2015-02-12T06:29:27.000-08:00`) and the oldest have no offset
 * (`2014-12-01 18:36:59`), taken as UTC.
 */
export function parseWootricDateTime(value: string): Date {
  const match = typeof value === 'string' ? pattern.exec(value.trim()) : null;
  if (!match) throw new TypeError(`"${String(value)}" is not a Wootric date-time (e.g. "2018-01-02 23:03:41 -0800")`);
  const [, year, month, day, hour, minute, second, fraction = '', zone = 'Z'] = match;
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${offset}`);
  if (Number.isNaN(date.getTime())) throw new TypeError(`"${value}" is not a valid date-time`);
  return date;
}

/** The same, in whole UNIX seconds: what the `created[...]` filters take. */
export function wootricEpochSeconds(value: string): number {
  return Math.floor(parseWootricDateTime(value).getTime() / 1000);
}
