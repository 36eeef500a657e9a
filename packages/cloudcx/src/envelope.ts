import { CloudcxApiError, isEnvelope, successCode } from './api-error.js';

/** The `data` of an operation's success envelope: `UserPage` for `UserPageEnvelope`. */
export type EnvelopeData<Reply> = Reply extends { code: typeof successCode; data: infer Data } ? Data : never;

interface FetchResult<Data, Error> {
  data?: Data;
  error?: Error;
  response: Response;
}

/** `data` of a success envelope; a CloudcxApiError for anything else (any status, any code). */
export function envelopeData<Data>(response: Response, body: unknown): Data {
  if (!response.ok || !isEnvelope(body) || body.code !== successCode) throw new CloudcxApiError(response, body);
  return body.data as Data;
}

/**
 * The `data` of an openapi-fetch result whose reply is a CloudCX envelope, or a thrown
 * `CloudcxApiError`: `const page = unwrapEnvelope(await cloudcx.GET('/openapi/v2/user/page', …))`.
 * `code` is checked before `data`, so an error under HTTP 200 throws too.
 */
export function unwrapEnvelope<Data, Error>(result: FetchResult<Data, Error>): EnvelopeData<Data> {
  return envelopeData(result.response, result.response.ok ? result.data : result.error);
}

/** What `unwrap` returns: an envelope's `data`, or the reply itself for the token endpoint. */
export type Unwrapped<Reply> = Reply extends { code: string; data?: unknown } ? EnvelopeData<Reply> : Reply;

/**
 * Like `unwrapEnvelope` for enveloped replies, and the plain reply for the one operation that has
 * no envelope (`POST /oauth/token`); a `CloudcxApiError` for any failure. The one helper the docs'
 * samples use for every operation.
 */
export function unwrap<Data, Error>(result: FetchResult<Data, Error>): Unwrapped<Data> {
  const body = result.response.ok ? result.data : result.error;
  if (result.response.ok && !isEnvelope(body)) return body as Unwrapped<Data>;
  return envelopeData(result.response, body);
}
