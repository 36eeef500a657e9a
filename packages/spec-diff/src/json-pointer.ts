/** Escapes one JSON pointer segment (RFC 6901). */
export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Appends segments to a pointer: `childPointer('/paths', '/users', 'get')` is `/paths/~1users/get`. */
export function childPointer(pointer: string, ...segments: Array<string | number>): string {
  let result = pointer;
  for (const segment of segments) result += `/${escapeSegment(segment)}`;
  return result;
}

/** The value at a pointer, or undefined when any segment is missing. */
export function getAtPointer(root: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return pointer === '' ? root : (root as Record<string, unknown>)?.[''];
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[unescapeSegment(raw)];
  }
  return node;
}
