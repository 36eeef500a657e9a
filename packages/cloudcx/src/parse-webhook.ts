import { redactedExcerpt } from '@oapi/auth';
import {
  hasFieldType,
  isWebhookEventName,
  webhookEventFields,
  webhookEventNames,
  type WebhookEvent,
} from './webhook-events.js';

/** A webhook body as a server framework hands it over: raw text, raw bytes, or parsed JSON. */
export type WebhookBody = string | Uint8Array | ArrayBuffer | object;

export type CloudcxWebhookErrorCode =
  /** The body is not JSON (or is empty). */
  | 'malformed_json'
  /** The JSON is not an object with a string `event`. */
  | 'not_an_event'
  /** `event` names no event this package knows. */
  | 'unknown_event'
  /** A known event lacks a required field, or has one of the wrong type. */
  | 'invalid_event';

/** A delivery that is not a CloudCX webhook event. Answer it with 400. */
export class CloudcxWebhookError extends Error {
  override readonly name = 'CloudcxWebhookError';
  constructor(
    readonly code: CloudcxWebhookErrorCode,
    message: string,
    /** The `event` of the body, when it had one. */
    readonly event?: string,
  ) {
    super(message);
  }
}

const quoted = (value: unknown) => redactedExcerpt(JSON.stringify(value) ?? String(value), [], 80);
const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

function decode(body: WebhookBody): unknown {
  if (typeof body !== 'string' && !(body instanceof Uint8Array) && !(body instanceof ArrayBuffer)) return body;
  // TextDecoder drops a byte-order mark; JSON.parse would choke on it.
  const text = typeof body === 'string' ? body.replace(/^\uFEFF/, '') : new TextDecoder().decode(body);
  if (text.trim() === '')
    throw new CloudcxWebhookError('malformed_json', 'The CloudCX webhook body is empty; expected a JSON event.');
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = redactedExcerpt(error instanceof Error ? error.message : String(error), [], 120);
    throw new CloudcxWebhookError('malformed_json', `The CloudCX webhook body is not valid JSON (${reason}).`);
  }
}

/**
 * The typed event of a CloudCX webhook delivery; narrow it by `event`. Throws a
 * CloudcxWebhookError for a body that is not JSON, an unknown `event`, or a missing field.
 * CloudCX signs nothing (the spec says so): keep the URL secret and on https.
 */
export function parseCloudcxWebhook(body: WebhookBody): WebhookEvent {
  const json = decode(body);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new CloudcxWebhookError(
      'not_an_event',
      `The CloudCX webhook body is JSON ${kind(json)}, not an event object.`,
    );
  }
  const { event } = json as { event?: unknown };
  if (typeof event !== 'string') {
    throw new CloudcxWebhookError(
      'not_an_event',
      `The CloudCX webhook body has no string "event" (got ${kind(event)}).`,
    );
  }
  if (!isWebhookEventName(event)) {
    throw new CloudcxWebhookError(
      'unknown_event',
      `Unknown CloudCX webhook event ${quoted(event)}; known events: ${webhookEventNames.join(', ')}. ` +
        'If CloudCX added an event, update @oapi/cloudcx (or its spec).',
      event,
    );
  }
  for (const [field, type] of Object.entries(webhookEventFields[event])) {
    const value = (json as Record<string, unknown>)[field];
    if (!hasFieldType(value, type)) {
      const got = value === undefined ? 'it is missing' : `got ${kind(value)}`;
      throw new CloudcxWebhookError(
        'invalid_event',
        `The CloudCX ${event} event needs "${field}" as ${type}; ${got}.`,
        event,
      );
    }
  }
  return json as WebhookEvent;
}
