import type { RuleId } from '../rules.js';

/** Which way a message travels: a request is sent by the client, a response (or webhook payload) received. */
export type Direction = 'request' | 'response';

export const opposite = (direction: Direction): Direction => (direction === 'request' ? 'response' : 'request');

/** A change found inside a schema, with a pointer relative to that schema. */
export interface SchemaChange {
  id: RuleId;
  pointer: string;
  detail: string;
}

export type Emit = (id: RuleId, detail: string) => void;

/** An Emit that records each change at `pointer`. */
export const emitAt =
  (changes: SchemaChange[], pointer: string): Emit =>
  (id, detail) =>
    void changes.push({ id, pointer, detail });

/** Compares two subschemas in a direction (a recursion of the schema walk). */
export type CompareSchemas = (base: unknown, head: unknown, direction: Direction) => SchemaChange[];

/** Adds the changes of a subschema found at `prefix`. */
export function nest(changes: SchemaChange[], prefix: string, nested: SchemaChange[]): void {
  for (const change of nested) changes.push({ ...change, pointer: prefix + change.pointer });
}
