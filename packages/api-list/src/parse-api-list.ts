import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';

/** One API of `redocly.yaml`, and where every tool finds what belongs to it. */
export interface ApiEntry {
  /** `klika@v1`, as redocly.yaml names it. */
  readonly name: string;
  /** `klika`: the folder under `spec/` and `packages/`, the page folder of the docs. */
  readonly id: string;
  /** `v1` */
  readonly version: string;
  /** The spec's root file, relative to the repository root. */
  readonly root: string;
  /** What the bundle step writes, relative to the repository root. */
  readonly bundled: { readonly yaml: string; readonly json: string };
  /** The client package generated from it (it may not exist yet), and its factory function. */
  readonly client: { readonly dir: string; readonly name: string; readonly factory: string };
}

/** `redocly.yaml` cannot be read as a list of APIs: the message names the file and the line. */
export class ApiListError extends Error {
  override readonly name = 'ApiListError';
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly line?: number,
  ) {
    super(line === undefined ? `${file}: ${problem}` : `${file}:${line}: ${problem}`);
  }
}

const idPattern = /^[a-z][a-z0-9-]*$/;

/** Where the bundle, the client package and the rest of an API live, from its id. */
export function apiEntry(name: string, root: string): ApiEntry {
  const [id = name, version = ''] = name.split('@');
  return {
    name,
    id,
    version,
    root,
    bundled: { yaml: `dist/${id}.openapi.yaml`, json: `dist/${id}.openapi.json` },
    client: { dir: `packages/${id}`, name: `@oapi/${id}`, factory: `create${pascalCase(id)}Client` },
  };
}

/** `wootric-cxi` → `WootricCxi` */
export function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, letter: string) => letter.toUpperCase());
}

/**
 * The APIs under `apis:` of a `redocly.yaml` text, in their order. Pure: the text may come from
 * disk or from a git ref (`file` then says which, e.g. `main:redocly.yaml`).
 */
export function parseApiList(text: string, file: string): ApiEntry[] {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  const lineOf = (node: Node | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line : undefined);
  const [syntax] = document.errors;
  if (syntax) {
    // yaml's message ends with " at line L, column C" and an excerpt: the line is reported apart.
    const reason = syntax.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ApiListError(file, `invalid YAML: ${reason}`, syntax.linePos?.[0]?.line);
  }
  const apis = document.get('apis', true) as Node | undefined;
  if (apis === undefined) return [];
  if (!isMap(apis)) throw new ApiListError(file, '"apis" must map <id>@<version> to { root: <path> }', lineOf(apis));
  const entries: ApiEntry[] = [];
  for (const pair of apis.items) {
    const key = pair.key as Node;
    const name = isScalar(key) ? String(key.value) : '';
    const [id = '', version] = name.split('@');
    if (!idPattern.test(id) || !version) {
      throw new ApiListError(file, `"${name}" must be <id>@<version>, the id in lower case (klika@v1)`, lineOf(key));
    }
    if (entries.some((api) => api.id === id))
      throw new ApiListError(file, `the id "${id}" is listed twice`, lineOf(key));
    const value = pair.value as Node | null;
    const root = isMap(value) ? value.get('root') : undefined;
    if (typeof root !== 'string' || root === '') {
      throw new ApiListError(file, `apis.${name}.root must be the path of the spec's root file`, lineOf(value ?? key));
    }
    entries.push(apiEntry(name, root));
  }
  return entries;
}
