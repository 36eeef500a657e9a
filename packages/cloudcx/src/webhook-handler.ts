import { CloudcxWebhookError, parseCloudcxWebhook, type WebhookBody } from './parse-webhook.js';
import {
  isWebhookEventName,
  webhookEventNames,
  type WebhookEvent,
  type WebhookEventName,
  type WebhookEventOf,
} from './webhook-events.js';

/** One optional callback per event, each typed with its event: `onContactCreated(event)`. */
export type WebhookHandlers = {
  readonly [Name in WebhookEventName as `on${Name}`]?: (event: WebhookEventOf<Name>) => unknown;
};

export interface WebhookHandler {
  /**
   * Parses a delivery and awaits the callback of its event (events without one are parsed and
   * ignored). Resolves with the event; rejects with a CloudcxWebhookError for a bad body, or with
   * whatever the callback threw.
   */
  handle(body: WebhookBody): Promise<WebhookEvent>;
  /**
   * The same as a fetch-style endpoint (`Request` → `Response`): 200 with an empty body once the
   * callback is done, 400 with the reason for a body that is not a CloudCX event, 405 for
   * anything but POST. A callback's error is not caught: the framework answers it (usually 500).
   */
  fetch(request: Request): Promise<Response>;
}

function assertHandlers(handlers: unknown): asserts handlers is WebhookHandlers {
  if (typeof handlers !== 'object' || handlers === null)
    throw new TypeError('"handlers" must be an object of callbacks, e.g. { onContactCreated(event) {} }');
  for (const [key, value] of Object.entries(handlers)) {
    if (!key.startsWith('on') || !isWebhookEventName(key.slice(2))) {
      const known = webhookEventNames.map((name) => `on${name}`).join(', ');
      throw new TypeError(`"handlers.${key}" is not a CloudCX webhook event callback; expected one of ${known}`);
    }
    if (typeof value !== 'function') throw new TypeError(`"handlers.${key}" must be a function`);
  }
}

/**
 * Receives CloudCX webhook deliveries and calls the callback of each event, typed per event:
 *
 * ```ts
 * const webhook = createWebhookHandler({ onTicketCreated: (event) => queue.push(event.ticketId) });
 * await webhook.handle(rawBody);
 * ```
 */
export function createWebhookHandler(handlers: WebhookHandlers): WebhookHandler {
  assertHandlers(handlers);
  const callbacks = handlers as Readonly<Record<string, ((event: WebhookEvent) => unknown) | undefined>>;

  async function handle(body: WebhookBody): Promise<WebhookEvent> {
    const event = parseCloudcxWebhook(body);
    await callbacks[`on${event.event}`]?.(event);
    return event;
  }

  async function fetch(request: Request): Promise<Response> {
    if (request.method !== 'POST') return new Response(null, { status: 405, headers: { allow: 'POST' } });
    try {
      await handle(new Uint8Array(await request.arrayBuffer()));
    } catch (error) {
      if (!(error instanceof CloudcxWebhookError)) throw error;
      return new Response(error.message, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
    return new Response(null, { status: 200 });
  }

  return { handle, fetch };
}
