// A fetch that answers from a script and records what it was sent, for middleware tests.
export interface SentRequest {
  readonly method: string;
  readonly url: string;
  readonly body: string;
  readonly authorization: string | null;
  readonly contentType: string | null;
}

export type Reply = Response | Error | ((request: Request) => Response | Promise<Response>);

export function scriptedFetch(replies: Reply[]) {
  const sent: SentRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    sent.push({
      method: request.method,
      url: request.url,
      body: await request.text(),
      authorization: request.headers.get('authorization'),
      contentType: request.headers.get('content-type'),
    });
    const reply = replies.shift();
    if (reply === undefined) throw new Error(`unexpected request ${request.method} ${request.url}`);
    if (reply instanceof Error) throw reply;
    return typeof reply === 'function' ? reply(request) : reply;
  };
  return { fetch: fetch as typeof globalThis.fetch, sent };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** A test API: one list (GET), one create (POST), one replace (PUT). */
export interface paths {
  '/things': {
    get: {
      parameters: { query?: { page?: number } };
      responses: {
        200: { content: { 'application/json': Array<{ id: number }> } };
        429: { content: { 'application/json': { errors: Array<{ message: string }> } } };
      };
    };
    post: {
      requestBody: { content: { 'application/x-www-form-urlencoded': { thing: { name: string } } } };
      responses: { 200: { content: { 'application/json': { id: number } } } };
    };
    put: {
      requestBody: { content: { 'application/x-www-form-urlencoded': { thing: { name: string } } } };
      responses: { 200: { content: { 'application/json': { id: number } } } };
    };
  };
}
