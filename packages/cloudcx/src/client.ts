import { type ClientBaseOptions, createProviderClient, type ProviderClient } from '@oapi/runtime';
import type { paths } from './generated/openapi.js';
import { provider, type SpecOptions } from './generated/provider.js';
import { type UserMethods, userMethods } from './users.js';

/**
 * `host` (the tenant's, port included; required unless `baseUrl` is given), `tokenUrl` where the
 * platform domain that serves tokens differs from it, and the options every client takes.
 */
export interface CloudcxClientOptions extends ClientBaseOptions, SpecOptions {}

/** openapi-fetch's `GET`/`POST`/… typed by the spec, plus envelope-unwrapping helpers. */
export type CloudcxClient = ProviderClient<paths> & UserMethods;

/**
 * A typed client for a CloudCX tenant.
 *
 * ```ts
 * const cloudcx = createCloudcxClient({ host: 'cloudcx.cloudfon.net', auth: apiKey(process.env.CLOUDCX_API_KEY!) });
 * for await (const user of cloudcx.users({ keywords: 'si' })) console.log(user.loginCode);
 * ```
 */
export function createCloudcxClient(options: CloudcxClientOptions): CloudcxClient {
  const client = createProviderClient<paths>(provider, options);
  return Object.assign(client, userMethods(client));
}
