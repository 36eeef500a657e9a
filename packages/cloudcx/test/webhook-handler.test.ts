// The dispatcher: each event reaches its own typed callback, unknown or malformed deliveries are
// refused, and the fetch-style endpoint answers as the spec's webhook responses say (200 / 400).
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { CloudcxWebhookError, createWebhookHandler, type WebhookEventOf, type WebhookHandlers } from '../src/index.js';
import { webhookSpecs } from './spec-examples.js';

const examples = webhookSpecs.flatMap((w) =>
  w.examples.map((e) => [`${w.name} (${e.name})`, w.name, e.value] as const),
);

function spyHandlers() {
  const calls: Array<[string, unknown]> = [];
  const handlers = Object.fromEntries(
    webhookSpecs.map((w) => [`on${w.name}`, (event: unknown) => void calls.push([w.name, event])]),
  );
  return { calls, handler: createWebhookHandler(handlers as WebhookHandlers) };
}

describe('cloudcx webhook handler', () => {
  it.each(examples)('calls only the callback of %s, with the parsed event', async (_, name, value) => {
    const { calls, handler } = spyHandlers();
    const event = await handler.handle(JSON.stringify(value));
    expect(event).toEqual(value);
    expect(calls).toEqual([[name, value]]);
  });

  it('types each callback with its own event', async () => {
    const ticketIds: string[] = [];
    const handler = createWebhookHandler({
      onTicketAssigneeChanged(event) {
        expectTypeOf(event).toEqualTypeOf<WebhookEventOf<'TicketAssigneeChanged'>>();
        expectTypeOf(event.fromAgentId).toEqualTypeOf<string | null>();
        ticketIds.push(event.ticketId);
      },
      onContactDeleted: (event) => void ticketIds.push(...event.ids),
    });
    await handler.handle({ event: 'TicketAssigneeChanged', ticketId: 't-1', fromAgentId: null, toAgentId: 'a-1' });
    await handler.handle({ event: 'ContactDeleted', ids: ['c-1', 'c-2'] });
    expect(ticketIds).toEqual(['t-1', 'c-1', 'c-2']);
  });

  it('parses and ignores a known event without a callback', async () => {
    const onTicketCreated = vi.fn();
    const handler = createWebhookHandler({ onTicketCreated });
    await expect(handler.handle({ event: 'ContactDeleted', ids: ['c-1'] })).resolves.toEqual({
      event: 'ContactDeleted',
      ids: ['c-1'],
    });
    expect(onTicketCreated).not.toHaveBeenCalled();
  });

  it('waits for an async callback and passes its error on', async () => {
    let done = false;
    const handler = createWebhookHandler({
      onTicketCreated: async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        done = true;
      },
      onTicketAgentReply: () => {
        throw new Error('database down');
      },
    });
    await handler.handle({ event: 'TicketCreated', ticketId: 't-1' });
    expect(done).toBe(true);
    await expect(handler.handle({ event: 'TicketAgentReply', ticketId: 't-1', messageId: 'm-1' })).rejects.toThrow(
      'database down',
    );
  });

  it('rejects an unknown event with a CloudcxWebhookError naming it, calling nothing', async () => {
    const { calls, handler } = spyHandlers();
    const error = await handler.handle('{"event":"TicketMerged","ticketId":"t"}').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudcxWebhookError);
    expect(error).toMatchObject({ code: 'unknown_event', event: 'TicketMerged' });
    expect(calls).toEqual([]);
  });

  it.each([
    [
      { onContactMerged: () => {} },
      '"handlers.onContactMerged" is not a CloudCX webhook event callback; expected one of onContactCreated, ',
    ],
    [{ ContactCreated: () => {} }, '"handlers.ContactCreated" is not a CloudCX webhook event callback'],
    [{ onTicketCreated: 'log' }, '"handlers.onTicketCreated" must be a function'],
    [null, '"handlers" must be an object of callbacks'],
  ])('refuses the handlers %o up front', (handlers, message) => {
    expect(() => createWebhookHandler(handlers as unknown as WebhookHandlers)).toThrow(TypeError);
    expect(() => createWebhookHandler(handlers as unknown as WebhookHandlers)).toThrow(message);
  });

  describe('as a fetch-style endpoint', () => {
    const post = (body: string) =>
      new Request('https://hooks.example.com/cloudcx/3f9a', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      });

    it('answers 200 with an empty body once the callback has run', async () => {
      const onTicketStatusChanged = vi.fn();
      const handler = createWebhookHandler({ onTicketStatusChanged });
      const body = {
        event: 'TicketStatusChanged',
        ticketId: 't-1',
        beforeTicketStatus: 'PendingExternal',
        afterTicketStatus: 'Resolved',
      };
      const response = await handler.fetch(post(JSON.stringify(body)));
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('');
      expect(onTicketStatusChanged).toHaveBeenCalledWith(body);
    });

    it.each([
      ['{"event":"ContactMerged"}', /Unknown CloudCX webhook event "ContactMerged"/],
      ['{not json', /not valid JSON/],
    ])('answers 400 with the reason for %s', async (body, reason) => {
      const response = await createWebhookHandler({}).fetch(post(body));
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(reason);
    });

    it('answers 405 to anything but POST', async () => {
      const response = await createWebhookHandler({}).fetch(new Request('https://hooks.example.com/cloudcx/3f9a'));
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
    });

    it('lets a callback error through, for the framework to answer', async () => {
      const handler = createWebhookHandler({
        onTicketCreated: () => {
          throw new Error('queue full');
        },
      });
      await expect(handler.fetch(post('{"event":"TicketCreated","ticketId":"t"}'))).rejects.toThrow('queue full');
    });
  });
});
