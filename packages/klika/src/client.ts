import { createProviderClient, type ClientBaseOptions, type ProviderClient } from '@oapi/runtime';
import type { paths } from './generated/openapi.js';
import { security } from './generated/security.js';

export interface KlikaClientOptions extends ClientBaseOptions {
  /** The deployment's base URL, e.g. `https://api.example.com`: every deployment of the template is its own API. */
  readonly baseUrl: string;
}

export type KlikaClient = ProviderClient<paths>;

/**
 * A typed client for a deployment of Klika's Rails API template.
 *
 * ```ts
 * const klika = createKlikaClient({
 *   baseUrl: 'https://api.example.com',
 *   auth: passwordGrant({ username, password, clientId, clientSecret }),
 * });
 * const { data } = await klika.GET('/api/v1/countries');
 * ```
 */
export function createKlikaClient(options: KlikaClientOptions): KlikaClient {
  if (typeof options?.baseUrl !== 'string' || !/^https?:\/\//.test(options.baseUrl)) {
    throw new TypeError('"options.baseUrl" must be the deployment\'s http(s) URL, e.g. "https://api.example.com"');
  }
  return createProviderClient<paths>({ security, baseUrl: options.baseUrl }, options);
}
