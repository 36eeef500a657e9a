import type { RuleId } from '../rules.js';

/** Which way a message travels: a request is sent by the client, a response (or webhook payload) received. */
export type Direction = 'request' | 'response';

/** A change found inside a schema, with a pointer relative to that schema. */
export interface SchemaChange {
  id: RuleId;
  pointer: string;
  detail: string;
}

export type Emit = (id: RuleId, detail: string) => void;
