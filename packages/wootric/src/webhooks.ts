import { parseRailsForm, verifyHmacSignature, type RailsParams } from '@oapi/runtime';
import type { components } from './generated/openapi.js';

export type ResponseWebhookPayload = components['schemas']['ResponseWebhookPayload'];
export type DeclineWebhookPayload = components['schemas']['DeclineWebhookPayload'];

/** A verified webhook, named after the spec's `webhooks` entries. */
export type WootricWebhookEvent =
  | { readonly type: 'responseCreated' | 'responseUpdated'; readonly payload: ResponseWebhookPayload }
  | { readonly type: 'declineCreated'; readonly payload: DeclineWebhookPayload };

/** A signed webhook whose payload is not one of Wootric's events. */
export class WebhookPayloadError extends Error {
  override readonly name = 'WebhookPayloadError';
}

const integerFields = ['id', 'score', 'end_user_id', 'survey_id'];

/** A URL-encoded payload carries strings only; give the fields the JSON payload's types. */
function typed(params: RailsParams, key: 'response' | 'decline'): RailsParams {
  const record = params[key];
  if (typeof record !== 'object' || Array.isArray(record)) return params;
  const converted: Record<string, unknown> = { ...record };
  for (const field of integerFields) {
    const value = record[field];
    if (typeof value !== 'string') continue;
    if (!/^-?\d+$/.test(value))
      throw new WebhookPayloadError(`The webhook's ${key}[${field}] is "${value}", not an integer`);
    converted[field] = Number(value);
  }
  const excluded = record.excluded_from_calculations;
  if (excluded === 'true' || excluded === 'false') converted.excluded_from_calculations = excluded === 'true';
  return { ...params, [key]: converted } as RailsParams;
}

function parsePayload(text: string, contentType: string | undefined): Record<string, unknown> {
  const json = contentType ? /\bjson\b/i.test(contentType) : /^\s*[[{]/.test(text);
  if (!json) {
    const params = parseRailsForm(text);
    return typed(typed(params, 'response'), 'decline');
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new WebhookPayloadError('The webhook body is not a JSON object');
}

/**
 * Checks `X-Wootric-Signature` (`sha1=<hex HMAC-SHA1 of the raw body>`, keyed with the account's
 * webhook secret) in constant time with Web Crypto, then reads the payload, JSON or URL-encoded,
 * into the spec's type. `rawBody` must be the bytes received, before any body parser. Rejects with
 * `WebhookSignatureError` (`code`: missing_signature, malformed_signature, signature_mismatch,
 * missing_secret) before reading anything, or `WebhookPayloadError` for a signed body that is no
 * Wootric event.
 */
export async function verifyWootricWebhook(
  rawBody: string | Uint8Array,
  signatureHeader: string | null | undefined,
  secret: string,
  options: { readonly contentType?: string } = {},
): Promise<WootricWebhookEvent> {
  await verifyHmacSignature(rawBody, signatureHeader, secret, {
    algorithm: 'sha1',
    prefix: 'sha1=',
    headerName: 'X-Wootric-Signature',
  });
  const text = typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(rawBody);
  const payload = parsePayload(text, options.contentType);
  const event = payload.event_name;
  if (
    typeof payload.response === 'object' &&
    payload.response !== null &&
    (event === 'created' || event === 'updated')
  ) {
    return {
      type: event === 'created' ? 'responseCreated' : 'responseUpdated',
      payload: payload as ResponseWebhookPayload,
    };
  }
  if (typeof payload.decline === 'object' && payload.decline !== null && event === 'created') {
    return { type: 'declineCreated', payload: payload as DeclineWebhookPayload };
  }
  throw new WebhookPayloadError(
    `The webhook payload is neither a response nor a decline event (event_name: ${JSON.stringify(event)})`,
  );
}
