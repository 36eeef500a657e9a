import { redactedExcerpt } from '@oapi/auth';
import { ApiError, operationOf, statusLine } from '@oapi/runtime';
import type { components } from './generated/openapi.js';

/** The `{code, message, data}` wrapper of every `/openapi/v2` reply. */
export type Envelope = components['schemas']['Envelope'];
export type ErrorEnvelope = components['schemas']['ErrorEnvelope'];

/** The `code` of a successful envelope. Any other code is an error, whatever the HTTP status. */
export const successCode = '0000';

export function isEnvelope(body: unknown): body is Envelope {
  return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string';
}

/** An error envelope: CloudCX's code and message, and the HTTP status it came under. */
function envelopeMessage(operation: string, response: Response, body: Envelope): string {
  const reason =
    typeof body.message === 'string' && body.message !== '' ? `: ${redactedExcerpt(body.message)}` : ' (no message)';
  const status = `HTTP ${statusLine(response)}`;
  const under = response.ok ? `, although the reply is ${status}` : ` (${status})`;
  return `${operation} failed with CloudCX code "${redactedExcerpt(body.code, [], 40)}"${under}${reason}`;
}

/** What ApiError's message (status and body excerpt) gets added for a reply that is no envelope. */
function hintFor(response: Response): string {
  if (response.ok) return '; not a CloudCX {code, message, data} envelope';
  return response.status === 401 ? ' Check the API key, or the OAuth client and user credentials.' : '';
}

/**
 * A CloudCX call that failed: an envelope whose `code` is not `"0000"` (even under HTTP 200, which
 * CloudCX uses for errors too), or a reply outside 2xx. `code` and `cloudcxMessage` are the
 * envelope's, `undefined` when the reply carried none (e.g. an empty 401).
 */
export class CloudcxApiError<Body = unknown> extends ApiError<Body> {
  override readonly name = 'CloudcxApiError';
  /** The envelope's `code` (`"1001"`, …); `undefined` when the reply was not an envelope. */
  readonly code: string | undefined;
  /** The envelope's `message`: CloudCX's own reason, as it sent it. */
  readonly cloudcxMessage: string | null | undefined;

  constructor(response: Response, body: Body, operation: string = operationOf(response)) {
    const envelope = isEnvelope(body) ? body : undefined;
    super(operation, response, body, envelope ? '' : hintFor(response));
    this.code = envelope?.code;
    this.cloudcxMessage = envelope?.message;
    if (envelope) this.message = envelopeMessage(operation, response, envelope);
  }
}
