// The part of POSIX shell that a docs curl sample uses, and no more: `#` comment lines, words split
// on blanks, '…' and "…" quoting, backslash escapes and line continuations, $NAME, ${NAME} and ${NAME:-default} from
// an environment, and one here-document (`<<NAME`, `<<'NAME'`) as the command's stdin. Anything
// else (pipes, `;`, `$( )`, redirections) is refused by name, so a sample that needs a real shell
// fails loudly instead of being run differently from how a reader's shell would run it.

export interface ShellCommand {
  readonly words: readonly string[];
  /** The here-document's text, when the command has one. */
  readonly stdin?: string;
}

export class ShellSyntaxError extends Error {
  override readonly name = 'ShellSyntaxError';
}

type Env = Readonly<Record<string, string | undefined>>;

function variable(text: string, at: number, env: Env): { value: string; end: number } {
  const braced = text[at + 1] === '{';
  const match = braced
    ? /^\$\{([A-Za-z_]\w*)(?::-([\w.:-]*))?\}/.exec(text.slice(at))
    : /^\$([A-Za-z_]\w*)/.exec(text.slice(at));
  if (!match) throw new ShellSyntaxError(`unsupported "$" expansion at "${text.slice(at, at + 12)}"`);
  const [whole, name, fallback] = match;
  const value = env[name!] || fallback;
  if (value === undefined) throw new ShellSyntaxError(`the sample reads $${name}, which is not set`);
  return { value, end: at + whole.length };
}

/** Expands $NAME in a here-document body (backslash escapes `$`, `` ` `` and `\`). */
function expandHereDocument(text: string, env: Env): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (c === '\\' && '$`\\'.includes(text[i + 1] ?? '')) out += text[++i];
    else if (c === '$') {
      const { value, end } = variable(text, i, env);
      out += value;
      i = end - 1;
    } else if (c === '`') throw new ShellSyntaxError('command substitution (`…`) is not supported');
    else out += c;
  }
  return out;
}

/** Splits one shell command into its words, expanding variables from `env`. */
export function shellWords(script: string, env: Env): ShellCommand {
  const lines = script.replace(/\\\n/g, '').split('\n');
  const commandLines = lines.filter((line) => !/^\s*(#|$)/.test(line));
  const [command, ...rest] = commandLines;
  if (command === undefined) throw new ShellSyntaxError('the sample holds no command');
  const words: string[] = [];
  let word: string | undefined;
  let hereDocument: { delimiter: string; expand: boolean } | undefined;
  const push = () => {
    if (word !== undefined) words.push(word);
    word = undefined;
  };
  for (let i = 0; i < command.length; i += 1) {
    const c = command[i]!;
    if (c === ' ' || c === '\t') push();
    else if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError('unterminated single quote');
      word = (word ?? '') + command.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let text = '';
      for (i += 1; command[i] !== '"'; i += 1) {
        if (i >= command.length) throw new ShellSyntaxError('unterminated double quote');
        const d = command[i]!;
        if (d === '\\' && '"$`\\'.includes(command[i + 1] ?? '')) text += command[++i];
        else if (d === '$') {
          const { value, end } = variable(command, i, env);
          text += value;
          i = end - 1;
        } else if (d === '`') throw new ShellSyntaxError('command substitution (`…`) is not supported');
        else text += d;
      }
      word = (word ?? '') + text;
    } else if (c === '\\') word = (word ?? '') + (command[++i] ?? '');
    else if (c === '$') {
      const { value, end } = variable(command, i, env);
      word = (word ?? '') + value;
      i = end - 1;
    } else if (command.startsWith('<<', i) && word === undefined) {
      const match = /^<<(-?)\s*('?)([A-Za-z_]\w*)\2/.exec(command.slice(i));
      if (!match) throw new ShellSyntaxError(`unsupported redirection at "${command.slice(i, i + 12)}"`);
      hereDocument = { delimiter: match[3]!, expand: match[2] === '' };
      i += match[0].length - 1;
    } else if ('|&;<>(){}`'.includes(c)) throw new ShellSyntaxError(`"${c}" needs a real shell: not supported`);
    else word = (word ?? '') + c;
  }
  push();
  if (!hereDocument) {
    if (rest.length > 0) throw new ShellSyntaxError(`one command per sample; also found "${rest[0]}"`);
    return { words };
  }
  const start = lines.indexOf(command) + 1;
  const end = lines.indexOf(hereDocument.delimiter, start);
  if (end < 0) throw new ShellSyntaxError(`the here-document never ends with "${hereDocument.delimiter}"`);
  const body = `${lines.slice(start, end).join('\n')}\n`;
  if (lines.slice(end + 1).some((line) => !/^\s*(#|$)/.test(line)))
    throw new ShellSyntaxError('one command per sample, found more after the here-document');
  return { words, stdin: hereDocument.expand ? expandHereDocument(body, env) : body };
}
