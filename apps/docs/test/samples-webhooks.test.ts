// Every webhook's curl sample plays the provider's delivery to the reader's receiver: run as curl
// would send it, its body must be the spec's example payload as the receiver reads it (Rails form
// fields or JSON), and a receiver built on the client's own verifier must accept it as that event.
import { createHmac } from 'node:crypto';
import { findRepoRoot } from '@oapi/api-list';
import { parseCloudcxWebhook } from '@oapi/cloudcx';
import { curlRequest, type SampleRouter, startSampleRouter } from '@oapi/test-support';
import { verifyWootricWebhook } from '@oapi/wootric';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationSamples } from '../src/code-samples.js';
import { loadProviders } from '../src/providers.js';
import { referenceOperations } from '../src/reference-operations.js';
import { expectSent, findRequest, successStatuses } from './sample-checks.js';

const hooks = 'https://hooks.example.test';
const secret = 'whsec-test-0123456789';

/** A reader's receiver, per provider: the event it read, or why it refused the delivery. */
const receivers: Readonly<Record<string, (request: Request, body: string) => Promise<string>>> = {
  wootric: async (request, body) =>
    (
      await verifyWootricWebhook(body, request.headers.get('x-wootric-signature'), secret, {
        contentType: request.headers.get('content-type') ?? undefined,
      })
    ).type,
  cloudcx: async (_, body) => parseCloudcxWebhook(body).event,
};

/** What each webhook's event is called by the receiver. */
const eventOf: Readonly<Record<string, (webhook: string) => string>> = {
  wootric: (webhook) => webhook,
  cloudcx: (webhook) => webhook.replace(/Webhook$/, '').replace(/^./, (c) => c.toUpperCase()),
};

const providers = (await loadProviders(findRepoRoot(import.meta.dirname))).filter((p) => receivers[p.id]);
let router: SampleRouter;
const received: string[] = [];
beforeAll(async () => {
  router = await startSampleRouter();
  // The receivers listen on one host, at /<provider id>.
  router.route(hooks, async (request) => {
    const body = await request.text();
    const receive = receivers[new URL(request.url).pathname.slice(1)]!;
    try {
      received.push(await receive(request, body));
      return new Response(null, { status: 200 });
    } catch (error) {
      return new Response(String(error), { status: 400 });
    }
  });
});
afterAll(() => router?.close());

describe.each(providers.map((p) => [p.id, p] as const))('%s webhooks', (id, provider) => {
  const webhooks = operationSamples(provider).filter((s) => s.kind === 'webhook');
  const env = { [`${id.toUpperCase().replace(/-/g, '_')}_WEBHOOK_URL`]: `${hooks}/${id}` };

  it('has webhook samples', () => {
    expect(webhooks.length).toBeGreaterThan(0);
  });

  it.each(webhooks.map((s) => [s.operationId, s] as const))(
    'curl %s reaches the receiver as that event',
    async (_, s) => {
      router.requests.length = 0;
      received.length = 0;
      const request = curlRequest(s.curl, { env });
      // The sample's signature is the spec's example; the reader's would be over the body they send.
      const body = await request.clone().text();
      if (request.headers.has('x-wootric-signature'))
        request.headers.set('x-wootric-signature', `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`);
      const answer = await router.fetch(request);
      expect(answer.status, await answer.clone().text()).toBe(200);
      const operation = referenceOperations(provider.spec).find((op) => op.operationId === s.operationId)!;
      const want = { samples: s, origin: hooks, env, language: 'curl' as const };
      await expectSent(findRequest(router.requests, want), want, successStatuses(operation.operation));
      expect(received).toEqual([eventOf[id]!(operation.name)]);
    },
  );
});
