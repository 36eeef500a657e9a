import { InputError } from '../errors.js';
import { getAtPointer } from '../json-pointer.js';
import { lineAt } from './parse.js';

/** Every `$ref` of a document: the local ones (`#/...`), and whether any points to another file. */
export function collectRefs(root: unknown): { local: Set<string>; external: boolean } {
  const local = new Set<string>();
  let external = false;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node) if (typeof item === 'object' && item !== null) stack.push(item);
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') {
          if (value.startsWith('#')) local.add(value);
          else external = true;
        } else if (typeof value === 'object' && value !== null) {
          stack.push(value);
        }
      }
    }
  }
  return { local, external };
}

/** A `$ref` that resolves nowhere is unusable input, found up front rather than when a comparison reaches it. */
export function checkLocalRefs(document: unknown, refs: Set<string>, label: string, text?: string): void {
  for (const ref of refs) {
    if (getAtPointer(document, decodeURIComponent(ref.slice(1))) !== undefined) continue;
    const offset = text?.indexOf(ref) ?? -1;
    throw new InputError(label, `$ref "${ref}" does not resolve`, offset >= 0 ? lineAt(text!, offset) : undefined);
  }
}
