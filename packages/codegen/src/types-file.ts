import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

/** openapi-typescript's `paths`, `webhooks`, `components` and `operations` for one bundled spec. */
export async function renderTypes(spec: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(spec as unknown as OpenAPI3, { silent: true });
  return astToString(ast);
}
