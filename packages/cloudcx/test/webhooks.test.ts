// Webhook bodies: every example of every event in the bundled spec parses to its typed event, in
// every input form a framework hands over; bad deliveries get a CloudcxWebhookError that says why.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  CloudcxWebhookError,
  isLegacyContact,
  parseCloudcxWebhook,
  webhookEventNames,
  type LegacyContact,
  type WebhookEvent,
  type WebhookEventOf,
} from '../src/index.js';
import { webhookEventFields } from '../src/webhook-events.js';
import { webhookSpecs } from './spec-examples.js';

const examples = webhookSpecs.flatMap((w) =>
  w.examples.map((e) => [`${w.name} (${e.name})`, w.name, e.value] as const),
);

function parseError(body: Parameters<typeof parseCloudcxWebhook>[0]): CloudcxWebhookError {
  try {
    parseCloudcxWebhook(body);
  } catch (error) {
    expect(error).toBeInstanceOf(CloudcxWebhookError);
    return error as CloudcxWebhookError;
  }
  throw new Error('expected parseCloudcxWebhook to throw');
}

describe('cloudcx webhook parsing', () => {
  it('knows exactly the nine events of the spec', () => {
    expect(webhookSpecs).toHaveLength(9);
    expect([...webhookEventNames].sort()).toEqual(webhookSpecs.map((w) => w.name).sort());
  });

  it.each(webhookSpecs.map((w) => [w.name, w] as const))(
    'checks the required fields of %s as the spec types them',
    (name, { schema }) => {
      expect(schema.properties.event?.const).toBe(name);
      const typeOf = (field: string) => {
        const type = schema.properties[field]?.type;
        return Array.isArray(type)
          ? type.includes('null')
            ? `${type.find((t) => t !== 'null')} or null`
            : type[0]
          : type;
      };
      const fromSpec = Object.fromEntries(schema.required.filter((f) => f !== 'event').map((f) => [f, typeOf(f)]));
      expect(webhookEventFields[name as keyof typeof webhookEventFields]).toEqual(fromSpec);
    },
  );

  it.each(examples)('parses the spec example %s from text, bytes, a Buffer and an object', (_, name, value) => {
    const text = JSON.stringify(value);
    for (const body of [
      text,
      `\uFEFF${text}`,
      new TextEncoder().encode(text),
      Buffer.from(text),
      new TextEncoder().encode(text).buffer,
      value,
    ]) {
      const event = parseCloudcxWebhook(body);
      expect(event.event).toBe(name);
      expect(event).toEqual(value);
    }
  });

  it('narrows the union by event', () => {
    const event = parseCloudcxWebhook(JSON.stringify(examples.find(([, name]) => name === 'TicketStatusChanged')![2]));
    expectTypeOf(event).toEqualTypeOf<WebhookEvent>();
    if (event.event === 'TicketStatusChanged') {
      expectTypeOf(event).toEqualTypeOf<WebhookEventOf<'TicketStatusChanged'>>();
      expectTypeOf(event.afterTicketStatus).toEqualTypeOf<string>();
      expect(event.afterTicketStatus).toBe('Resolved');
    } else {
      throw new Error(`narrowed to ${event.event}`);
    }
  });

  it('tells the current contact layout from the legacy one', () => {
    const contacts = webhookSpecs
      .filter((w) => w.name === 'ContactCreated' || w.name === 'ContactUpdated')
      .flatMap((w) => w.examples.map((e) => [e.name, parseCloudcxWebhook(e.value)] as const));
    expect(contacts.map(([name]) => name).sort()).toEqual(['current', 'current', 'legacy', 'legacy']);
    for (const [layout, event] of contacts) {
      if (event.event !== 'ContactCreated' && event.event !== 'ContactUpdated') throw new Error(event.event);
      for (const contact of event.contacts) {
        expect(isLegacyContact(contact)).toBe(layout === 'legacy');
        if (isLegacyContact(contact)) {
          expectTypeOf(contact).toEqualTypeOf<LegacyContact>();
          expect(typeof contact.contactName).toBe('string');
        } else {
          expect(contact.createdTime).toMatch(/^[0-9]+$/);
        }
      }
    }
  });

  it.each<[string, Parameters<typeof parseCloudcxWebhook>[0], string, RegExp]>([
    ['an empty body', '', 'malformed_json', /body is empty/],
    ['whitespace', new TextEncoder().encode(' \n'), 'malformed_json', /body is empty/],
    [
      'truncated JSON',
      '{"event":"TicketCreated","ticketId":',
      'malformed_json',
      /^The CloudCX webhook body is not valid JSON \(/,
    ],
    ['a form body', 'event=TicketCreated&ticketId=1', 'malformed_json', /not valid JSON/],
    ['a JSON array', '[{"event":"TicketCreated"}]', 'not_an_event', /is JSON array, not an event object/],
    ['JSON null', 'null', 'not_an_event', /is JSON null, not an event object/],
    ['no event', { ticketId: 'e1f2' }, 'not_an_event', /has no string "event" \(got undefined\)/],
    ['a numeric event', { event: 7 }, 'not_an_event', /has no string "event" \(got number\)/],
    [
      'TicketCreated without ticketId',
      { event: 'TicketCreated' },
      'invalid_event',
      /TicketCreated event needs "ticketId" as string; it is missing/,
    ],
    [
      'ContactDeleted with ids not a list',
      { event: 'ContactDeleted', ids: 'a,b' },
      'invalid_event',
      /"ids" as array; got string/,
    ],
    [
      'an assignee that is a number',
      { event: 'TicketAssigneeChanged', ticketId: 't', fromAgentId: null, toAgentId: 5 },
      'invalid_event',
      /"toAgentId" as string or null; got number/,
    ],
  ])('refuses %s', (_, body, code, message) => {
    const error = parseError(body);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('names an unknown event, and the known ones', () => {
    const error = parseError('{"event":"ContactMerged","ids":[]}');
    expect(error).toMatchObject({ code: 'unknown_event', event: 'ContactMerged' });
    expect(error.message).toMatch(
      /^Unknown CloudCX webhook event "ContactMerged"; known events: ContactCreated, ContactUpdated, .*TicketMoveToRecycleBin\./,
    );
  });

  it('does not take inherited names for events', () => {
    expect(parseError({ event: 'constructor' }).code).toBe('unknown_event');
    expect(parseError({ event: '__proto__' }).code).toBe('unknown_event');
  });

  it('accepts a ticket assigned from nobody (fromAgentId null)', () => {
    const event = parseCloudcxWebhook({
      event: 'TicketAssigneeChanged',
      ticketId: 't-1',
      fromAgentId: null,
      toAgentId: 'a-2',
    });
    expect(event).toMatchObject({ fromAgentId: null, toAgentId: 'a-2' });
  });
});
