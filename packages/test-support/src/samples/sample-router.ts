// Where a sample's requests go in a test: each is recorded with the URL the sample asked for (the
// real host, `https://api.wootric.com/oauth/token`) and handed to the fetch routed for that origin
// (a fake, Prism); an origin with no route answers 502 and names it. The curl runner calls `fetch`
// in-process; a TypeScript sample in a child process reaches the same router over loopback, its
// fetch rewritten by `runTypeScriptSample`.
import { listen, type LoopbackServer, readBody } from '../loopback.js';

export interface RecordedRequest {
  readonly method: string;
  /** What the sample asked for, host included. */
  readonly url: URL;
  readonly headers: Headers;
  /** The body as sent (multipart bodies as their raw text). */
  readonly body: string;
  /** The answer's status, once it came (502 for an origin with no route). */
  status?: number;
}

export interface SampleRouter {
  /** Sends a sample's request to the fetch routed for its origin, recording it. */
  readonly fetch: (request: Request) => Promise<Response>;
  /** The loopback server child processes send to (`x-sample-url` names the real URL). */
  readonly server: LoopbackServer;
  readonly requests: RecordedRequest[];
  /** Routes `origin` (`https://api.wootric.com`) to `fetch`, replacing any route before. */
  route(origin: string, fetch: (request: Request) => Promise<Response>): void;
  /** Drops every route and recorded request. */
  reset(): void;
  close(): Promise<void>;
}

/** A fetch that sends a request to `baseUrl` with the same path, query, method, headers and body. */
export function forwardTo(baseUrl: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    const body = request.body === null ? undefined : await request.arrayBuffer();
    return globalThis.fetch(new URL(`${url.pathname}${url.search}`, baseUrl), {
      method: request.method,
      headers: request.headers,
      body,
      redirect: 'manual',
    });
  };
}

export const sampleUrlHeader = 'x-sample-url';

export async function startSampleRouter(): Promise<SampleRouter> {
  const routes = new Map<string, (request: Request) => Promise<Response>>();
  const requests: RecordedRequest[] = [];
  const send = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const headers = new Headers(request.headers);
    // The body may be spelled again on its way (prismFormDialect): its length is fetch's to set.
    for (const name of [sampleUrlHeader, 'content-length', 'transfer-encoding']) headers.delete(name);
    const body = request.body === null ? '' : await request.text();
    const record: RecordedRequest = { method: request.method, url, headers, body };
    requests.push(record);
    const target = routes.get(url.origin);
    const response = target
      ? await target(new Request(url, { method: request.method, headers, body: body === '' ? undefined : body }))
      : new Response(`no route for ${url.origin} in this test`, { status: 502 });
    record.status = response.status;
    return response;
  };
  const server = await listen(async (req, res) => {
    const target = req.headers[sampleUrlHeader];
    if (typeof target !== 'string') {
      res.writeHead(400).end(`missing ${sampleUrlHeader}`);
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (value !== undefined && name !== 'host' && name !== 'connection')
        headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    const text = await readBody(req);
    const response = await send(
      new Request(target, { method: req.method, headers, body: text === '' ? undefined : text }),
    );
    const out: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name)) out[name] = value;
    });
    res.writeHead(response.status, out);
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  return {
    fetch: send,
    server,
    requests,
    route: (origin, fetch) => void routes.set(new URL(origin).origin, fetch),
    reset: () => {
      routes.clear();
      requests.length = 0;
    },
    close: () => server.close(),
  };
}
