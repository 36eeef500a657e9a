// Doorkeeper's access-token records as Klika's template configures them (reference
// klika-rails-api.md §8): `use_refresh_token` with the `previous_refresh_token` column, so a refresh
// does not revoke the old refresh token; the first use of the new access token does
// (`OAuth::Token.authenticate` → `revoke_previous_refresh_token!`).
import { randomBytes } from 'node:crypto';

export const hex = () => randomBytes(32).toString('hex');

export interface AccessTokenRecord {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly userId: number;
  readonly applicationUid: string;
  readonly createdAt: number;
  /** Seconds, as answered. */
  readonly expiresIn: number;
  expiresAt: number;
  revoked: boolean;
  /** The refresh token this record replaced: revoked when this access token is first used. */
  previousRefreshToken: string | undefined;
}

export interface DoorkeeperTokens {
  issue(userId: number, applicationUid: string, previousRefreshToken?: string): AccessTokenRecord;
  byRefreshToken(refreshToken: string): AccessTokenRecord | undefined;
  /** The record of an access token the API was sent, after revoking its previous refresh token. */
  authenticate(accessToken: string): AccessTokenRecord | undefined;
  /** Ends every access token's life now; refresh tokens keep working, as Doorkeeper's do. */
  expireAll(): void;
}

export function doorkeeperTokens(lifetimeSeconds: number): DoorkeeperTokens {
  const records: AccessTokenRecord[] = [];
  const byRefreshToken = (refreshToken: string) => records.find((r) => r.refreshToken === refreshToken);
  return {
    issue(userId, applicationUid, previousRefreshToken) {
      const record: AccessTokenRecord = {
        accessToken: `eyJ.${hex()}`,
        refreshToken: hex(),
        userId,
        applicationUid,
        createdAt: Date.now(),
        expiresIn: lifetimeSeconds,
        expiresAt: Date.now() + lifetimeSeconds * 1000,
        revoked: false,
        previousRefreshToken,
      };
      records.push(record);
      return record;
    },
    byRefreshToken,
    authenticate(accessToken) {
      const record = records.find((r) => r.accessToken === accessToken);
      if (record?.previousRefreshToken !== undefined) {
        const previous = byRefreshToken(record.previousRefreshToken);
        if (previous) previous.revoked = true;
        record.previousRefreshToken = undefined;
      }
      return record;
    },
    expireAll() {
      for (const record of records) record.expiresAt = Math.min(record.expiresAt, Date.now());
    },
  };
}

/** The token reply: Doorkeeper's body (blank `scope` dropped) plus the template's `user_id`. */
export function tokenReply(record: AccessTokenRecord) {
  return {
    access_token: record.accessToken,
    token_type: 'Bearer',
    expires_in: record.expiresIn,
    refresh_token: record.refreshToken,
    created_at: Math.floor(record.createdAt / 1000),
    user_id: record.userId,
  };
}
