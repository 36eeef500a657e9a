// Turns a docs curl sample into the Request curl would send, so a test can send it to a fake and
// see what a reader's copy-and-paste would do. The options are curl's own semantics
// (https://curl.se/docs/manpage.html), for the ones the samples use; any other is refused by name.
import { shellWords } from './shell-words.js';

export interface CurlOptions {
  /** The environment the sample's $VARIABLES come from. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Files the sample names with `@file` (`-F 'csv=@survey.csv'`), by name. */
  readonly files?: Readonly<Record<string, string>>;
}

export class CurlSampleError extends Error {
  override readonly name = 'CurlSampleError';
}

/** curl_easy_escape: every byte but ALPHA, DIGIT and `-._~` as %XX. */
function curlEscape(text: string): string {
  return [...new TextEncoder().encode(text)]
    .map((byte) => {
      const c = String.fromCharCode(byte);
      return /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

const flags = new Set(['-s', '--silent', '-S', '--show-error', '-i', '--include', '--fail', '--fail-with-body']);
const getFlags = new Set(['-G', '--get']);
const withValue = new Set([
  '-X',
  '--request',
  '-H',
  '--header',
  '-d',
  '--data',
  '--data-raw',
  '--data-binary',
  '--data-urlencode',
  '-F',
  '--form',
  '--form-string',
  '-u',
  '--user',
  '--url',
]);

export function curlRequest(sample: string, options: CurlOptions): Request {
  const { words, stdin } = shellWords(sample, options.env);
  if (words[0] !== 'curl') throw new CurlSampleError(`not a curl command: "${words[0] ?? ''}"`);
  const file = (name: string): string => {
    if (name === '-') {
      if (stdin === undefined) throw new CurlSampleError('"@-" reads stdin, but the sample gives none');
      return stdin;
    }
    const contents = options.files?.[name];
    if (contents === undefined)
      throw new CurlSampleError(`the sample reads the file "${name}", which the test did not give`);
    return contents;
  };
  let method: string | undefined;
  let url: string | undefined;
  const headers = new Headers();
  const data: string[] = [];
  let form: FormData | undefined;
  let get = false;
  for (let i = 1; i < words.length; i += 1) {
    const word = words[i]!;
    if (flags.has(word)) continue;
    if (getFlags.has(word)) {
      get = true;
      continue;
    }
    if (!word.startsWith('-')) {
      if (url !== undefined) throw new CurlSampleError(`two URLs: "${url}" and "${word}"`);
      url = word;
      continue;
    }
    if (!withValue.has(word)) throw new CurlSampleError(`curl option "${word}" is not supported by this runner`);
    const value = words[++i];
    if (value === undefined) throw new CurlSampleError(`curl option "${word}" needs a value`);
    switch (word) {
      case '-X':
      case '--request':
        method = value;
        break;
      case '-H':
      case '--header': {
        const colon = value.indexOf(':');
        if (colon < 1) throw new CurlSampleError(`header "${value}" has no name`);
        headers.append(value.slice(0, colon).trim(), value.slice(colon + 1).trim());
        break;
      }
      case '-u':
      case '--user':
        headers.set('authorization', `Basic ${btoa(value)}`);
        break;
      case '--url':
        url = value;
        break;
      case '-d':
      case '--data':
        // curl strips carriage returns and newlines from data read from a file.
        data.push(value.startsWith('@') ? file(value.slice(1)).replace(/[\r\n]/g, '') : value);
        break;
      case '--data-raw':
        data.push(value);
        break;
      case '--data-binary':
        data.push(value.startsWith('@') ? file(value.slice(1)) : value);
        break;
      case '--data-urlencode': {
        const at = /^([^=@]*)@(.*)$/.exec(value);
        const eq = value.indexOf('=');
        if (at && (eq < 0 || value.indexOf('@') < eq))
          data.push(`${at[1] ? `${at[1]}=` : ''}${curlEscape(file(at[2]!))}`);
        else if (eq < 0) data.push(curlEscape(value));
        else data.push(`${eq > 0 ? `${value.slice(0, eq)}=` : ''}${curlEscape(value.slice(eq + 1))}`);
        break;
      }
      default: {
        // -F, --form, --form-string
        const eq = value.indexOf('=');
        if (eq < 1) throw new CurlSampleError(`form field "${value}" has no name`);
        const [name, content] = [value.slice(0, eq), value.slice(eq + 1)];
        form ??= new FormData();
        if (word !== '--form-string' && content.startsWith('@')) {
          const [path, ...parameters] = content.slice(1).split(';');
          const type = parameters.find((p) => p.startsWith('type='))?.slice(5) ?? 'application/octet-stream';
          form.append(name, new Blob([file(path!)], { type }), path);
        } else if (word !== '--form-string' && /^[<]|;type=/.test(content)) {
          throw new CurlSampleError(
            `form field "${name}": "<" and ";type=" on text are not supported; use --form-string`,
          );
        } else form.append(name, content);
      }
    }
  }
  if (url === undefined) throw new CurlSampleError('the curl command names no URL');
  if (get) {
    // -G: the data goes into the query string of a GET.
    if (form) throw new CurlSampleError('curl cannot send -F with -G');
    const query = data.join('&');
    return new Request(query === '' ? url : `${url}${url.includes('?') ? '&' : '?'}${query}`, {
      method: method ?? 'GET',
      headers,
      redirect: 'manual',
    });
  }
  if (form && data.length > 0) throw new CurlSampleError('curl cannot send -F and -d together');
  let body: string | FormData | undefined = form;
  if (data.length > 0) {
    body = data.join('&');
    if (!headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded');
  }
  return new Request(url, {
    method: method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
    redirect: 'manual',
  });
}
