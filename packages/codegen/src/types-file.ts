import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import ts from 'typescript';
import { operationList } from './operations.js';

const deprecatedNote =
  '* @deprecated The spec marks this operation deprecated: a call to it is reported once (`onDeprecation`). ';

/**
 * openapi-typescript marks a deprecated operation `@deprecated` in `paths` only; its entry in
 * `operations`, where types such as a query's are read from, says so too.
 */
function markDeprecatedOperations(ast: readonly ts.Node[], operationIds: ReadonlySet<string>): void {
  for (const node of ast) {
    if (!ts.isInterfaceDeclaration(node) || node.name.text !== 'operations') continue;
    for (const member of node.members) {
      const name = member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) && member.name.text;
      if (name && operationIds.has(name))
        ts.addSyntheticLeadingComment(member, ts.SyntaxKind.MultiLineCommentTrivia, deprecatedNote, true);
    }
  }
}

/** openapi-typescript's `paths`, `webhooks`, `components` and `operations` for one bundled spec. */
export async function renderTypes(spec: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(spec as unknown as OpenAPI3, { silent: true });
  const deprecated = operationList(spec).filter((operation) => operation.deprecated);
  markDeprecatedOperations(ast, new Set(deprecated.map((operation) => operation.operationId)));
  return astToString(ast);
}
