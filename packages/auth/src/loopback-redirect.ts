// The redirect URI of a native app or CLI (RFC 8252 §7.3): an http server on 127.0.0.1 that waits
// for the browser's one callback, answers with a static page and stops. It never logs or echoes
// what the callback carries.
import { createServer, type Server } from 'node:http';
import { AuthError } from './errors.js';

export interface LoopbackRedirectOptions {
  /** The redirect URI's path. Default `/callback`. */
  readonly path?: string;
  /** A fixed port, for providers that register the exact redirect URI. Default: any free port. */
  readonly port?: number;
  /** Milliseconds to wait for the callback. Default 300 000 (five minutes). */
  readonly timeoutMs?: number;
  /** Stops waiting, and the server, when aborted. */
  readonly signal?: AbortSignal;
}

export interface LoopbackRedirect {
  /** `http://127.0.0.1:<port><path>`: the `redirectUri` of the authorization request and of the code exchange. */
  readonly redirectUri: string;
  /** The callback URL, once the browser arrives with a `code` or an `error`; check it with `readAuthorizationCallback()`. */
  waitForCallback(): Promise<URL>;
  /** Stops the server (done by itself after the callback, a timeout or an abort). */
  close(): Promise<void>;
}

const page = (ok: boolean) =>
  `<!doctype html><meta charset="utf-8"><title>Authorization</title><p>${ok ? 'Signed in.' : 'Authorization failed.'} You can close this window and return to the application.</p>`;

function checkOptions(options: LoopbackRedirectOptions): void {
  if (options.path !== undefined && !/^\/[^?#]*$/.test(options.path))
    throw new TypeError('"options.path" must be a path starting with "/"');
  const port = options.port;
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536))
    throw new TypeError('"options.port" must be a port number');
  const timeout = options.timeoutMs;
  if (timeout !== undefined && !(typeof timeout === 'number' && timeout > 0))
    throw new TypeError('"options.timeoutMs" must be a positive number');
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as { port: number }).port);
    });
  });
}

/** Starts the loopback redirect: give its `redirectUri` to `createAuthorizationRequest()`. */
export async function startLoopbackRedirect(options: LoopbackRedirectOptions = {}): Promise<LoopbackRedirect> {
  checkOptions(options);
  options.signal?.throwIfAborted();
  const path = options.path ?? '/callback';
  const timeoutMs = options.timeoutMs ?? 300_000;

  let settle!: { resolve: (url: URL) => void; reject: (error: unknown) => void };
  const callback = new Promise<URL>((resolve, reject) => {
    settle = { resolve, reject };
  });
  callback.catch(() => undefined); // the caller sees the rejection through waitForCallback()

  let redirectUri = '';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', redirectUri);
    const params = url.searchParams;
    if (req.method !== 'GET' || url.pathname !== path || !(params.has('code') || params.has('error'))) {
      res.writeHead(404, { 'content-type': 'text/plain', connection: 'close' }).end('Not found');
      return;
    }
    const headers = {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      connection: 'close',
    };
    res.writeHead(200, headers).end(page(params.has('code')));
    settle.resolve(url);
    res.on('finish', () => void close());
  });

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    return closed;
  };
  const fail = (error: unknown) => {
    settle.reject(error);
    void close();
    server.closeAllConnections();
  };
  const onAbort = () => fail(options.signal?.reason);
  const timer = setTimeout(
    () =>
      fail(
        new AuthError('callback_timeout', `No authorization callback reached ${redirectUri} within ${timeoutMs} ms.`),
      ),
    timeoutMs,
  );
  timer.unref();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  try {
    redirectUri = `http://127.0.0.1:${await listen(server, options.port ?? 0)}${path}`;
  } catch (error) {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    throw error;
  }
  return { redirectUri, waitForCallback: () => callback, close };
}
