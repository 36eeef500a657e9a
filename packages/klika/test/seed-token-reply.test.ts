// The authorization-code exchange as the hand-written guide (seed 003, /work/shared/seeds/003_*.txt)
// shows it: its JSON request, and its reply, which has no `created_at` (nor `user_id`) and says
// `expires_in: 7200`. Both must be what the spec allows.
import { bundledSpecSchemas } from '@oapi/test-support';
import { describe, expect, it } from 'vitest';

const check = await bundledSpecSchemas('klika');

describe("seed 003's code exchange against the spec", () => {
  it('accepts the reply, without created_at', () => {
    const reply = {
      access_token: 'de6780bc506a0446309bd93628',
      token_type: 'bearer',
      expires_in: 7200,
      refresh_token: '8257e65c97202ed1726cf',
    };
    expect(check('/components/schemas/TokenResponse', reply)).toEqual([]);
  });

  it('accepts the request', () => {
    const request = {
      client_id: 'YOUR_CLIENT_ID',
      client_secret: 'YOUR_CLIENT_SECRET',
      code: '18768d576dc182906bc1e030871bf79bf9da99a38c607c3ffbc60b3796b2f9d2',
      grant_type: 'authorization_code',
      redirect_uri: 'https://YOUR_REDIRECT_URI/',
    };
    expect(check('/components/schemas/AuthorizationCodeTokenRequest', request)).toEqual([]);
  });

  it('still refuses a reply without an access token', () => {
    expect(check('/components/schemas/TokenResponse', { token_type: 'bearer', expires_in: 60 })).not.toEqual([]);
  });
});
