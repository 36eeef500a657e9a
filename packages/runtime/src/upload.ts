import { openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';

/** A file to upload: its text, a Blob (or File), or `{ path }` on disk. */
export type FileSource = string | Blob | { readonly path: string };

/** The file is at or above the API's size limit; nothing was sent. */
export class FileTooLargeError extends Error {
  override readonly name = 'FileTooLargeError';
  constructor(
    readonly fileName: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(`${fileName} is ${size} bytes; the API takes files under ${limit} bytes. Split it and upload the parts.`);
  }
}

export interface FileOptions {
  /** Reject files of this many bytes or more, before anything is sent. */
  readonly maxBytes?: number;
  /** The part's media type. Default `text/csv`. */
  readonly type?: string;
  /** The part's file name when the source has none. Default `upload.csv`. */
  readonly name?: string;
}

/** `fs.openAsBlob`, with an error that names the path and the reason. */
async function openFile(path: string, type: string): Promise<Blob> {
  try {
    const stats = await stat(path);
    if (!stats.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
    return await openAsBlob(path, { type });
  } catch (error) {
    const reason = (error as { code?: string }).code ?? (error as Error).message;
    throw new Error(`Cannot read "${path}" to upload it: ${reason}`, { cause: error });
  }
}

/**
 * The source as a File ready for a multipart body, its size checked first. A path is opened
 * with `fs.openAsBlob`, which reads nothing until the upload streams it.
 */
export async function fileFrom(source: FileSource, options: FileOptions = {}): Promise<File> {
  const type = options.type ?? 'text/csv';
  let file: File;
  if (typeof source === 'string') {
    file = new File([source], options.name ?? 'upload.csv', { type });
  } else if (source instanceof File) {
    file = source;
  } else if (source instanceof Blob) {
    file = new File([source], options.name ?? 'upload.csv', { type: source.type || type });
  } else if (typeof source === 'object' && source !== null && typeof source.path === 'string' && source.path !== '') {
    file = new File([await openFile(source.path, type)], basename(source.path), { type });
  } else {
    throw new TypeError('"file" must be the file\'s text, a Blob, or { path } to a file on disk');
  }
  if (options.maxBytes !== undefined && file.size >= options.maxBytes)
    throw new FileTooLargeError(file.name, file.size, options.maxBytes);
  return file;
}
