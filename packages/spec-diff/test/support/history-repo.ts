import { GitRepo } from './git-repo.ts';
import { nameMadeOptional, shopFiles } from './shop-spec.ts';

const ITEM = 'spec/shop/components/schemas/Item.yaml';
const ITEMS_PATH = 'spec/shop/paths/items.yaml';

/** The shop spec with a second path, `/items/{id}`: an addition. */
export const itemByIdAdded = {
  'spec/shop/openapi.yaml': `${shopFiles['spec/shop/openapi.yaml']!}  /items/{id}:\n    $ref: paths/items_{id}.yaml\n`,
  'spec/shop/paths/items_{id}.yaml': `get:
  operationId: getItem
  parameters:
    - {name: id, in: path, required: true, schema: {type: string}}
  responses:
    '200':
      description: The item.
      content:
        application/json:
          schema:
            $ref: ../components/schemas/Item.yaml
`,
};

/** The same paths file in flow style with other quoting: a different text, the same document. */
export const itemsReformatted = {
  [ITEMS_PATH]: `get: {operationId: listItems, responses: {"200": {description: "The items.", content: {application/json: {schema: {type: array, items: {$ref: ../components/schemas/Item.yaml}}}}}}}\n`,
};

/**
 * An API outside the shop folder that `$ref`s the shop's Item schema, as wootric-cxi `$ref`s
 * spec/wootric/: a change to Item.yaml is a change to it too.
 */
export const borrowerApi = {
  'spec/borrower/openapi.yaml': `openapi: 3.1.0
info: {title: Borrower, version: 1.0.0}
paths:
  /loans:
    get:
      operationId: listLoans
      responses:
        '200':
          description: The loans.
          content:
            application/json:
              schema:
                $ref: ../shop/components/schemas/Item.yaml
`,
};

/** Item gains an optional `price`: a response property added, for the shop and the borrower alike. */
export const itemPriceAdded = {
  [ITEM]: `${nameMadeOptional[ITEM]}  price: {type: number}\n`,
};

export interface ScriptedHistory {
  repo: GitRepo;
  /** Commit ids by the step that made them. */
  commits: Record<
    'added' | 'unrelated' | 'breaking' | 'readme' | 'reformat' | 'borrower' | 'additive' | 'price',
    string
  >;
}

/**
 * A repository whose shop spec is added, made incompatible, given a README in its folder,
 * reformatted and extended; another commit touches only an unrelated file, one adds an API that
 * borrows the shop's Item schema, and the last changes that schema.
 */
export function scriptedHistory(): ScriptedHistory {
  const repo = new GitRepo({ 'README.md': 'A repository.\n' });
  const head = () => repo.git('rev-parse', 'HEAD').trim();
  const step = (files: Record<string, string>, message: string) => {
    repo.write(files);
    repo.commit(message);
    return head();
  };
  const commits = {
    added: step(shopFiles, 'shop: first spec'),
    unrelated: step({ 'README.md': 'A repository of specs.\n' }, 'docs: readme'),
    breaking: step(nameMadeOptional, 'shop: name is optional <b>&amp; "quoted"</b>'),
    readme: step({ 'spec/shop/README.md': 'The shop API.\n' }, 'shop: a readme beside the spec'),
    reformat: step(itemsReformatted, 'shop: flow style'),
    borrower: step(borrowerApi, 'borrower: first spec'),
    additive: step(itemByIdAdded, 'shop: GET /items/{id}'),
    price: step(itemPriceAdded, 'shop: items have a price'),
  };
  return { repo, commits };
}

export { ITEM, ITEMS_PATH };
