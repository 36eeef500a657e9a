import { bearerToken, clientCredentialsGrant, passwordGrant } from '@oapi/auth';
import { describe, expect, it } from 'vitest';
import { withTokenParameters } from '../src/index.js';

const options = { grants: ['password'] as const, option: 'options.accountToken' };

describe('withTokenParameters', () => {
  it('adds the parameter to the grants named, keeping the others', () => {
    const auth = withTokenParameters(
      passwordGrant({ username: 'a@example.com', password: 'pw-123456', parameters: { x: '1' } }),
      { account_token: 'NPS-1' },
      options,
    );
    expect(auth).toMatchObject({ grantType: 'password', extraParameters: { x: '1', account_token: 'NPS-1' } });
  });

  it('leaves other grants, static credentials and undefined values alone', () => {
    const clientCredentials = clientCredentialsGrant({ clientId: 'id', clientSecret: 'secret-123' });
    expect(withTokenParameters(clientCredentials, { account_token: 'NPS-1' }, options)).toBe(clientCredentials);
    const bearer = bearerToken('t0ken-abc');
    expect(withTokenParameters(bearer, { account_token: 'NPS-1' }, options)).toBe(bearer);
    expect(withTokenParameters(undefined, { account_token: 'NPS-1' }, options)).toBeUndefined();
    expect(
      withTokenParameters(
        passwordGrant({ username: 'a@example.com', password: 'pw-123456' }),
        { account_token: undefined },
        options,
      ),
    ).toMatchObject({ extraParameters: {} });
  });

  it('refuses a different value for a parameter the grant already has', () => {
    const auth = passwordGrant({
      username: 'a@example.com',
      password: 'pw-123456',
      parameters: { account_token: 'NPS-2' },
    });
    expect(() => withTokenParameters(auth, { account_token: 'NPS-1' }, options)).toThrow(
      '"options.accountToken" and the password grant\'s parameters.account_token differ',
    );
    expect(withTokenParameters(auth, { account_token: 'NPS-2' }, options)).toMatchObject({
      extraParameters: { account_token: 'NPS-2' },
    });
  });
});
