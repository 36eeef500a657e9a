import { openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileFrom, type FileOptions } from './upload.js';

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
 * A file on disk as a File for an upload, named after the path and its size checked first. It is
 * opened with `fs.openAsBlob`: nothing is read until the upload streams it.
 */
export async function fileFromPath(path: string, options: Omit<FileOptions, 'name'> = {}): Promise<File> {
  if (typeof path !== 'string' || path === '') throw new TypeError('"path" must be a non-empty string');
  const type = options.type ?? 'text/csv';
  return fileFrom(new File([await openFile(path, type)], basename(path), { type }), options);
}
