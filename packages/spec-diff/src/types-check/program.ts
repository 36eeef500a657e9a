import type TS from 'typescript';

const ROOT = '/spec-diff-types/';

/** One diagnostic of the checked file: its line and the compiler's message, chain flattened. */
export interface CheckDiagnostic {
  line: number;
  message: string;
}

/**
 * Type-checks in-memory files (`name` → source) in one program, in process, and returns the
 * diagnostics of `checked`. The standard library is only ES5: the generated types need no more.
 */
export function compileInMemory(
  ts: typeof import('typescript'),
  files: Record<string, string>,
  checked: string,
): CheckDiagnostic[] {
  const options: TS.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ['lib.es5.d.ts'],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const virtual = new Map(Object.entries(files).map(([name, text]) => [ROOT + name, text]));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    const text = virtual.get(fileName);
    return text === undefined
      ? getSourceFile(fileName, languageVersion, ...rest)
      : ts.createSourceFile(fileName, text, languageVersion, true);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => virtual.has(fileName) || fileExists(fileName);
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => virtual.get(fileName) ?? readFile(fileName);
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (name) => `${name}/`.startsWith(ROOT) || (directoryExists?.(name) ?? false);
  host.getCurrentDirectory = () => ROOT;
  const program = ts.createProgram([ROOT + checked], options, host);
  const source = program.getSourceFile(ROOT + checked)!;
  return program.getSemanticDiagnostics(source).map((diagnostic) => ({
    line: source.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line,
    message: ts
      .flattenDiagnosticMessageText(diagnostic.messageText, '\n')
      .split('\n')
      .map((l) => l.trim())
      .join(' '),
  }));
}
