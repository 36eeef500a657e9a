// JSON values written as TypeScript the way a person would: single quotes, bare keys where they are
// identifiers, on one line when short, one entry per line otherwise.

const maxInline = 72;

/** An expression written as it is (`process.env.X ?? ''`). */
export class Raw {
  constructor(readonly code: string) {}
}

export function quote(text: string): string {
  return `'${text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\u2028|\u2029/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)}'`;
}

function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name);
}

/**
 * `value` as a TypeScript expression, continuation lines indented by `indent` spaces; on one line
 * when that takes at most `width` characters (the outermost level; inner ones keep the default).
 */
export function tsLiteral(value: unknown, indent = 0, width = maxInline): string {
  if (value instanceof Raw) return value.code;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const pad = ' '.repeat(indent + 2);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inline = `[${value.map((v) => tsLiteral(v)).join(', ')}]`;
    if (inline.length <= width && !inline.includes('\n')) return inline;
    return `[\n${value.map((v) => `${pad}${tsLiteral(v, indent + 2)},`).join('\n')}\n${' '.repeat(indent)}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const inline = `{ ${entries.map(([k, v]) => `${key(k)}: ${tsLiteral(v)}`).join(', ')} }`;
    if (inline.length <= width && !inline.includes('\n')) return inline;
    return `{\n${entries.map(([k, v]) => `${pad}${key(k)}: ${tsLiteral(v, indent + 2)},`).join('\n')}\n${' '.repeat(indent)}}`;
  }
  throw new TypeError(`cannot write ${typeof value} as a TypeScript literal`);
}
