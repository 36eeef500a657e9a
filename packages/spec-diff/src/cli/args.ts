import { parseArgs } from 'node:util';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type Format = 'text' | 'markdown' | 'json';
export type FailOn = 'breaking' | 'warning' | 'never';

export interface CliArgs {
  command: 'diff' | 'repo' | 'rules' | 'help';
  specs: string[];
  format: Format;
  failOn: FailOn;
  output?: string;
  base?: string;
  head?: string;
  checkChangesets: boolean;
  writeChangeset: boolean;
  /** The extension table to judge `x-` extensions by (a Markdown, JSON or YAML file). */
  extensions?: string;
  /** The accepted-findings file; `.spec-diff.yaml` in the working directory when absent. */
  accepted?: string;
  /** Also check, with the TypeScript compiler, code written against the old generated types. */
  types: boolean;
}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${option} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

const parseOptions = (argv: string[]) =>
  parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      'fail-on': { type: 'string' },
      output: { type: 'string', short: 'o' },
      base: { type: 'string' },
      head: { type: 'string' },
      'check-changesets': { type: 'boolean', default: false },
      'write-changeset': { type: 'boolean', default: false },
      extensions: { type: 'string' },
      accepted: { type: 'string' },
      types: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [first, ...rest] = positionals;
  const command = values.help ? 'help' : first === 'repo' ? 'repo' : first === 'rules' ? 'rules' : 'diff';
  const specs = command === 'diff' ? positionals : rest;
  const args: CliArgs = {
    command,
    specs,
    format: oneOf('format', values.format, ['text', 'markdown', 'json'], 'text'),
    failOn: oneOf('fail-on', values['fail-on'], ['breaking', 'warning', 'never'], 'breaking'),
    checkChangesets: values['check-changesets'] ?? false,
    writeChangeset: values['write-changeset'] ?? false,
    types: values.types ?? false,
  };
  if (values.output !== undefined) args.output = values.output;
  if (values.base !== undefined) args.base = values.base;
  if (values.head !== undefined) args.head = values.head;
  if (values.extensions !== undefined) args.extensions = values.extensions;
  if (values.accepted !== undefined) args.accepted = values.accepted;
  if (command === 'diff' && specs.length !== 2)
    throw new UsageError(`expected two specs, <base> and <head>; got ${specs.length}`);
  if (command === 'repo' && !args.base) throw new UsageError('repo needs --base <git-ref>');
  if (command !== 'diff' && specs.length > 0) throw new UsageError(`unexpected argument "${specs[0]}"`);
  if (command !== 'diff' && (args.extensions || args.accepted || args.types))
    throw new UsageError('--extensions, --accepted and --types belong to `spec-diff <base> <head>`');
  if (command !== 'repo' && (args.base || args.head || args.checkChangesets || args.writeChangeset)) {
    throw new UsageError('--base, --head, --check-changesets and --write-changeset belong to `spec-diff repo`');
  }
  return args;
}
