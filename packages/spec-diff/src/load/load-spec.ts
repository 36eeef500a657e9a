import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import { InputError } from '../errors.js';
import { isObject } from '../is-object.js';
import type { LoadedSpec, OpenApiDocument } from '../types.js';
import { bundleSpec, type ParsedFiles, type ReadText } from './bundle.js';
import { parseDocumentText } from './parse.js';
import { checkLocalRefs, collectRefs } from './refs.js';

export type { ReadText } from './bundle.js';

export interface LoadOptions {
  /** Parsed `$ref`'d files shared by the loads of one history (see `ParsedFiles`). */
  readonly parsedFiles?: ParsedFiles;
  /** A Redocly config file (`redocly.yaml`) to bundle with, as the repository's own bundle step does; none by default. */
  readonly redoclyConfig?: string;
}

/**
 * Loads an OpenAPI 3.0/3.1 document and bundles it with @redocly/openapi-core, so that every `$ref`
 * points inside it. A document without external `$ref`s is already bundled and is used as parsed.
 */
export async function loadSpec(
  label: string,
  absolutePath: string,
  read: ReadText,
  options: LoadOptions = {},
): Promise<LoadedSpec> {
  let text: string;
  try {
    text = await read(absolutePath);
  } catch (error) {
    throw new InputError(label, (error as Error).message || 'cannot be read');
  }
  const parsed = await parseDocumentText(text, label);
  const document = checkOpenApi(parsed, label);
  const refs = collectRefs(document);
  if (!refs.external) {
    checkLocalRefs(document, refs.local, label, text);
    return { label, document };
  }
  const bundled = await bundleSpec(label, absolutePath, text, document, read, options);
  checkLocalRefs(bundled, collectRefs(bundled).local, label);
  return { label, document: bundled };
}

/** Loads a spec file; messages name it as given. */
export function loadSpecFile(path: string, cwd = process.cwd(), options: LoadOptions = {}): Promise<LoadedSpec> {
  const absolutePath = isAbsolute(path) ? path : resolvePath(cwd, path);
  return loadSpec(
    path,
    absolutePath,
    async (file) => {
      try {
        return await readFile(file, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new Error(
          code === 'ENOENT'
            ? 'no such file'
            : code === 'EISDIR'
              ? 'is a directory, not a file'
              : (error as Error).message,
        );
      }
    },
    options,
  );
}

/** An OpenAPI document with nothing in it: the side of a diff where an API does not exist yet. */
export function emptySpec(label: string): LoadedSpec {
  return { label, document: { openapi: '3.1.0', info: { title: '', version: '' }, paths: {} }, missing: true };
}

function checkOpenApi(parsed: unknown, label: string): OpenApiDocument {
  if (!isObject(parsed)) throw new InputError(label, 'not an OpenAPI document: expected an object at the top level');
  if (parsed.swagger !== undefined)
    throw new InputError(label, `Swagger ${String(parsed.swagger)} is not supported: convert it to OpenAPI 3.0 or 3.1`);
  if (typeof parsed.openapi !== 'string')
    throw new InputError(label, 'not an OpenAPI document: the `openapi` field is missing');
  if (!/^3\.[01](\.|$)/.test(parsed.openapi))
    throw new InputError(label, `OpenAPI ${parsed.openapi} is not supported: expected 3.0 or 3.1`);
  for (const key of ['paths', 'webhooks', 'components'] as const) {
    if (parsed[key] !== undefined && !isObject(parsed[key]))
      throw new InputError(label, `\`${key}\` must be an object`);
  }
  return parsed as OpenApiDocument;
}
