import { isAbsolute, resolve as resolvePath } from 'node:path';
import { BaseResolver, bundle, createConfig, isAbsoluteUrl, ResolveError, Source, type Config } from '@redocly/openapi-core';
import { InputError } from '../errors.js';
import { isObject } from '../is-object.js';
import type { LoadedSpec, OpenApiDocument } from '../types.js';
import { getAtPointer } from '../json-pointer.js';
import { lineAt, parseDocumentText } from './parse.js';
import { problemToInputError } from './problems.js';

/** Reads a file of the spec by absolute path; throws when it does not exist. */
export type ReadText = (absolutePath: string) => Promise<string>;

/** Reads every `$ref`'d file through `read`, so a spec can be bundled from a git ref as from disk. */
class SourceResolver extends BaseResolver {
  constructor(private readonly read: ReadText) {
    super();
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    if (isAbsoluteUrl(absoluteRef)) return super.loadExternalRef(absoluteRef);
    try {
      return new Source(absoluteRef, (await this.read(absoluteRef)).replace(/\r\n/g, '\n'));
    } catch (error) {
      throw new ResolveError(error as Error);
    }
  }
}

let bundleConfig: Promise<Config> | undefined;

/**
 * Loads an OpenAPI 3.0/3.1 document and bundles it with @redocly/openapi-core, so that every `$ref`
 * points inside it. A document without external `$ref`s is already bundled and is used as parsed.
 */
export async function loadSpec(label: string, absolutePath: string, read: ReadText): Promise<LoadedSpec> {
  let text: string;
  try {
    text = await read(absolutePath);
  } catch (error) {
    throw new InputError(label, (error as Error).message || 'cannot be read');
  }
  const parsed = parseDocumentText(text, label);
  const document = checkOpenApi(parsed, label);
  const refs = collectRefs(document);
  if (!refs.external) {
    checkLocalRefs(document, refs.local, label, text);
    return { label, document };
  }
  bundleConfig ??= createConfig({});
  const result = await bundle({
    doc: { source: new Source(absolutePath, text), parsed: document },
    config: await bundleConfig,
    externalRefResolver: new SourceResolver(read),
    dereference: false,
  });
  const error = result.problems.find((p) => p.severity === 'error');
  if (error) throw problemToInputError(error, label, absolutePath);
  const bundled = result.bundle.parsed as OpenApiDocument;
  checkLocalRefs(bundled, collectRefs(bundled).local, label);
  return { label, document: bundled };
}

/** Loads a spec file; messages name it as given. */
export function loadSpecFile(path: string, cwd = process.cwd()): Promise<LoadedSpec> {
  const absolutePath = isAbsolute(path) ? path : resolvePath(cwd, path);
  return loadSpec(path, absolutePath, async (file) => {
    const { readFile } = await import('node:fs/promises');
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : (error as Error).message);
    }
  });
}

/** An OpenAPI document with nothing in it: the side of a diff where an API does not exist yet. */
export function emptySpec(label: string): LoadedSpec {
  return { label, document: { openapi: '3.1.0', info: { title: '', version: '' }, paths: {} }, missing: true };
}

function checkOpenApi(parsed: unknown, label: string): OpenApiDocument {
  if (!isObject(parsed)) throw new InputError(label, 'not an OpenAPI document: expected an object at the top level');
  if (parsed.swagger !== undefined) throw new InputError(label, `Swagger ${String(parsed.swagger)} is not supported: convert it to OpenAPI 3.0 or 3.1`);
  if (typeof parsed.openapi !== 'string') throw new InputError(label, 'not an OpenAPI document: the `openapi` field is missing');
  if (!/^3\.[01](\.|$)/.test(parsed.openapi)) throw new InputError(label, `OpenAPI ${parsed.openapi} is not supported: expected 3.0 or 3.1`);
  for (const key of ['paths', 'webhooks', 'components'] as const) {
    if (parsed[key] !== undefined && !isObject(parsed[key])) throw new InputError(label, `\`${key}\` must be an object`);
  }
  return parsed as OpenApiDocument;
}

/** Every `$ref` of a document: the local ones (`#/...`), and whether any points to another file. */
function collectRefs(root: unknown): { local: Set<string>; external: boolean } {
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
function checkLocalRefs(document: unknown, refs: Set<string>, label: string, text?: string): void {
  for (const ref of refs) {
    if (getAtPointer(document, decodeURIComponent(ref.slice(1))) !== undefined) continue;
    const offset = text?.indexOf(ref) ?? -1;
    throw new InputError(label, `$ref "${ref}" does not resolve`, offset >= 0 ? lineAt(text!, offset) : undefined);
  }
}
