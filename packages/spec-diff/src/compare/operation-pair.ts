import type { JsonObject } from '../types.js';

/** One side of an operation being compared: the operation, its path item and where they are. */
export interface OperationSide {
  operation: JsonObject;
  pathItem: JsonObject;
  operationPointer: string;
  pathPointer: string;
  /** The path template (`/users/{id}`), or the webhook name. */
  template: string;
}

export interface OperationPair {
  /** `GET /users/{id}` or `WEBHOOK name`. */
  label: string;
  kind: 'operation' | 'webhook';
  base: OperationSide;
  head: OperationSide;
}

/** The names of a path template's parameters, in order: `/a/{x}/b/{y}` gives `['x', 'y']`. */
export function templateParameters(template: string): string[] {
  return [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}
