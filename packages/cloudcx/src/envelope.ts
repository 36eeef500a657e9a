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
