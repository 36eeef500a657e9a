import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileFrom, FileTooLargeError } from '../src/index.js';
import { fileFromPath } from '../src/node.js';

const csv = 'feedback_date,feedback\n2020-07-16,Great\n';
const dir = mkdtempSync(join(tmpdir(), 'oapi-upload-'));
const path = join(dir, 'responses.csv');
writeFileSync(path, csv);

/** A web stream that hands out `text` in chunks of `size` bytes, and says whether it was cancelled. */
function webStream(text: string, size = 8) {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  const state = { cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

describe('fileFrom', () => {
  it.each([
    ['text', () => csv, 'upload.csv'],
    ['a Blob', () => new Blob([csv]), 'upload.csv'],
    ['a File', () => new File([csv], 'mine.csv', { type: 'text/csv' }), 'mine.csv'],
    ['a web ReadableStream', () => webStream(csv).stream, 'upload.csv'],
    ["a Blob's stream", () => new Blob([csv]).stream(), 'upload.csv'],
    ["Node's fs.createReadStream", () => createReadStream(path, { highWaterMark: 7 }), 'upload.csv'],
  ])('makes a File from %s', async (_name, source, name) => {
    const file = await fileFrom(source());
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

  it('stops reading a stream, and cancels it, once it reaches maxBytes', async () => {
    const { stream, state } = webStream('x'.repeat(1000), 10);
    const error = await fileFrom(stream, { maxBytes: 25, name: 'big.csv' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'FileTooLargeError', fileName: 'big.csv', size: 30, limit: 25 });
    expect(state.cancelled).toBe(true);
  });

  it.each([
    [42],
    [{ path }],
    [null],
    [
      (async function* () {
        yield 'text, not bytes';
      })(),
    ],
  ])('refuses %o', async (source) => {
    await expect(fileFrom(source as never)).rejects.toThrow(/^"file" must be/);
  });
});

describe('fileFromPath (the /node entry)', () => {
  it('makes a File named after the path', async () => {
    const file = await fileFromPath(path);
    expect([file.name, file.type, await file.text()]).toEqual(['responses.csv', 'text/csv', csv]);
  });

  it('checks the size of a file on disk without reading it', async () => {
    await expect(fileFromPath(path, { maxBytes: 10 })).rejects.toMatchObject({
      name: 'FileTooLargeError',
      fileName: 'responses.csv',
      size: csv.length,
    });
  });

  it('names the path it cannot open', async () => {
    await expect(fileFromPath(join(dir, 'missing.csv'))).rejects.toThrow(
      /^Cannot read ".*missing\.csv" to upload it: ENOENT$/,
    );
  });

  it('refuses a folder, and an empty path', async () => {
    await expect(fileFromPath(dir)).rejects.toThrow(/to upload it: not a regular file$/);
    await expect(fileFromPath('')).rejects.toThrow('"path" must be a non-empty string');
  });
});
