import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, parseExtensionMarkdown, readExtensionTable } from '../src/index.ts';

const markdown = `# Extensions

Some text | with a bar.

| extension | where | change | meaning |
|---|---|---|---|
| \`x-token-request\` | scheme | \`grantTypeIn: breaking; grants.*.contentType: warning; *: info\` | How tokens are asked for. |
| \`x-token-lifetime\` | scheme | info | Seconds. |
| \`x-provenance\` | any | \`docs\` | How sure. |
`;

const file = (name: string, text: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'spec-diff-ext-')), name);
  writeFileSync(path, text);
  return path;
};

describe('extension tables', () => {
  it('reads the change column of a Markdown table: a verdict, or key: verdict pairs', () => {
    expect(parseExtensionMarkdown(markdown, 'EXTENSIONS.md')).toEqual({
      'x-token-request': { grantTypeIn: 'breaking', 'grants.*.contentType': 'warning', '*': 'info' },
      'x-token-lifetime': 'info',
      'x-provenance': 'docs',
    });
  });

  it('names the file and line of a verdict it does not know', () => {
    const bad = markdown.replace('| info |', '| minor |');
    const error = (() => {
      try {
        parseExtensionMarkdown(bad, 'EXTENSIONS.md');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      'EXTENSIONS.md:8: "minor" is not a verdict (breaking, warning, info, docs, ignore)',
    );
  });

  it('says when a Markdown file has no such table', () => {
    expect(() => parseExtensionMarkdown('# Nothing here\n', 'x.md')).toThrow(
      'x.md: no Markdown table with an `extension` and a `change` column',
    );
  });

  it('reads JSON and YAML tables as objects, by the file extension', async () => {
    const yaml = file('table.yaml', 'x-a: breaking\nx-b: {mode: info, "*": ignore}\n');
    expect(await readExtensionTable(yaml)).toEqual({ 'x-a': 'breaking', 'x-b': { mode: 'info', '*': 'ignore' } });
    await expect(readExtensionTable(file('t.json', '{"a": "info"}'))).rejects.toThrow('"a" is not an `x-` extension');
    await expect(readExtensionTable(file('t.md', markdown))).resolves.toHaveProperty('x-provenance', 'docs');
    await expect(readExtensionTable('/nonexistent/table.md')).rejects.toThrow(
      '/nonexistent/table.md: cannot read the extension table: ENOENT',
    );
  });
});
