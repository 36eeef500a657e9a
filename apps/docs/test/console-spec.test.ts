import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleSpec } from '../src/console-spec.js';
import { providerFromSpec } from '../src/providers.js';
import type { Json } from '../src/spec-json.js';
import { repoRoot } from './site.js';

const provider = (id: string) => {
  const spec = JSON.parse(readFileSync(join(repoRoot, 'dist', `${id}.openapi.json`), 'utf8')) as Json;
  return providerFromSpec({ id, name: `${id}@v1`, version: 'v1' }, spec, { yaml: '', json: '' }, undefined);
};
const flows = (spec: Json) =>
  ((spec.components as Json).securitySchemes as Record<string, { flows?: Record<string, Json> }>).oauth2!.flows!;

describe("the console's copy of a spec", () => {
  it('marks the flows whose x-token-request sends the client secret in the body, and only those', () => {
    // Wootric: client credentials with client_secret_post; the password grant sends no secret.
    const wootric = flows(consoleSpec(provider('wootric')));
    expect(wootric.clientCredentials!['x-scalar-credentials-location']).toBe('body');
    expect(wootric.password!['x-scalar-credentials-location']).toBeUndefined();
    // CloudCX: the password grant carries client_id and client_secret in the form body.
    expect(flows(consoleSpec(provider('cloudcx'))).password!['x-scalar-credentials-location']).toBe('body');
  });

  it('leaves the provider spec itself unchanged', () => {
    const cloudcx = provider('cloudcx');
    const before = JSON.stringify(cloudcx.spec);
    consoleSpec(cloudcx);
    expect(JSON.stringify(cloudcx.spec)).toBe(before);
  });
});
