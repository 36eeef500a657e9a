// The token request as seed 002 (Cloudfon's Authentication page, /work/shared/seeds/002_*.txt)
// shows it: the older revision's Postman body (`email`, `password`, `grant_type`, `client_id`, no
// secret) to the platform domain's `/oauth/token` (`https://cx.cloudfon.net:9001/oauth/token`),
// while API calls go to `cloudcx.cloudfon.net`; and the current cURL body.
import { bundledSpecSchemas } from '@oapi/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCloudcxClient, passwordGrant } from '../src/index.js';
import { account, clientWithoutSecret, type FakeCloudcx, startFakeCloudcx } from '@oapi/fakes/cloudcx';

const check = await bundledSpecSchemas('cloudcx');
const tokenRequest = '/components/schemas/TokenRequest';

describe("seed 002's token requests against the spec", () => {
  it('accepts the Postman body: email instead of username, no client_secret', () => {
    const postman = { email: 'XXXXXXXX', password: 'XXXXX', grant_type: 'password', client_id: 'XXXXXX' };
    expect(check(tokenRequest, postman)).toEqual([]);
  });

  it('accepts the cURL body', () => {
    const curl = {
      client_id: '2603****************814845',
      client_secret: '6d624c35-978b-*********-59d727f2ea19',
      grant_type: 'password',
      username: 'si*****',
      password: 'A******',
    };
    expect(check(tokenRequest, curl)).toEqual([]);
  });

  it('still refuses a body that names no user', () => {
    expect(check(tokenRequest, { password: 'p', grant_type: 'password', client_id: '1' })).not.toEqual([]);
  });
});

describe('a client with the token on the platform domain', () => {
  let platform: FakeCloudcx;
  let api: FakeCloudcx;
  beforeAll(async () => {
    platform = await startFakeCloudcx();
    api = await startFakeCloudcx({ tokensFrom: platform });
  });
  afterAll(async () => {
    await platform.close();
    await api.close();
  });

  it('gets the token there (client id only, user by e-mail) and calls the API host with it', async () => {
    const cloudcx = createCloudcxClient({
      baseUrl: api.url,
      tokenUrl: `${platform.url}/oauth/token`,
      auth: passwordGrant({ username: account.email, password: account.password, clientId: clientWithoutSecret.id }),
    });
    const page = await cloudcx.listUsers();
    expect(page.number).toBe(0);
    expect(api.tokenRequests).toEqual([]);
    expect(platform.tokenRequests.map((request) => request.body)).toEqual([
      {
        grant_type: 'password',
        username: account.email,
        password: account.password,
        client_id: clientWithoutSecret.id,
      },
    ]);
    expect(api.pageRequests[0]?.authorization).toMatch(/^Bearer /);
  });
});
