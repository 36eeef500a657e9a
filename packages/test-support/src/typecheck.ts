import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export interface Snippet {
  /** Where it comes from, for messages: `README.md#2`. */
  readonly name: string;
  readonly code: string;
}

/**
 * Type-checks code samples (README snippets, docs code samples) as modules in `dir`, against the
 * real packages `dir` resolves. Returns one line per compiler error, empty when they all compile.
 */
export function typecheckSnippets(snippets: readonly Snippet[], dir: string): string[] {
  const folder = join(dir, `.snippets-${process.pid}-${Date.now()}`);
  mkdirSync(folder, { recursive: true });
  try {
    const files = snippets.map((snippet, i) => {
      const file = join(folder, `snippet-${i}.ts`);
      writeFileSync(file, `${snippet.code}\nexport {};\n`);
      return file;
    });
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
      types: ['node'],
      skipLibCheck: true,
      noUnusedLocals: false,
    });
    return ts.getPreEmitDiagnostics(program).map((d) => {
      const index = d.file ? files.indexOf(d.file.fileName) : -1;
      const where = index >= 0 ? snippets[index]!.name : (d.file?.fileName ?? 'program');
      const line = d.file && d.start !== undefined ? `:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : '';
      return `${where}${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The ```ts blocks of a Markdown text. */
export function typescriptBlocks(markdown: string, source: string): Snippet[] {
  return [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m, i) => ({ name: `${source}#${i + 1}`, code: m[1]! }));
}
