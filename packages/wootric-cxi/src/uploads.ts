import { fileFrom, type FileSource } from '@oapi/runtime';
import type { WootricCxiClient } from './client.js';

/** The CXI API takes CSV files under 10 MB, read as 10,000,000 bytes (the stricter reading). */
export const maxCsvBytes = 10_000_000;

export interface CsvUploadOptions {
  /** Refuse files of this many bytes or more before sending. Default `maxCsvBytes`. */
  readonly maxBytes?: number;
}

// The spec types file parts as strings (format: binary); the body serializer sends a File as a file part.
const filePart = (file: File) => file as unknown as string;

/**
 * `POST /v1/imports`: a CSV of feedback (its text, a Blob or File, or a stream of its bytes; a file
 * on disk: `fileFromPath` of `@oapi/wootric-cxi/node`), one response per row,
 * `feedback_date` on every row. A file of 10 MB or more throws `FileTooLargeError` before anything
 * is sent. Returns openapi-fetch's result, for `unwrap`.
 */
export async function uploadImport(client: WootricCxiClient, csv: FileSource, options: CsvUploadOptions = {}) {
  const file = await fileFrom(csv, { type: 'text/csv', name: 'import.csv', maxBytes: options.maxBytes ?? maxCsvBytes });
  return client.POST('/v1/imports', { body: { file: filePart(file) } });
}

/**
 * `PUT /v1/responses/update_bulk_properties`: a CSV whose first column is the response id and
 * whose other columns are properties (`___integer`, `___double`, `___datetime:<format>` suffixes
 * set their type). Same size check as `uploadImport`.
 */
export async function uploadResponseProperties(
  client: WootricCxiClient,
  csv: FileSource,
  options: CsvUploadOptions = {},
) {
  const file = await fileFrom(csv, {
    type: 'text/csv',
    name: 'properties.csv',
    maxBytes: options.maxBytes ?? maxCsvBytes,
  });
  return client.PUT('/v1/responses/update_bulk_properties', { body: { csv: filePart(file) } });
}
