import { request } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startPrism, type PrismMock } from '@oapi/test-support';
import { serveFiles, type StaticServer, startStaticServer } from './static-server.js';

export interface DocsServer extends StaticServer {
  /** Each running sandbox, by provider id: its path on the docs server (`/sandbox/<id>`). */
  readonly sandboxes: Readonly<Record<string, string>>;
  /** Why a provider has no sandbox (Prism did not start), by id. */
  readonly failures: Readonly<Record<string, string>>;
}

/** Passes a request on to `target` (`http://127.0.0.1:<port>`) with `path`, and its answer back. */
function forward(req: IncomingMessage, res: ServerResponse, target: string, path: string): void {
  const upstream = request(
    new URL(path, target),
    { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', (error) => {
    res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' }).end(`sandbox unreachable: ${error.message}`);
  });
  req.pipe(upstream);
}

/**
 * The docs site (`root`) on 127.0.0.1, with a Prism sandbox per bundled spec (`specs`: id → file)
 * behind `/sandbox/<id>/…` on the same origin, so the console reaches it with no cross-origin
 * request. `/sandboxes.json` lists the sandboxes that started; the rest of the site is as built.
 */
export async function startDocsServer(
  root: string,
  specs: Readonly<Record<string, string>>,
  port = 0,
): Promise<DocsServer> {
  const mocks = new Map<string, PrismMock>();
  const failures: Record<string, string> = {};
  await Promise.all(
    Object.entries(specs).map(async ([id, file]) => {
      try {
        mocks.set(id, await startPrism(file));
      } catch (error) {
        failures[id] = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      }
    }),
  );
  const sandboxes = Object.fromEntries([...mocks.keys()].sort().map((id) => [id, `/sandbox/${id}`]));
  const files = serveFiles(root);
  let server: StaticServer;
  try {
    server = await startStaticServer(root, port, (req, res) => {
      const url = req.url ?? '/';
      const sandbox = /^\/sandbox\/([^/?#]+)(.*)$/.exec(url);
      if (sandbox && mocks.has(sandbox[1]!)) {
        forward(req, res, mocks.get(sandbox[1]!)!.baseUrl, sandbox[2] || '/');
      } else if (url.split('?')[0] === '/sandboxes.json') {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(`${JSON.stringify(sandboxes)}\n`);
      } else files(req, res);
    });
  } catch (error) {
    await Promise.all([...mocks.values()].map((mock) => mock.stop()));
    throw error;
  }
  return {
    ...server,
    sandboxes,
    failures,
    close: async () => {
      await server.close();
      await Promise.all([...mocks.values()].map((mock) => mock.stop()));
    },
  };
}
