// A reader's own server for the console's `?server=`: a provider's stateful fake (which knows the
// provider's rules) behind a front that allows the docs' origin (CORS), as any server must that a
// page on another origin calls. The fake sees each request as the browser sent it.
import { type LoopbackServer, listen, readBody } from '@oapi/test-support';

/** Headers that belong to one hop, not to the request or answer passed on. */
const hopByHop = new Set([
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'content-encoding',
]);

export async function allowingOrigin(target: string, origin: string): Promise<LoopbackServer> {
  const cors = {
    'access-control-allow-origin': origin,
    'access-control-allow-headers': 'authorization, content-type, accept',
    'access-control-allow-methods': 'GET, POST, PUT, DELETE',
  };
  return listen(async (req, res) => {
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    const headers = Object.entries(req.headers).flatMap(([name, value]) =>
      hopByHop.has(name) || value === undefined ? [] : [[name, String(value)] as [string, string]],
    );
    const body = await readBody(req);
    const answer = await fetch(`${target}${req.url ?? '/'}`, {
      method: req.method,
      headers,
      body: body === '' ? undefined : body,
    });
    const passed = [...answer.headers].filter(([name]) => !hopByHop.has(name));
    res.writeHead(answer.status, { ...Object.fromEntries(passed), ...cors }).end(await answer.text());
  });
}
