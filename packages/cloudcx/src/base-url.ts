import { serverUrl } from '@oapi/runtime';
import { servers } from './generated/spec-meta.js';

export interface BaseUrlOptions {
  readonly host?: string | undefined;
  readonly baseUrl?: string | undefined;
}

const hostExample = '"cx.cloudfon.net:9001"';

function assertHost(host: unknown): asserts host is string {
  const problem =
    typeof host !== 'string' || host.trim() === ''
      ? 'must be a non-empty string'
      : /^[a-z][a-z0-9+.-]*:\/\//i.test(host)
        ? 'must be the host alone, without a scheme (https:// is implied)'
        : /[\s/?#@\\]/.test(host)
          ? 'must be the host alone, without a path, query, credentials or spaces'
          : URL.canParse(`https://${host}`)
            ? undefined
            : 'is not a valid host name with an optional port';
  if (problem) {
    throw new TypeError(
      `"options.host" ${problem}: the control panel's host, with the port when it is not 443, e.g. ${hostExample}`,
    );
  }
}

/**
 * The API's base URL: the spec's server `https://{host}` for `options.host`, or `options.baseUrl`
 * as given (tests, a proxy). Every call, `/oauth/token` included, goes to this one origin.
 */
export function resolveBaseUrl(options: BaseUrlOptions): string {
  if (options.host !== undefined && options.baseUrl !== undefined) {
    throw new TypeError('Pass either "options.host" or "options.baseUrl", not both');
  }
  if (options.baseUrl !== undefined) {
    if (
      typeof options.baseUrl !== 'string' ||
      !/^https?:\/\//i.test(options.baseUrl) ||
      !URL.canParse(options.baseUrl)
    ) {
      throw new TypeError('"options.baseUrl" must be an http(s) URL, e.g. "https://cx.cloudfon.net:9001"');
    }
    return options.baseUrl;
  }
  if (options.host === undefined) {
    throw new TypeError(`"options.host" is required: the tenant's control-panel host, e.g. ${hostExample}`);
  }
  assertHost(options.host);
  return serverUrl(servers[0], { host: options.host });
}
