// The token exchange as the hand-written guide (seed 003, /work/shared/seeds/003_*.txt) shows it,
// against the spec, and the reply as the template's code writes it (reference §8): `refresh_token`
// always (`use_refresh_token`), `user_id` always (`lib/custom_token_response.rb`). The guide's reply
// is abridged: it lacks `user_id` (and `created_at`, which stays optional) and says 7200 seconds.
import { bundledSpecSchemas } from '@oapi/test-support';
import { describe, expect, it } from 'vitest';

const check = await bundledSpecSchemas('klika');
const reply = '/components/schemas/TokenResponse';
const templateReply = {
  access_token: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzUxMiJ9.e30.c2ln',
  token_type: 'Bearer',
  expires_in: 60,
  refresh_token: '8257e65c97202ed1726cf6c5e7f3d0b9a1c4e8f2d6b0a3c7e9f1d5b8a2c4e6f0',
  created_at: 1537524800,
  user_id: 42,
};

describe('the token reply against the spec', () => {
  it("accepts the template's reply", () => {
    expect(check(reply, templateReply)).toEqual([]);
  });

  it.each(['refresh_token', 'user_id'])('requires %s, which the template always sends', (field) => {
    const { [field as keyof typeof templateReply]: _, ...rest } = templateReply;
    expect(check(reply, rest)).toEqual([`/ must have required property '${field}'`]);
  });

  it("refuses the guide's abridged reply for its missing user_id only", () => {
    const guide = {
      access_token: 'de6780bc506a0446309bd93628',
      token_type: 'bearer',
      expires_in: 7200,
      refresh_token: '8257e65c97202ed1726cf',
    };
    expect(check(reply, guide)).toEqual(["/ must have required property 'user_id'"]);
  });
});

describe("seed 003's code exchange against the spec", () => {
  it('accepts the request, client credentials in the body', () => {
    const request = {
      client_id: 'YOUR_CLIENT_ID',
      client_secret: 'YOUR_CLIENT_SECRET',
      code: '18768d576dc182906bc1e030871bf79bf9da99a38c607c3ffbc60b3796b2f9d2',
      grant_type: 'authorization_code',
      redirect_uri: 'https://YOUR_REDIRECT_URI/',
    };
    expect(check('/components/schemas/AuthorizationCodeTokenRequest', request)).toEqual([]);
  });

  it('accepts an exchange whose client authenticates with HTTP Basic instead', () => {
    const request = { code: '18768d576dc1', grant_type: 'authorization_code', redirect_uri: 'https://app.example/cb' };
    expect(check('/components/schemas/AuthorizationCodeTokenRequest', request)).toEqual([]);
  });

  it('requires the client credentials in the body of a password grant', () => {
    const request = { username: 'amina.hodzic@example.com', password: 'correct-horse', grant_type: 'password' };
    expect(check('/components/schemas/PasswordTokenRequest', request)).toEqual([
      "/ must have required property 'client_id'",
      "/ must have required property 'client_secret'",
    ]);
  });
});
