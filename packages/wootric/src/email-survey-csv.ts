import { fileFrom, type FileSource } from '@oapi/runtime';
import type { WootricClient } from './client.js';
import type { components } from './generated/openapi.js';

export type EmailSurveyCsvOptions = components['schemas']['EmailSurveyCsvOptions'];

/**
 * `POST /v1/email_survey_csv` with the CSV uploaded as a file (multipart): its text, a Blob or
 * File, or a stream of its bytes (a file on disk: `fileFromPath` of `@oapi/wootric/node`). At most 5,000 rows, the first column `email`. Returns openapi-fetch's result, for
 * `unwrap`.
 */
export async function sendEmailSurveyCsv(client: WootricClient, csv: FileSource, options: EmailSurveyCsvOptions = {}) {
  const file = await fileFrom(csv, { type: 'text/csv', name: 'surveys.csv' });
  // The spec types the part as a string (format: binary); the body serializer sends the File as a file part.
  return client.POST('/v1/email_survey_csv', { body: { ...options, csv: file as unknown as string } });
}
