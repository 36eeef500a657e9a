// The bundled spec's webhook section, with its $refs resolved: tests read the examples and schemas
// from here so that they follow the spec rather than a copy of it.
import { readFileSync } from 'node:fs';

type Json = Record<string, unknown>;

const spec = JSON.parse(readFileSync(new URL('../../../dist/cloudcx.openapi.json', import.meta.url), 'utf8')) as Json;

function resolve<T = Json>(node: unknown): T {
  const ref = (node as { $ref?: string }).$ref;
  if (!ref) return node as T;
  return resolve(
    ref
      .slice(2)
      .split('/')
      .reduce<unknown>((at, key) => (at as Json)[key], spec),
  );
}

export interface WebhookSpec {
  readonly name: string;
  readonly schema: { required: string[]; properties: Record<string, { type?: string | string[]; const?: string }> };
  readonly examples: Array<{ name: string; value: Json }>;
}

export const webhookSpecs: WebhookSpec[] = Object.entries(spec.webhooks as Json).map(([name, item]) => {
  const media = resolve(resolve(resolve(item).post).requestBody).content as Json;
  const json = media['application/json'] as { schema: unknown; examples: Record<string, unknown> };
  return {
    name,
    schema: resolve(json.schema),
    examples: Object.entries(json.examples).map(([example, value]) => ({
      name: example,
      value: resolve<{ value: Json }>(value).value,
    })),
  };
});
