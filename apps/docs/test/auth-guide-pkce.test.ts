// What the guide says of PKCE and of refresh-token rotation comes from the descriptor: `x-pkce` on
// the authorization-code flow and a deferred `x-refresh-token-rotation` (Klika's template).
import { describe, expect, it } from 'vitest';
import { authGuidePage } from '../src/pages/auth-guide.js';
import { providerFromSpec } from '../src/providers.js';
import type { Json } from '../src/spec-json.js';

function specWith(codeFlow: Json, rotation: unknown): Json {
  return {
    openapi: '3.1.0',
    info: { title: 'Acme API', version: '1.0.0' },
    servers: [{ url: 'https://acme.test' }],
    security: [{ oauth2: [] }],
    paths: {},
    components: {
      securitySchemes: {
        oauth2: {
          type: 'oauth2',
          flows: {
            authorizationCode: {
              authorizationUrl: '/oauth/authorize',
              tokenUrl: '/oauth/token',
              refreshUrl: '/oauth/token',
              scopes: {},
              ...codeFlow,
            },
          },
          'x-refresh-token-rotation': rotation,
        },
      },
    },
  };
}

const site = { providers: [{ id: 'acme', title: 'Acme API' }] };
const guide = (codeFlow: Json, rotation: unknown = true) =>
  authGuidePage(
    site,
    providerFromSpec(
      { id: 'acme', name: 'acme@v1', version: 'v1' },
      specWith(codeFlow, rotation),
      { yaml: '/dev/null', json: '/dev/null' },
      undefined,
    ),
  );

describe('the authentication guide on PKCE and rotation', () => {
  it('says the client sends neither PKCE parameter for a server without PKCE, and that state is checked', () => {
    const page = guide({ 'x-pkce': false });
    expect(page).toContain('the server does not support it (<code>x-pkce: false</code>)');
    expect(page).toContain('sends neither <code>code_challenge</code> nor <code>code_verifier</code>');
    expect(page).not.toContain('S256');
  });

  it('says S256 where the spec says nothing of PKCE', () => {
    expect(guide({})).toContain('<th>PKCE</th><td>S256');
  });

  it('says how long the old refresh token works when rotation is deferred', () => {
    expect(guide({}, 'deferred')).toContain('the old one keeps working until the new access token is first used');
    expect(guide({}, true)).toContain('since the previous one stops working');
  });
});
