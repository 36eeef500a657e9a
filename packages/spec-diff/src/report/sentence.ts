/**
 * A finding's message as a sentence a person reads in release notes. Messages are `subject: change`
 * (`response 200 application/json \`items[].id\`: type string → integer`) or a whole phrase
 * (`operation deprecated`); the subject becomes a noun phrase (`\`items[].id\` in the 200 response
 * (application/json)`), the change a predicate (`changed type from string to integer`).
 */
export function findingSentence(message: string): string {
  for (const [pattern, make] of PHRASES) {
    const match = pattern.exec(message);
    if (match) return sentence(make(...match.slice(1)));
  }
  const split = splitMessage(message);
  if (!split) return sentence(phrase(message));
  return sentence(`${subject(split.subject)} ${predicate(split.change)}`);
}

/**
 * A type-level break (`where: the compiler's message`) as a sentence: what no longer compiles, with
 * the compiler's first sentence (the rest of its chain, often long, stays in the report).
 */
export function typeBreakSentence(message: string): string {
  const split = message.indexOf(': ');
  const where = message.slice(0, split);
  const [first = ''] = message.slice(split + 2).split(/(?<=\.)\s+(?=[A-Z])/);
  const said = first.length > 200 ? `${first.slice(0, 199)}…` : first.replace(/\.$/, '');
  const what = /^response (\S+) headers$/.exec(where);
  const part = what ? `the headers of the ${what[1]} response` : subject(where);
  return sentence(`code written against the previous types of ${part} no longer compiles: ${said}`);
}

/** Whole messages with a shape of their own. */
const PHRASES: Array<[RegExp, (...groups: string[]) => string]> = [
  [/^(now|no longer) (.+)$/s, (adverb, rest) => `the operation ${adverb} ${rest}`],
  [/^(clients .+)$/s, (text) => text],
  [/^path parameter renamed: (.+)$/s, (renames) => `a path parameter was renamed: ${renames}`],
  [/^(operationId|security(?! scheme)) (.+) → (.+)$/s, (what, from, to) => `the ${what} changed from ${from} to ${to}`],
  [/^(.+) serialization (.+) → (.+)$/s, (what, from, to) => `the ${what} changed serialization from ${from} to ${to}`],
  [
    /^response (\S+) header `(.+)` (removed|added|became .+)$/,
    (status, header, what) =>
      `the \`${header}\` header of the ${status} response ${/^(removed|added)$/.test(what) ? `was ${what}` : what}`,
  ],
  [/^response (\S+) (removed|added)$/, (status, what) => `the ${status} response was ${what}`],
];

function splitMessage(message: string): { subject: string; change: string } | undefined {
  // The subject never holds `: ` (a URL's `://` it may); a backticked path may hold anything but a backtick.
  const match = /^((?:[^`:]|:(?! )|`[^`]*`)+?): (.+)$/s.exec(message);
  return match ? { subject: match[1]!, change: match[2]! } : undefined;
}

const SUBJECTS: Array<[RegExp, (...groups: string[]) => string]> = [
  [/^response (\S+) header `(.+)`$/, (status, header) => `the \`${header}\` header of the ${status} response`],
  [/^response (\S+) (\S+) `(.+)`$/, (status, media, path) => `${pathNoun(path!)} in the ${status} response (${media})`],
  [/^response (\S+) (\S+)$/, (status, media) => `the ${status} response body (${media})`],
  [/^response (\S+)$/, (status) => `the ${status} response`],
  [
    /^(request body|webhook payload) (\S+) `(.+)`$/,
    (body, media, path) => `${pathNoun(path!)} in the ${body} (${media})`,
  ],
  [/^(request body|webhook payload) (\S+)$/, (body, media) => `the ${body} (${media})`],
  [
    /^(\w+) parameter `([^`]+)` `(.+)`$/,
    (location, name, path) => `${pathNoun(path!)} of the ${location} parameter \`${name}\``,
  ],
];

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/**
 * A property path as a reader names it: the alternatives it passes through (`{oneOf#1}`, as the
 * diff writes them) said in words, innermost first: `{oneOf#1}.client_id` reads as `client_id`
 * of the second `oneOf` alternative.
 */
function pathNoun(path: string): string {
  const alternatives: string[] = [];
  const rest = path
    .replace(/\{(oneOf|anyOf)#(\d+)\}/g, (_, keyword: string, index: string) => {
      alternatives.unshift(`the ${ORDINALS[Number(index)] ?? `${Number(index) + 1}th`} \`${keyword}\` alternative`);
      return '';
    })
    .replace(/^\./, '');
  if (alternatives.length === 0) return `\`${path}\``;
  return rest ? `\`${rest}\` of ${alternatives.join(' of ')}` : alternatives.join(' of ');
}

function subject(text: string): string {
  for (const [pattern, make] of SUBJECTS) {
    const match = pattern.exec(text);
    if (match) return make(...match.slice(1));
  }
  return `the ${text}`;
}

const PREDICATES: Array<[RegExp, (...groups: string[]) => string]> = [
  [/^property removed$/, () => 'was removed'],
  [/^(?:optional )?property added$/, () => 'was added'],
  [/^required property added$/, () => 'was added, and is required'],
  [/^media type (.+) → (.+)$/, (from, to) => `changed media type from ${from} to ${to}`],
  [
    /^media type (.+) (added|removed)$/,
    (type, what) => `${what === 'added' ? 'gained' : 'lost'} the media type ${type}`,
  ],
  [
    /^alternative (.+) (added|removed)$/,
    (name, what) => `${what === 'added' ? 'gained' : 'lost'} the alternative ${name}`,
  ],
  [/^default (.+) added$/, (value) => `got the default ${value}`],
  [/^(`[^`]+`(?: \S+)?) (added|removed)$/, (keyword, what) => `${what === 'added' ? 'gained' : 'lost'} ${keyword}`],
  [/^a value → an array of it (.+)$/, (note) => `now takes an array of what it took ${note}`],
  [/^an array → one value (.+)$/, (note) => `now carries one value where it carried an array ${note}`],
  [
    /^additional properties: (\S+) → (\S+)$/,
    (from, to) => `changed which other properties it allows from ${from} to ${to}`,
  ],
  [/^enum (.+)$/, (what) => `changed its values: ${what}`],
  [
    /^dependentRequired (`[^`]+`) (now|no longer) requires (.+)$/,
    (property, adverb, required) => `${adverb} requires ${required} whenever ${property} is sent`,
  ],
  [/^`([^`]+)` (?:added|removed|changed) \((.+)\)$/, (keyword, why) => `changed \`${keyword}\` (${why})`],
  [
    /^`(x-[^`]+)`(?: `([^`]+)`)?: (.+) → (.+)$/,
    (name, key, from, to) => `changed \`${name}\`${key ? ` \`${key}\`` : ''} from ${from} to ${to}`,
  ],
  [
    /^((?:[\w ]+ [^,]+ → [^,]+(?:, )?)+?)( \((.+)\))?$/,
    (changes, _note, note) => `changed ${fromTo(changes!)}${note ? ` (${note})` : ''}`,
  ],
  [/^(.+) changed$/, (what) => `changed its ${what.replace('deprecated', 'deprecation')}`],
];

function predicate(change: string): string {
  for (const [pattern, make] of PREDICATES) {
    const match = pattern.exec(change);
    if (match) return make(...match.slice(1));
  }
  // A change that already reads as a predicate (`became required`, `can now be null`), or one no
  // pattern knows, set apart so that it still reads.
  return /^(became|can|no longer|now|is) /.test(change) ? change : `changed — ${change}`;
}

/** `minLength 1 → 3, maxLength (none) → 9` reads as `minLength from 1 to 3, maxLength from none to 9`. */
function fromTo(changes: string): string {
  return changes
    .split(', ')
    .map((part) => {
      const match = /^(.+?) (\S+|\(none\)|"[^"]*") → (.+)$/.exec(part);
      if (!match) return part;
      const [, what, from, to] = match;
      return `${what} from ${none(from!)} to ${none(to!)}`;
    })
    .join(', ');
}

const none = (value: string): string => (value === '(none)' ? 'none' : value);

function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** A message without a subject: `query parameter \`q\` removed`, `now requires scope admin`. */
function phrase(message: string): string {
  if (/^(now|no longer) /.test(message)) return `the operation ${message}`;
  if (/^clients /.test(message)) return message;
  const match = /^(.+?) (removed|added|deprecated)(.*)$/.exec(message);
  const what = match ? match[1]! : message;
  const article = /^required /.test(what) ? 'a' : /^optional /.test(what) ? 'an' : 'the';
  return match ? `${article} ${what} was ${match[2]}${match[3]}` : `${article} ${message}`;
}
