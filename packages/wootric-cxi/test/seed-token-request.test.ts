// The token requests as the CXI docs show them (seed 000, /work/shared/seeds/000_*.txt): the
// password grant always names the CXI account with `?account_token=NPS-XXXX`; client_credentials
// needs nothing more. Without the account token the password grant mints a token for the user's
// default account, so the client refuses to build without it.
import { bundledSpecSchemas } from '@oapi/test-support';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientCredentialsGrant, createWootricCxiClient, passwordGrant, security, unwrap } from '../src/index.js';
import { apiClient, owner } from '@oapi/fakes/wootric-oauth';
import { accountToken, type FakeCxi, startFakeCxi } from '@oapi/fakes/wootric-cxi';

const check = await bundledSpecSchemas('wootric-cxi');

describe("seed 000's token requests against the spec", () => {
  it('accepts the password grant fields, and names account_token as its query parameter', () => {
    const fields = { grant_type: 'password', username: '<youremailaddress>', password: '<yourpassword>' };
    expect(check('/components/schemas/TokenRequest', fields)).toEqual([]);
    const password = security.schemes.oauth2.tokenRequest.grants.password;
    expect(password).toMatchObject({ queryParameters: ['account_token'], requiredParameters: ['account_token'] });
  });

  it('accepts the client_credentials fields', () => {
    const fields = {
      grant_type: 'client_credentials',
      client_id: '<yourclientid>',
      client_secret: '<yourclientsecret>',
    };
    expect(check('/components/schemas/TokenRequest', fields)).toEqual([]);
  });
});

describe('the account token of the password grant', () => {
  let fake: FakeCxi;
  beforeEach(async () => {
    fake = await startFakeCxi();
    fake.onboarded = true;
  });
  afterEach(() => fake.close());
  const at = () => ({ baseUrl: fake.api.url, tokenUrl: `${fake.tokenHost.url}/oauth/token`, retry: false as const });

  it('is required: the client refuses to build without it, naming the option', () => {
    expect(() => createWootricCxiClient({ ...at(), auth: passwordGrant(owner) })).toThrow(
      new TypeError(
        '"options.accountToken" is required with the password grant: wootric-cxi\'s token endpoint requires account_token',
      ),
    );
  });

  it('may come with the grant itself, and then travels in the query as the seed shows', async () => {
    const auth = passwordGrant({ ...owner, parameters: { account_token: accountToken } });
    unwrap(await createWootricCxiClient({ ...at(), auth }).GET('/v1/onboarding'));
    expect(fake.tokenHostRequests).toEqual([`POST /oauth/token?account_token=${accountToken}`]);
  });

  it('is not needed for client_credentials', async () => {
    const cxi = createWootricCxiClient({
      ...at(),
      auth: clientCredentialsGrant({ clientId: apiClient.id, clientSecret: apiClient.secret }),
    });
    unwrap(await cxi.GET('/v1/onboarding'));
    expect(fake.tokenHostRequests).toEqual(['POST /oauth/token']);
  });
});
