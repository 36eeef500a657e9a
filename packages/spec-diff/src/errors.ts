/**
 * Input the diff cannot use: a missing or unparsable file, a document that is not OpenAPI 3.0/3.1,
 * a `$ref` that resolves nowhere. The CLI prints the message and exits 2.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly file: string;
  readonly line: number | undefined;
  readonly problem: string;

  constructor(file: string, problem: string, line?: number) {
    super(line === undefined ? `${file}: ${problem}` : `${file}:${line}: ${problem}`);
    this.file = file;
    this.problem = problem;
    this.line = line;
  }
}
