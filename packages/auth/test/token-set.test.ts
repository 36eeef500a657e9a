// When a cached token counts as expired: a margin proportional to its lifetime, and a clock that
// went back makes it untrustworthy.
import { describe, expect, it } from 'vitest';
import { isUsable, refreshMargin, type TokenSet } from '../src/token-set.js';

const t0 = Date.parse('2026-11-25T10:00:00Z');
const token = (lifetimeSeconds: number | undefined): TokenSet => ({
  accessToken: 'at',
  tokenType: 'bearer',
  expiresAt: lifetimeSeconds === undefined ? undefined : t0 + lifetimeSeconds * 1000,
  refreshToken: undefined,
  scope: undefined,
  receivedAt: t0,
});

describe('refreshMargin', () => {
  it.each([
    ["Klika's 60 s", 60, 6_000],
    ['a 30-minute token', 1800, 180_000],
    ["CloudCX's 3599 s, capped at five minutes", 3599, 300_000],
    ["Wootric's 7200 s, capped at five minutes", 7200, 300_000],
    ['no lifetime', undefined, 0],
  ])('%s', (_, lifetime, margin) => {
    expect(refreshMargin(token(lifetime))).toBe(margin);
  });
});

describe('isUsable', () => {
  it.each([
    ['just received', 60, 0, true],
    ['53.9 s into 60', 60, 53_900, true],
    ['54 s into 60: inside the 6 s margin', 60, 54_000, false],
    ['past expiry', 60, 61_000, false],
    ['one hour and 54 min into two hours', 7200, 6_840_000, true],
    ['one hour and 55 min into two hours', 7200, 6_900_000, false],
    ['no lifetime, a day later', undefined, 86_400_000, true],
    ['the clock went back one second', 60, -1_000, false],
    ['the clock went back one hour', 7200, -3_600_000, false],
  ])('%s → %s', (_, lifetime, elapsed, usable) => {
    expect(isUsable(token(lifetime), t0 + elapsed)).toBe(usable);
  });

  it('is false for no token and for an invalidated one', () => {
    expect(isUsable(undefined, t0)).toBe(false);
    expect(isUsable({ ...token(60), accessToken: '' }, t0)).toBe(false);
  });
});
