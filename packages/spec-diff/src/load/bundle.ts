import type { Config } from '@redocly/openapi-core';
import type { OpenApiDocument } from '../types.js';
import { problemToInputError } from './problems.js';

/** Reads a file of the spec by absolute path; throws when it does not exist. */
export type ReadText = (absolutePath: string) => Promise<string>;

/**
 * Parsed `$ref`'d files by their text, kept between loads of versions of one spec that share most
 * of their files (a history), so each distinct file is parsed once.
 */
export type ParsedFiles = Map<string, unknown>;

/** Redocly configs by file, `''` for the empty one: each is loaded once per process. */
const configs = new Map<string, Promise<Config>>();

/**
 * Bundles a spec that `$ref`s other files with @redocly/openapi-core, every file read through
 * `read` (from disk, or from a git ref). The library is loaded only here and for YAML: a
 * self-contained JSON spec never pays for its import.
 */
export async function bundleSpec(
  label: string,
  absolutePath: string,
  text: string,
  document: OpenApiDocument,
  read: ReadText,
  options: { readonly parsedFiles?: ParsedFiles | undefined; readonly redoclyConfig?: string | undefined } = {},
): Promise<OpenApiDocument> {
  const core = await import('@redocly/openapi-core');
  const { parsedFiles, redoclyConfig = '' } = options;

  class SourceResolver extends core.BaseResolver {
    override parseDocument(
      source: InstanceType<typeof core.Source>,
      isRoot?: boolean,
    ): ReturnType<InstanceType<typeof core.BaseResolver>['parseDocument']> {
      if (!parsedFiles) return super.parseDocument(source, isRoot);
      // The bundler rewrites what it resolves: each load gets its own copy of a remembered parse.
      const known = parsedFiles.get(source.body);
      if (known !== undefined) return { source, parsed: structuredClone(known) };
      const document = super.parseDocument(source, isRoot);
      parsedFiles.set(source.body, structuredClone(document.parsed));
      return document;
    }

    override async loadExternalRef(absoluteRef: string): Promise<InstanceType<typeof core.Source>> {
      if (core.isAbsoluteUrl(absoluteRef)) return super.loadExternalRef(absoluteRef);
      try {
        return new core.Source(absoluteRef, (await read(absoluteRef)).replace(/\r\n/g, '\n'));
      } catch (error) {
        throw new core.ResolveError(error as Error);
      }
    }
  }

  if (!configs.has(redoclyConfig)) {
    configs.set(
      redoclyConfig,
      redoclyConfig === '' ? core.createConfig({}) : core.loadConfig({ configPath: redoclyConfig }),
    );
  }
  const result = await core.bundle({
    doc: { source: new core.Source(absolutePath, text), parsed: document },
    config: await configs.get(redoclyConfig)!,
    externalRefResolver: new SourceResolver(),
    dereference: false,
  });
  const error = result.problems.find((p) => p.severity === 'error');
  if (error) throw problemToInputError(error, label, absolutePath, core.getLineColLocation);
  return result.bundle.parsed as OpenApiDocument;
}
