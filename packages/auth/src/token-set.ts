/** The tokens one grant produced, as the token manager keeps, stores and hands them on. */
export interface TokenSet {
  readonly accessToken: string;
  /** Always `bearer`, lower-cased: the reply's `token_type` is compared without case. */
  readonly tokenType: 'bearer';
  /** Epoch milliseconds, by this machine's clock; `undefined` when the server gave no lifetime. */
  readonly expiresAt: number | undefined;
  /** The newest refresh token; kept from the previous set when a reply carries none. */
  readonly refreshToken: string | undefined;
  readonly scope: string | undefined;
  /** Epoch milliseconds when the token was received, by this machine's clock. */
  readonly receivedAt: number;
}

/** Never refresh more than this early, whatever the lifetime. */
const maxMarginMs = 5 * 60_000;

/**
 * How long before `expiresAt` a token counts as expired: a tenth of its lifetime, at most five
 * minutes (6 s for Klika's 60-second tokens, 5 min for Wootric's two hours), so that a request sent
 * just before expiry does not arrive just after it.
 */
export function refreshMargin(token: TokenSet): number {
  if (token.expiresAt === undefined) return 0;
  return Math.min((token.expiresAt - token.receivedAt) / 10, maxMarginMs);
}

/**
 * Fresh enough to send. A token received "in the future" counts as expired: this machine's clock
 * went back (or a stored token came from a clock ahead of it), so its age cannot be trusted.
 */
export function isUsable(token: TokenSet | undefined, now: number): token is TokenSet {
  if (!token || token.accessToken === '') return false;
  if (token.expiresAt === undefined) return true;
  return now >= token.receivedAt && now < token.expiresAt - refreshMargin(token);
}
