// What codegen writes into a client's src/generated/: the descriptor as it ships (what the runtime
// reads, no prose), the code of a body encoding or of token parameters imported only where the spec
// asks for it, the grant factories bound to the security config only grants read, and the deprecated
// operations marked in the types.
import { describe, expect, it } from 'vitest';
import { generateApiFiles } from '../src/index.js';

const api = { name: 'acme@v1', id: 'acme', version: 'v1', root: 'spec/acme/openapi.yaml' } as const;
const entry = {
  ...api,
  bundled: { yaml: 'dist/acme.openapi.yaml', json: 'dist/acme.openapi.json' },
  client: { dir: 'packages/acme', name: '@oapi/acme', factory: 'createAcmeClient' },
};

function spec(body: Record<string, unknown>): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'Acme', version: '1.0.0' },
    servers: [
      {
        url: 'https://{host}',
        description: 'A tenant: SERVER-PROSE',
        variables: { host: { default: 'acme.test', description: 'The host: VARIABLE-PROSE', 'x-required': true } },
      },
    ],
    paths: {
      '/things': {
        get: {
          operationId: 'listThings',
          summary: 'List things: SUMMARY-PROSE',
          deprecated: true,
          responses: { 200: { description: 'ok' } },
        },
        post: { operationId: 'createThing', requestBody: { content: body }, responses: { 200: { description: 'ok' } } },
      },
    },
    components: {
      securitySchemes: {
        oauth2: {
          type: 'oauth2',
          description: 'OAuth: SCHEME-PROSE',
          flows: { clientCredentials: { tokenUrl: '/oauth/token', scopes: { read: 'Read: SCOPE-PROSE' } } },
        },
      },
    },
    security: [{ oauth2: [] }],
  };
}

const json = { 'application/json': { schema: { type: 'object' } } };
const railsForm = {
  'application/x-www-form-urlencoded': { 'x-bracket-notation': 'rails', schema: { type: 'object' } },
};
const file = async (body: Record<string, unknown>, name: string) =>
  (await generateApiFiles(entry, spec(body))).find((generated) => generated.name === name)!.contents;

describe('src/generated/provider.ts', () => {
  it('ships what the runtime reads and none of the prose, which stays in the JSDoc of the options', async () => {
    const provider = await file(json, 'provider.ts');
    const shipped = provider.slice(0, provider.indexOf('export interface SpecOptions'));
    expect(shipped).not.toMatch(/PROSE/);
    expect(shipped).toContain('"url": "https://{host}"');
    expect(provider.slice(shipped.length)).toContain('The host: VARIABLE-PROSE');
  });

  it('has the oauth2 scheme by its type alone, and the default schemes: what only grants read is in strategies.ts', async () => {
    const provider = await file(json, 'provider.ts');
    expect(provider).toContain(
      '"schemes": {\n      "oauth2": {\n        "type": "oauth2"\n      }\n    },\n    "defaultSchemes": {\n      "bearer": "oauth2"\n    }',
    );
    expect(provider).not.toMatch(/tokenUrl|tokenRequest|flows/);
  });

  it('lists the deprecated operations, and only those, as the runtime keys them', async () => {
    const provider = await file(json, 'provider.ts');
    expect(provider).toContain('"deprecatedOperations": [\n    "GET /things"\n  ]');
    expect(provider).not.toContain('createThing');
  });

  it('writes out what the runtime would derive: the example URL and the option names', async () => {
    const provider = await file(json, 'provider.ts');
    expect(provider).toContain('"exampleUrl": "https://acme.test"');
    expect(provider).toContain('"options": [\n    "host"\n  ],\n  "serverOptions": [\n    "host"\n  ]');
  });

  it('gives only a spec with token parameters their option names and the code that reads them', async () => {
    const plain = await file(json, 'provider.ts');
    expect(plain).not.toContain('tokenParameter');
    const withParameter = spec(json);
    const schemes = (withParameter.components as { securitySchemes: Record<string, Record<string, unknown>> })
      .securitySchemes;
    schemes.oauth2!['x-token-request'] = { queryParameters: ['account_token'] };
    const provider = (await generateApiFiles(entry, withParameter)).find((f) => f.name === 'provider.ts')!.contents;
    expect(provider).toContain("import { type ProviderDescriptor, tokenParameterValues } from '@oapi/runtime';");
    expect(provider).toContain('"tokenParameters": {\n    "account_token": "accountToken"\n  }');
    expect(provider).toMatch(/"tokenParameterReader": tokenParameterValues\n\} as const/);
    expect(provider).not.toContain('matchedServer');
  });

  it('gives only a spec whose servers have x-server-match the code that matches them', async () => {
    expect(await file(json, 'provider.ts')).not.toMatch(/serverMatcher|matchedServer/);
    const regional = spec(json);
    const schemes = (regional.components as { securitySchemes: Record<string, Record<string, unknown>> })
      .securitySchemes;
    schemes.oauth2!['x-token-request'] = { queryParameters: ['account_token'] };
    regional.servers = [
      { url: 'https://api.acme.test' },
      { url: 'https://api.acme.eu', 'x-server-match': { parameter: 'account_token', pattern: '^ACME-EU-' } },
    ];
    const provider = (await generateApiFiles(entry, regional)).find((f) => f.name === 'provider.ts')!.contents;
    expect(provider).toContain(
      "import { type ProviderDescriptor, matchedServer, tokenParameterValues } from '@oapi/runtime';",
    );
    expect(provider).toMatch(
      /"tokenParameterReader": tokenParameterValues,\n {2}"serverMatcher": matchedServer\n\} as const/,
    );
  });

  it('imports the code of the Rails form encoding only for a spec whose bodies are Rails forms', async () => {
    const forms = await file(railsForm, 'provider.ts');
    expect(forms).toContain("import { type ProviderDescriptor, railsForms } from '@oapi/runtime';");
    expect(forms).toMatch(/"bodyEncoder": railsForms\n\} as const/);
    const plain = await file(json, 'provider.ts');
    expect(plain).toContain("import type { ProviderDescriptor } from '@oapi/runtime';");
    expect(plain).not.toContain('railsForms');
  });
});

describe('src/generated/strategies.ts', () => {
  it('leaves out the per-grant token-request overrides that repeat the scheme-wide shape', async () => {
    const withOverrides = spec(json);
    const schemes = (withOverrides.components as { securitySchemes: Record<string, Record<string, unknown>> })
      .securitySchemes;
    schemes.oauth2!['x-token-request'] = {
      clientAuthentication: 'none',
      grants: {
        client_credentials: {
          clientAuthentication: 'client_secret_post',
          contentType: 'application/x-www-form-urlencoded',
        },
        refresh_token: { clientAuthentication: 'none' },
      },
    };
    const strategies = (await generateApiFiles(entry, withOverrides)).find((f) => f.name === 'strategies.ts')!.contents;
    expect(strategies).toContain(
      '"grants": {\n          "client_credentials": {\n            "clientAuthentication": "client_secret_post"\n          }\n        }',
    );
  });

  it("binds the spec's grant factories to its security, which it ships without prose", async () => {
    const strategies = await file(json, 'strategies.ts');
    expect(strategies).not.toMatch(/PROSE/);
    expect(strategies).toMatch(
      /export const security = \{\n {2}"provider": "acme",[\s\S]*"tokenUrl": "\/oauth\/token"/,
    );
    expect(strategies).toContain(
      'export const clientCredentialsGrant = /* @__PURE__ */ auth.withSecurity(auth.clientCredentialsGrant, security);',
    );
    expect(strategies).toContain("export { bearerToken } from '@oapi/auth';");
  });
});

describe('src/generated/openapi.ts', () => {
  it('marks a deprecated operation @deprecated in paths (openapi-typescript) and in operations (here)', async () => {
    const types = await file(json, 'openapi.ts');
    expect(types).toMatch(
      /\* List things: SUMMARY-PROSE\n\s+\* @deprecated\n\s+\*\/\n\s+get: operations\["listThings"\];/,
    );
    expect(types).toMatch(
      /\/\*\* @deprecated The spec marks this operation deprecated: a call to it is reported once \(`onDeprecation`\)\. \*\/\n\s+listThings: \{/,
    );
    expect(types).not.toMatch(/@deprecated[^\n]*\n\s+createThing: \{/);
  });
});
