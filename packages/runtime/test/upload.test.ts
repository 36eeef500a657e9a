import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileFrom, FileTooLargeError } from '../src/index.js';

const csv = 'feedback_date,feedback\n2020-07-16,Great\n';
const dir = mkdtempSync(join(tmpdir(), 'oapi-upload-'));
const path = join(dir, 'responses.csv');
writeFileSync(path, csv);

describe('fileFrom', () => {
  it.each([
    ['text', csv, 'upload.csv'],
    ['a Blob', new Blob([csv]), 'upload.csv'],
    ['a File', new File([csv], 'mine.csv', { type: 'text/csv' }), 'mine.csv'],
    ['a path', { path }, 'responses.csv'],
  ])('makes a File from %s', async (_name, source, name) => {
    const file = await fileFrom(source);
    expect([file.name, file.type, await file.text()]).toEqual([name, 'text/csv', csv]);
  });

  it('counts bytes, not characters, against maxBytes, and refuses the limit itself', async () => {
    const text = 'é'.repeat(5); // 10 bytes in UTF-8
    await expect(fileFrom(text, { maxBytes: 11 })).resolves.toBeInstanceOf(File);
    const error = await fileFrom(text, { maxBytes: 10, name: 'accents.csv' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect(error).toMatchObject({ fileName: 'accents.csv', size: 10, limit: 10 });
    expect((error as Error).message).toBe(
      'accents.csv is 10 bytes; the API takes files under 10 bytes. Split it and upload the parts.',
    );
  });

  it('checks the size of a file on disk without reading it', async () => {
    await expect(fileFrom({ path }, { maxBytes: 10 })).rejects.toMatchObject({
      name: 'FileTooLargeError',
      fileName: 'responses.csv',
      size: csv.length,
    });
  });

  it.each([[42], [{ path: '' }], [null]])('refuses %o', async (source) => {
    await expect(fileFrom(source as never)).rejects.toThrow(/"file" must be the file's text, a Blob, or \{ path \}/);
  });

  it('names the path it cannot open', async () => {
    await expect(fileFrom({ path: join(dir, 'missing.csv') })).rejects.toThrow(
      /^Cannot read ".*missing\.csv" to upload it: ENOENT$/,
    );
  });

  it('refuses a folder', async () => {
    await expect(fileFrom({ path: dir })).rejects.toThrow(/to upload it: not a regular file$/);
  });
});
