import { createProviderClient, type ClientBaseOptions, type ProviderClient } from '@oapi/runtime';
import { resolveBaseUrl } from './base-url.js';
import type { paths } from './generated/openapi.js';
import { security } from './generated/security.js';
import { userMethods, type UserMethods } from './users.js';

export interface CloudcxClientOptions extends ClientBaseOptions {
  /**
   * The tenant's control-panel host, **with the port when it is not 443**: `cx.cloudfon.net:9001`,
   * `cloudcx.cloudfon.net`. Every call, the token request included, goes to `https://<host>`.
   */
  readonly host?: string;
  /** Instead of `host`, a full base URL: a proxy, or a loopback mock in tests (`http://127.0.0.1:4010`). */
  readonly baseUrl?: string;
}

/** openapi-fetch's `GET`/`POST`/… typed by the spec, plus envelope-unwrapping helpers. */
export type CloudcxClient = ProviderClient<paths> & UserMethods;

/**
 * A typed client for a CloudCX tenant.
 *
 * ```ts
 * const cloudcx = createCloudcxClient({ host: 'cx.cloudfon.net:9001', auth: apiKey(process.env.CLOUDCX_API_KEY!) });
 * for await (const user of cloudcx.users({ keywords: 'si' })) console.log(user.loginCode);
 * ```
 */
export function createCloudcxClient(options: CloudcxClientOptions): CloudcxClient {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('"options" must be an object, e.g. { host: "cx.cloudfon.net:9001", auth: apiKey(key) }');
  }
  const client = createProviderClient<paths>({ security, baseUrl: resolveBaseUrl(options) }, options);
  return Object.assign(client, userMethods(client));
}
