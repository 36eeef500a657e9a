// The curl runner sends what curl would for the options the docs' samples use, and refuses the rest
// by name: a sample it cannot run fails the sample test instead of being run some other way.
import { describe, expect, it } from 'vitest';
import { CurlSampleError, curlRequest, ShellSyntaxError, shellWords } from '../src/index.js';

const env = { HOST: 'api.example.test', TOKEN: 'tok-123', USER: 'ada@example.com', EMPTY: '' };

describe('shellWords', () => {
  it.each([
    ['single quotes keep everything', `echo '$HOST "x"'`, ['echo', '$HOST "x"']],
    ['double quotes expand variables', `echo "https://$HOST/a"`, ['echo', 'https://api.example.test/a']],
    [
      'braces and defaults',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: shell syntax, not a template
      'echo "${HOST}x" "${PORT:-443}" "${EMPTY:-d}"',
      ['echo', 'api.example.testx', '443', 'd'],
    ],
    ['an escaped quote inside single quotes', `echo 'That'\\''s it'`, ['echo', "That's it"]],
    ['continuation lines and comments', "# a comment\ncurl \\\n  -s 'x'", ['curl', '-s', 'x']],
  ])('%s', (_, script, words) => {
    expect(shellWords(script, env).words).toEqual(words);
  });

  it('reads a here-document, expanding variables unless its delimiter is quoted', () => {
    expect(shellWords('cat <<JSON\n{"u": "$USER", "p": "\\$5"}\nJSON\n', env).stdin).toBe(
      '{"u": "ada@example.com", "p": "$5"}\n',
    );
    expect(shellWords('cat <<\'JSON\'\n{"u": "$USER"}\nJSON\n', env).stdin).toBe('{"u": "$USER"}\n');
  });

  it.each([
    ['an unset variable', 'echo "$NOPE"', /reads \$NOPE, which is not set/],
    ['a pipe', 'curl x | jq .', /"\|" needs a real shell/],
    ['command substitution', 'echo "$(date)"', /unsupported "\$" expansion/],
    ['a second command', 'curl a\ncurl b', /one command per sample/],
  ])('refuses %s by name', (_, script, message) => {
    expect(() => shellWords(script, env)).toThrow(ShellSyntaxError);
    expect(() => shellWords(script, env)).toThrow(message);
  });
});

describe('curlRequest', () => {
  it('sends GET with headers to the expanded URL', async () => {
    const request = curlRequest(`curl "https://$HOST/v1/x?a=1" \\\n  -H "Authorization: Bearer $TOKEN"`, { env });
    expect([request.method, request.url, request.headers.get('authorization')]).toEqual([
      'GET',
      'https://api.example.test/v1/x?a=1',
      'Bearer tok-123',
    ]);
    expect(request.body).toBeNull();
  });

  it('joins -d and --data-urlencode with & as a form, encoding only the value as curl does', async () => {
    const request = curlRequest(
      `curl -X POST https://h.test/t -d 'a=1' --data-urlencode 'emails[]=a b@x.test' --data-urlencode "u=$USER" --data-urlencode '=x&y'`,
      { env },
    );
    expect(request.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(await request.text()).toBe('a=1&emails[]=a%20b%40x.test&u=ada%40example.com&x%26y');
  });

  it('sends a here-document as the body of --data-binary @-', async () => {
    const request = curlRequest(
      `curl -X POST https://h.test/t -H 'Content-Type: application/json' --data-binary @- <<JSON\n{"u": "$USER"}\nJSON`,
      { env },
    );
    expect([request.method, request.headers.get('content-type'), await request.text()]).toEqual([
      'POST',
      'application/json',
      '{"u": "ada@example.com"}\n',
    ]);
  });

  it('sends -F fields and files as multipart, --form-string as it is', async () => {
    const request = curlRequest(
      `curl -X PUT https://h.test/u -F 'tag[name]=x' --form-string 'note=@not-a-file' -F 'csv=@in.csv;type=text/csv'`,
      { env, files: { 'in.csv': 'a,b\n1,2\n' } },
    );
    const form = await request.formData();
    expect(form.get('tag[name]')).toBe('x');
    expect(form.get('note')).toBe('@not-a-file');
    const file = form.get('csv') as File;
    expect([file.name, file.type, await file.text()]).toEqual(['in.csv', 'text/csv', 'a,b\n1,2\n']);
  });

  it('appends the data of -G to the query string of a GET', () => {
    const request = curlRequest(`curl -G "https://$HOST/a?x=1" --data-urlencode 'r=https://b.test/c d' -d 'k=v'`, {
      env,
    });
    expect([request.method, request.url]).toEqual([
      'GET',
      'https://api.example.test/a?x=1&r=https%3A%2F%2Fb.test%2Fc%20d&k=v',
    ]);
    expect(request.body).toBeNull();
  });

  it('sends -u as HTTP Basic', () => {
    expect(curlRequest(`curl -u "id:$TOKEN" https://h.test`, { env }).headers.get('authorization')).toBe(
      `Basic ${btoa('id:tok-123')}`,
    );
  });

  it.each([
    ['an unsupported option', 'curl -k https://h.test', /"-k" is not supported/],
    ['a file the test did not give', "curl -F 'f=@x.csv' https://h.test", /reads the file "x.csv"/],
    ['another program', 'wget https://h.test', /not a curl command/],
    ['no URL', 'curl -s', /names no URL/],
    ['-F with -d', "curl -F 'a=1' -d 'b=2' https://h.test", /-F and -d together/],
  ])('refuses %s by name', (_, script, message) => {
    expect(() => curlRequest(script, { env })).toThrow(CurlSampleError);
    expect(() => curlRequest(script, { env })).toThrow(message);
  });
});
