import { type ClientBaseOptions, createProviderClient, type ProviderClient } from '@oapi/runtime';
import type { paths } from './generated/openapi.js';
import { provider, type SpecOptions } from './generated/provider.js';

/** `host` (the deployment's, required unless `baseUrl` is given) and the options every client takes. */
export interface KlikaClientOptions extends ClientBaseOptions, SpecOptions {}

export type KlikaClient = ProviderClient<paths>;

/**
 * A typed client for a deployment of Klika's Rails API template: nothing but its spec.
 *
 * ```ts
 * const klika = createKlikaClient({
 *   host: 'api.example.com',
 *   auth: passwordGrant({ username, password, clientId, clientSecret }),
 * });
 * const { data } = await klika.GET('/api/v1/countries');
 * ```
 */
export function createKlikaClient(options: KlikaClientOptions): KlikaClient {
  return createProviderClient<paths>(provider, options);
}
