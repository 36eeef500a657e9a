import { GitRepo } from './git-repo.ts';

/** A small split spec, laid out as this repository's specs are, for the repository command's tests. */
export const shopFiles: Record<string, string> = {
  'redocly.yaml': 'apis:\n  shop@v1:\n    root: spec/shop/openapi.yaml\n',
  'spec/shop/openapi.yaml': `openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /items:
    $ref: paths/items.yaml
`,
  'spec/shop/paths/items.yaml': `get:
  operationId: listItems
  responses:
    '200':
      description: The items.
      content:
        application/json:
          schema:
            type: array
            items:
              $ref: ../components/schemas/Item.yaml
`,
  'spec/shop/components/schemas/Item.yaml': `type: object
required: [id, name]
properties:
  id: {type: string}
  name: {type: string}
`,
  'packages/shop/package.json': JSON.stringify({ name: '@oapi/shop', version: '0.1.0' }),
  '.changeset/README.md': 'Changesets live here.\n',
};

/** The head of a PR that makes `name` optional in every response: a breaking change. */
export const nameMadeOptional = {
  'spec/shop/components/schemas/Item.yaml': shopFiles['spec/shop/components/schemas/Item.yaml']!.replace(
    '[id, name]',
    '[id]',
  ),
};

export const otherApi: Record<string, string> = {
  'redocly.yaml':
    'apis:\n  shop@v1:\n    root: spec/shop/openapi.yaml\n  other@v1:\n    root: spec/other/openapi.yaml\n',
  'spec/other/openapi.yaml': `openapi: 3.1.0
info: {title: Other, version: 1.0.0}
paths:
  /things:
    get:
      responses:
        '200': {description: ok}
`,
};

/** A PR that makes `name` optional in every response, uncommitted on top of the shop. */
export function prWithBreakingChange(): GitRepo {
  const repo = new GitRepo(shopFiles);
  repo.write(nameMadeOptional);
  return repo;
}
