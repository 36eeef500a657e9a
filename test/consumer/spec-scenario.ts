// The scenario of a client that has no provider fake of its own yet (one `pnpm new-provider` just
// made): what its spec promises, checked on the installed package. The client calls the spec's first
// GET without path parameters with a static credential, against a fake that answers only a request
// carrying that credential; a wrong credential must throw the client's own error classes.
import type { ApiEntry } from '@oapi/api-list';
import { operationList } from '@oapi/codegen';
import { listen, sendJson } from '@oapi/test-support';
import type { RunningFake, Scenario } from './scenarios.js';

const token = 'consumer-static-credential';

/** Echoes the path of a request carrying `token` (as a bearer token or an API key); refuses others with 401. */
async function startEchoFake(): Promise<RunningFake> {
  const server = await listen((req, res) => {
    const values = Object.values(req.headers);
    const authorized = values.includes(token) || values.includes(`Bearer ${token}`);
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    sendJson(res, authorized ? 200 : 401, authorized ? { path } : { error: 'unauthorized' });
  });
  return { hosts: { api: server.url, token: server.url }, close: () => server.close() };
}

export function specScenario(api: ApiEntry, spec: Record<string, unknown>): Scenario {
  const operation = operationList(spec).find((o) => o.method === 'GET' && !o.path.includes('{'));
  if (!operation) throw new Error(`${api.root} has no GET without path parameters for the consumer tests to call`);
  const client = (credential: string) => `
      const auth = m.bearerToken ? m.bearerToken(${JSON.stringify(credential)}) : m.apiKey(${JSON.stringify(credential)});
      const client = m.${api.client.factory}({ baseUrl: hosts.api, auth });`;
  const path = JSON.stringify(operation.path);
  return {
    name: api.client.name,
    start: startEchoFake,
    call: `${client(token)}
      const { data, response } = await client.GET(${path});
      return [response.status, data.path, m.provider.id];`,
    expected: [200, operation.path, api.id],
    errors: `${client('not-the-credential')}
      const refused = await (async () => { try { await client.GET(${path}).then(m.unwrap); } catch (e) { return e; } })();
      return [refused instanceof m.UnauthorizedError, refused instanceof m.ApiError, refused.status];`,
    expectedErrors: [true, true, 401],
  };
}
