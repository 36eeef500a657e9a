import { servers } from './generated/spec-meta.js';

export type WootricRegion = 'us' | 'eu' | 'au';

const topLevelDomain: Record<WootricRegion, string> = { us: 'com', eu: 'eu', au: 'au' };

/** The region an account token belongs to: `NPS-EU…` → `eu`, `NPS-AU…` → `au`, any other → `us`. */
export function regionOf(accountToken: string): WootricRegion {
  const token = accountToken.toUpperCase();
  if (token.startsWith('NPS-EU')) return 'eu';
  if (token.startsWith('NPS-AU')) return 'au';
  return 'us';
}

/** The spec's server for a region (`https://api.wootric.eu` for `eu`). */
export function regionBaseUrl(region: WootricRegion): string {
  const tld = topLevelDomain[region];
  if (tld === undefined) throw new TypeError(`"options.region" must be one of us, eu, au, got "${String(region)}"`);
  const server = servers.find((s) => new URL(s.url).hostname.endsWith(`.${tld}`));
  if (!server) throw new TypeError(`The Wootric spec lists no server for the ${region} region`);
  return server.url;
}
