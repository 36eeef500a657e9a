import { InputError } from '../errors.js';
import type { LoadedSpec } from '../types.js';

type TypeScript = typeof import('typescript');

/** The compiler and the type generator, loaded only when a type check asks for them (optional peers). */
export interface TypeTools {
  ts: TypeScript;
  generate: (spec: LoadedSpec) => Promise<string>;
}

let tools: Promise<TypeTools> | undefined;

export function loadTypeTools(): Promise<TypeTools> {
  tools ??= load();
  return tools;
}

async function load(): Promise<TypeTools> {
  let ts: TypeScript;
  let generator: typeof import('openapi-typescript');
  try {
    [ts, generator] = await Promise.all([
      import('typescript').then((m) => (m as { default?: TypeScript }).default ?? m),
      import('openapi-typescript'),
    ]);
  } catch (error) {
    tools = undefined;
    throw new InputError(
      '--types',
      `the type check needs the packages typescript and openapi-typescript (pnpm add -D typescript openapi-typescript): ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const openapiTS = generator.default;
  const generate = async (spec: LoadedSpec): Promise<string> => {
    try {
      // openapi-typescript bundles the document it is given: hand it a copy.
      const document = structuredClone(spec.document) as unknown as Parameters<typeof openapiTS>[0];
      return generator.astToString(await openapiTS(document, { silent: true }));
    } catch (error) {
      throw new InputError(
        spec.label,
        `openapi-typescript cannot generate types: ${(error as Error).message.split('\n')[0]}`,
      );
    }
  };
  return { ts, generate };
}
