import { parse } from 'yaml';
import { InputError } from '../errors.js';
import { asObject } from '../is-object.js';

/** An API of `redocly.yaml`: `klika@v1` with `root: spec/klika/openapi.yaml`. */
export interface ApiEntry {
  name: string;
  id: string;
  root: string;
}

/** The `apis:` of a redocly.yaml text, as scripts/apis.mjs reads them. */
export function parseApis(text: string, file: string): ApiEntry[] {
  let config: unknown;
  try {
    config = parse(text);
  } catch (error) {
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    throw new InputError(file, `invalid YAML: ${(error as Error).message.split('\n')[0]}`, line);
  }
  return Object.entries(asObject(asObject(config).apis)).map(([name, api]) => {
    const root = asObject(api).root;
    if (typeof root !== 'string') throw new InputError(file, `apis.${name}.root must be a path`);
    return { name, id: name.split('@')[0]!, root };
  });
}

/** Every API of the base and the head, by id: one added by the PR exists only in the head. */
export function unionApis(base: ApiEntry[], head: ApiEntry[]): Array<{ id: string; base?: ApiEntry; head?: ApiEntry }> {
  const byId = new Map<string, { id: string; base?: ApiEntry; head?: ApiEntry }>();
  for (const api of head) byId.set(api.id, { id: api.id, head: api });
  for (const api of base) byId.set(api.id, { id: api.id, ...byId.get(api.id), base: api });
  return [...byId.values()];
}
