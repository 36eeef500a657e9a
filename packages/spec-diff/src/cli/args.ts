import { parseArgs } from 'node:util';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type Format = 'text' | 'markdown' | 'json';
export type FailOn = 'breaking' | 'warning' | 'never';

export interface CliArgs {
  command: 'diff' | 'rules' | 'help';
  specs: string[];
  format: Format;
  failOn: FailOn;
  output?: string;
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
  const command = values.help ? 'help' : first === 'rules' ? 'rules' : 'diff';
  const specs = command === 'diff' ? positionals : rest;
  const args: CliArgs = {
    command,
    specs,
    format: oneOf('format', values.format, ['text', 'markdown', 'json'], 'text'),
    failOn: oneOf('fail-on', values['fail-on'], ['breaking', 'warning', 'never'], 'breaking'),
  };
  if (values.output !== undefined) args.output = values.output;
  if (command === 'diff' && specs.length !== 2)
    throw new UsageError(`expected two specs, <base> and <head>; got ${specs.length}`);
  if (command !== 'diff' && specs.length > 0) throw new UsageError(`unexpected argument "${specs[0]}"`);
  return args;
}
