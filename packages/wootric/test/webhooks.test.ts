// verifyWootricWebhook with the spec's own webhook examples, signed as Wootric signs them, in both
// the JSON and the URL-encoded form the spec allows.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { railsFormEncode } from '@oapi/runtime';
import { secretsIn } from '@oapi/test-support';
import { describe, expect, it } from 'vitest';
import { verifyWootricWebhook, WebhookPayloadError, WebhookSignatureError } from '../src/index.js';

type Example = { value?: Record<string, unknown>; $ref?: string };
interface Spec {
  webhooks: Record<
    string,
    { post: { requestBody: { content: Record<string, { examples: Record<string, Example> }> } } }
  >;
  components: { examples: Record<string, Example> };
}
const spec = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../dist/wootric.openapi.json', import.meta.url)), 'utf8'),
) as Spec;
const exampleValue = (example: Example) =>
  (example.$ref ? spec.components.examples[example.$ref.split('/').pop()!]! : example).value!;
const examples = Object.entries(spec.webhooks).flatMap(([type, webhook]) =>
  Object.values(webhook.post.requestBody.content['application/json']!.examples).map(
    (example) => [type, exampleValue(example)] as const,
  ),
);

const secret = 'wootric-webhook-secret-5f3a';
const sign = (body: string) => `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`;

describe('verifyWootricWebhook', () => {
  it('has an example for every webhook of the spec', () => {
    expect(examples.map(([type]) => type).sort()).toEqual(['declineCreated', 'responseCreated', 'responseUpdated']);
  });

  it.each(examples)('returns the typed %s payload of a signed JSON body', async (type, payload) => {
    const body = JSON.stringify(payload);
    const event = await verifyWootricWebhook(Buffer.from(body), sign(body), secret, {
      contentType: 'application/json',
    });
    expect(event).toEqual({ type, payload });
  });

  it.each(examples)(
    "reads the URL-encoded %s body (the docs' sample form) with the JSON types",
    async (type, payload) => {
      const body = railsFormEncode(payload);
      const event = await verifyWootricWebhook(body, sign(body), secret, {
        contentType: 'application/x-www-form-urlencoded',
      });
      expect(event.type).toBe(type);
      // Every field comes back with its JSON type, except what a form cannot tell apart from a string.
      const key = type === 'declineCreated' ? 'decline' : 'response';
      expect((event.payload as unknown as Record<string, unknown>)[key]).toEqual(payload[key]);
    },
  );

  it('tells JSON from a form by the body when no content type is given', async () => {
    const [, payload] = examples[0]!;
    const json = JSON.stringify(payload);
    expect((await verifyWootricWebhook(json, sign(json), secret)).payload).toEqual(payload);
  });

  it.each([
    ['a tampered body', (body: string) => [`${body} `, sign(body)], 'signature_mismatch'],
    [
      'another secret',
      (body: string) => [body, `sha1=${createHmac('sha1', 'other').update(body).digest('hex')}`],
      'signature_mismatch',
    ],
    ['no header', (body: string) => [body, undefined], 'missing_signature'],
    [
      'a sha256 header',
      (body: string) => [body, `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`],
      'malformed_signature',
    ],
  ] as const)('refuses %s before reading the payload', async (_name, make, code) => {
    const [, payload] = examples[0]!;
    const [body, signature] = make(JSON.stringify(payload));
    const error = await verifyWootricWebhook(body!, signature, secret).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookSignatureError);
    expect((error as WebhookSignatureError).code).toBe(code);
    expect(secretsIn(error, [secret])).toEqual([]);
  });

  it.each([
    ['a JSON array', '[1,2]', /not a JSON object/],
    [
      'an unknown event',
      '{"response":{"id":1},"event_name":"deleted"}',
      /neither a response nor a decline event \(event_name: "deleted"\)/,
    ],
    [
      'a non-numeric score',
      'response[id]=1&response[score]=high&event_name=created',
      /response\[score\] is "high", not an integer/,
    ],
  ])('rejects with WebhookPayloadError for a signed body with %s', async (_name, body, message) => {
    const error = await verifyWootricWebhook(body, sign(body), secret).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookPayloadError);
    expect((error as Error).message).toMatch(message);
    expect(secretsIn(error, [secret])).toEqual([]);
  });
});
