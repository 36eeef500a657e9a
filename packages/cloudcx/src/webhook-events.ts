import type { components, webhooks } from './generated/openapi.js';

/** The nine events CloudCX POSTs to a webhook URL. */
export type WebhookEventName = keyof webhooks;

/** The JSON body of one event, as the spec describes it. */
export type WebhookEventOf<Name extends WebhookEventName> =
  webhooks[Name]['post']['requestBody']['content']['application/json'];

/** Any webhook body; narrow it with `switch (event.event)`. */
export type WebhookEvent = { [Name in WebhookEventName]: WebhookEventOf<Name> }[WebhookEventName];

/** A contact of `ContactCreated`/`ContactUpdated`, in either documented layout. */
export type WebhookContact = components['schemas']['WebhookContact'];
export type Contact = components['schemas']['Contact'];
export type LegacyContact = components['schemas']['LegacyContact'];

type FieldType = 'string' | 'string or null' | 'array';

/**
 * The required fields of each event besides `event`, with their JSON types: what the parser
 * checks before handing an event over. A test compares this table with the bundled spec.
 */
export const webhookEventFields = {
  ContactCreated: { contacts: 'array' },
  ContactUpdated: { contacts: 'array' },
  ContactDeleted: { ids: 'array' },
  TicketCreated: { ticketId: 'string' },
  TicketFromUserReply: { ticketId: 'string', messageId: 'string' },
  TicketAgentReply: { ticketId: 'string', messageId: 'string' },
  TicketAssigneeChanged: { ticketId: 'string', fromAgentId: 'string or null', toAgentId: 'string or null' },
  TicketStatusChanged: { ticketId: 'string', beforeTicketStatus: 'string', afterTicketStatus: 'string' },
  TicketMoveToRecycleBin: { ticketId: 'string' },
} as const satisfies Record<WebhookEventName, Readonly<Record<string, FieldType>>>;

// Pure: a bundle that handles no webhook drops the table.
export const webhookEventNames = /* @__PURE__ */ Object.keys(webhookEventFields) as readonly WebhookEventName[];

export function isWebhookEventName(name: unknown): name is WebhookEventName {
  return typeof name === 'string' && Object.hasOwn(webhookEventFields, name);
}

export function hasFieldType(value: unknown, type: FieldType): boolean {
  if (type === 'array') return Array.isArray(value);
  return typeof value === 'string' || (type === 'string or null' && value === null);
}

/**
 * Tells the two documented contact layouts apart: the legacy one has `contactName` (and `mail`,
 * `cellPhone`), the current one `createdTime` (and `email`, `phoneNumber`).
 */
export function isLegacyContact(contact: WebhookContact): contact is LegacyContact {
  return 'contactName' in contact;
}
