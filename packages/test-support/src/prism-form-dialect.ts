// Prism reads form bodies as OpenAPI deepObject fields: `a[b]=` and indexed arrays `a[0]=`. It
// reads a Rails array `a[]=x` as an empty array and never looks at its values, and it cannot read
// an array of hashes in any spelling. So that Prism validates what a Rails server would parse from
// a client's form body, the body is parsed as Rack does and spelled again the way Prism reads it.

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fields(name: string, value: unknown, out: URLSearchParams): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (isRecord(item) || Array.isArray(item)) {
        throw new Error(
          `Prism cannot read "${name}[]" (an array of hashes or arrays) in a form body: check it against a stateful fake instead`,
        );
      }
      fields(`${name}[${index}]`, item, out);
    });
  } else if (isRecord(value)) {
    for (const [key, child] of Object.entries(value)) fields(`${name}[${key}]`, child, out);
  } else {
    out.append(name, String(value));
  }
}

/** Parsed form params spelled as OpenAPI deepObject fields with indexed arrays. */
export function deepObjectForm(params: Record<string, unknown>): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) fields(key, value, out);
  return out.toString();
}

/**
 * A fetch that re-spells every `application/x-www-form-urlencoded` body for Prism: parsed with
 * `parse` (a Rack-faithful parser), written with `deepObjectForm`. `wireBodies` keeps each body as
 * the client sent it, for assertions on the real spelling.
 */
export function prismFormDialect(fetch: typeof globalThis.fetch, parse: (body: string) => Record<string, unknown>) {
  const wireBodies: string[] = [];
  const dialectFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    if (request.headers.get('content-type') !== 'application/x-www-form-urlencoded') return fetch(request);
    const body = await request.text();
    wireBodies.push(body);
    return fetch(new Request(request, { body: deepObjectForm(parse(body)) }));
  };
  return { fetch: dialectFetch as typeof globalThis.fetch, wireBodies };
}
