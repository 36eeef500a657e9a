// Wootric's requests as its docs show them: the token requests of seed 001 (/work/shared/seeds/
// 001_*.txt) and the Rails bracket bodies, which the spec states with `x-bracket-notation: rails`
// rather than OpenAPI's `deepObject` (undefined for arrays): every form example of the spec,
// written in that notation, reads back as itself the way Rails (Rack) parses it.
import { parseRailsForm, railsFormEncode } from '@oapi/runtime';
import { bundledSpecSchemas } from '@oapi/test-support';
import { findRepoRoot, listApis, readBundledSpec } from '@oapi/api-list';
import { describe, expect, it } from 'vitest';

const check = await bundledSpecSchemas('wootric');
const root = findRepoRoot(import.meta.dirname);
const spec = await readBundledSpec(root, (await listApis(root)).find((api) => api.id === 'wootric')!);

type Json = Record<string, unknown>;
const resolve = (node: unknown): Json =>
  (node as Json).$ref
    ? ((node as { $ref: string }).$ref
        .slice(2)
        .split('/')
        .reduce<unknown>((at, key) => (at as Json)[key], spec) as Json)
    : (node as Json);

/** Every `x-bracket-notation: rails` request body of the spec's operations, with its examples. */
function railsBodies(): Array<[string, Json, Json[]]> {
  const found: Array<[string, Json, Json[]]> = [];
  for (const [path, item] of Object.entries(spec.paths as Record<string, Json>)) {
    for (const [method, operation] of Object.entries(item)) {
      const content = ((operation as Json).requestBody as Json | undefined)?.content as
        | Record<string, Json>
        | undefined;
      for (const [type, media] of Object.entries(content ?? {})) {
        if (media['x-bracket-notation'] !== 'rails') continue;
        const examples = Object.values((media.examples as Json | undefined) ?? {}).map((e) => resolve(e).value as Json);
        found.push([`${method.toUpperCase()} ${path} ${type}`, media, examples]);
      }
    }
  }
  return found;
}

/** What a form body carries: every scalar as text. */
const asForm = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(asForm)
    : typeof value === 'object' && value !== null
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asForm(v)]))
      : String(value);

describe("seed 001's token requests against the spec", () => {
  it.each([
    ['password', { grant_type: 'password', username: '<youremailaddress>', password: '<yourpassword>' }],
    ['refresh_token', { grant_type: 'refresh_token', refresh_token: '<yourrefreshtoken>' }],
    ['client_credentials', { grant_type: 'client_credentials', client_id: '<id>', client_secret: '<secret>' }],
  ])('accepts the %s fields', (_, fields) => {
    expect(check('/components/schemas/TokenRequest', fields)).toEqual([]);
  });
});

describe('Rails bracket bodies', () => {
  const bodies = railsBodies();

  it('are declared on the e-mail survey, which sends arrays (emails[], context[][k])', () => {
    expect(bodies.map(([name]) => name)).toContain('POST /v1/email_survey application/x-www-form-urlencoded');
  });

  // (No deepObject on an array is the lint rule repo/no-deep-object-array.)
  it.each(bodies.filter(([name]) => !name.includes('multipart')))(
    '%s: its examples read back as themselves in bracket notation',
    (_, _media, examples) => {
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) expect(parseRailsForm(railsFormEncode(example))).toEqual(asForm(example));
    },
  );
});
