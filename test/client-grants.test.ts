// What each client ships for authentication: its descriptor has the security schemes in outline (an
// oauth2 scheme by its type alone), so the bundle of a static credential carries no token endpoint;
// the package's grant factories carry the whole config, its `security` export. A grant made by
// @oapi/auth, or by another client package, is refused when the client is made, naming the fix.
import * as auth from '@oapi/auth';
import * as cloudcx from '@oapi/cloudcx';
import * as klika from '@oapi/klika';
import * as wootric from '@oapi/wootric';
import * as cxi from '@oapi/wootric-cxi';
import { describe, expect, it } from 'vitest';

interface ClientPackage {
  readonly provider: { readonly security: auth.SecurityOutline };
  readonly security: auth.SecurityConfig;
  readonly passwordGrant: typeof auth.passwordGrant;
}

const clients: ReadonlyArray<readonly [string, ClientPackage, (strategy: auth.AuthStrategy) => { auth: unknown }]> = [
  ['klika', klika, (strategy) => klika.createKlikaClient({ host: 'api.example.com', auth: strategy })],
  ['wootric', wootric, (strategy) => wootric.createWootricClient({ accountToken: 'NPS-1a2b3c4d', auth: strategy })],
  ['wootric-cxi', cxi, (strategy) => cxi.createWootricCxiClient({ accountToken: 'NPS-1a2b3c4d', auth: strategy })],
  ['cloudcx', cloudcx, (strategy) => cloudcx.createCloudcxClient({ host: 'cx.example.com', auth: strategy })],
];

const login = { username: 'me@example.com', password: 'pw-correct-horse' };

describe.each(clients)('@oapi/%s', (id, pkg, createClient) => {
  it('ships its oauth2 scheme by its type alone in the descriptor, the other schemes as they are, the default ones ready', () => {
    const { provider, schemes } = pkg.security;
    const outline = Object.fromEntries(
      Object.entries(schemes).map(([name, scheme]) => [name, scheme.type === 'oauth2' ? { type: 'oauth2' } : scheme]),
    );
    expect(pkg.provider.security).toEqual({
      provider,
      schemes: outline,
      defaultSchemes: auth.defaultSchemes(pkg.security),
    });
    expect(Object.values(schemes).some((scheme) => scheme.type === 'oauth2' && scheme.flows.password)).toBe(true);
  });

  it('makes grants that carry its security, and a client with them', () => {
    const strategy = pkg.passwordGrant(login);
    expect(strategy.security).toBe(pkg.security);
    expect(createClient(strategy).auth).toMatchObject({ tokens: expect.any(Object) });
  });

  it.each([
    ['@oapi/auth', auth.passwordGrant(login)],
    ['another client', (id === 'klika' ? cloudcx : klika).passwordGrant(login)],
  ])("refuses a grant made by %s, naming the package's factory", (_, strategy) => {
    expect(() => createClient(strategy)).toThrowError(
      new TypeError(
        `"auth": the password grant lacks the ${id} token endpoint: make it with @oapi/${id}'s factory, not @oapi/auth's`,
      ),
    );
  });

  it("takes @oapi/auth's static credentials, which need only the outline", () => {
    expect(createClient(auth.bearerToken('tok-123456')).auth).toMatchObject({ tokens: undefined });
  });
});
