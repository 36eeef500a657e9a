import { describe, expect, it } from 'vitest';
import {
  diffSpecs,
  type Finding,
  findingSentence,
  loadSpecFile,
  releaseNotes,
  renderReleaseNotes,
  rules,
} from '../src/index.ts';
import { readCorpus } from './support/corpus.ts';

describe('findingSentence', () => {
  it.each([
    [
      'response 200 application/json `[].status`: can now return "deleted"',
      '`[].status` in the 200 response (application/json) can now return "deleted".',
    ],
    [
      'request body application/json `sku`: required property added',
      '`sku` in the request body (application/json) was added, and is required.',
    ],
    [
      'request body application/json `qty`: minimum 0 → 1',
      '`qty` in the request body (application/json) changed minimum from 0 to 1.',
    ],
    ['query parameter `limit`: maximum 100 → 50', 'The query parameter `limit` changed maximum from 100 to 50.'],
    ['response 200 header `X-Rate-Limit` removed', 'The `X-Rate-Limit` header of the 200 response was removed.'],
    ['response 201 removed', 'The 201 response was removed.'],
    ['required query parameter `q` added', 'A required query parameter `q` was added.'],
    ['operation removed without being deprecated first', 'The operation was removed without being deprecated first.'],
    ['operationId listItems → getItems', 'The operationId changed from listItems to getItems.'],
    ['now requires scope oauth: write', 'The operation now requires scope oauth: write.'],
    [
      'response 400: media type application/json → application/problem+json',
      'The 400 response changed media type from application/json to application/problem+json.',
    ],
    [
      'security scheme `oauth2`: `x-token-request` `grants.authorization_code.grantTypeIn`: (none) → "body"',
      'The security scheme `oauth2` changed `x-token-request` `grants.authorization_code.grantTypeIn` from (none) to "body".',
    ],
    [
      'response 200 application/json: `discriminator` changed (spec-diff does not compare it)',
      'The 200 response body (application/json) changed `discriminator` (spec-diff does not compare it).',
    ],
    [
      'request body application/json `{oneOf#1}.client_id`: became optional',
      '`client_id` of the second `oneOf` alternative in the request body (application/json) became optional.',
    ],
    [
      'response 200 application/json `items[]{anyOf#0}{oneOf#2}.size`: became required',
      '`items[].size` of the third `oneOf` alternative of the first `anyOf` alternative in the 200 response (application/json) became required.',
    ],
    [
      'server https://{host} variable `host`: `x-required`: (none) → true',
      'The server https://{host} variable `host` changed `x-required` from (none) to true.',
    ],
    [
      'response 200 application/json `x`: something new',
      '`x` in the 200 response (application/json) changed — something new.',
    ],
  ])('%s', (message, sentence) => {
    expect(findingSentence(message)).toBe(sentence);
  });

  it('turns every message of the fixture corpus into a sentence, not a `subject: change` line', async () => {
    for (const { base, head, expected } of readCorpus()) {
      const [before, after] = await Promise.all([loadSpecFile(base), loadSpecFile(head)]);
      const options = { extensions: expected.extensions ?? {} };
      for (const f of [...diffSpecs(before, after, options).findings, ...diffSpecs(after, before, options).findings]) {
        const sentence = findingSentence(f.message);
        expect(sentence, f.message).toMatch(/^[A-Z`].*\.$/s);
        // A raw subject (`response 200 application/json …:`), or a change set apart, means no pattern read it.
        expect(sentence, f.message).not.toMatch(/^(Response \S+|Request body|Webhook payload|\w+ parameter)[^:]*: /);
        expect(sentence, f.message).not.toContain('changed — ');
        // Alternatives are named in words, not as the diff's `{oneOf#0}` markers.
        expect(sentence, f.message).not.toMatch(/\{(oneOf|anyOf)#/);
      }
    }
  });
});

const finding = (id: Finding['id'], operation: string | null, message: string): Finding => ({
  id,
  severity: rules[id].severity,
  operation,
  pointer: '',
  message,
});

describe('releaseNotes', () => {
  const findings = [
    finding('response-property-added', 'GET /a', 'response 200 application/json `note`: property added'),
    finding('server-added', null, 'server https://eu.example.test added'),
    finding('documentation-changed', 'GET /a', 'operation: summary changed'),
    finding('response-enum-value-added', 'GET /b', 'response 200 application/json `status`: can now return "x"'),
    finding('response-enum-value-added', 'GET /b', 'response 200 application/json `status`: can now return "x"'),
    {
      ...finding('operation-removed', 'DELETE /c', 'operation removed without being deprecated first'),
      acceptance: { reason: 'It never worked.', source: '.spec-diff.yaml:2', expired: false },
    },
  ];

  it('groups by operation, breaking first and the document last, each sentence once, with what to do', () => {
    const notes = releaseNotes(findings);
    expect(notes.map((n) => [n.operation, n.severity, n.changes.length])).toEqual([
      ['DELETE /c', 'breaking', 1],
      ['GET /b', 'breaking', 1],
      ['GET /a', 'info', 1],
      [null, 'info', 1],
    ]);
    expect(notes[1]!.changes[0]).toEqual({
      id: 'response-enum-value-added',
      severity: 'breaking',
      sentence: '`status` in the 200 response (application/json) can now return "x".',
      action: 'Handle the new values: an exhaustive switch needs a case or a default.',
    });
  });

  it('leaves documentation-only changes out unless asked', () => {
    expect(releaseNotes(findings, { documentation: true }).find((n) => n.operation === 'GET /a')!.changes).toHaveLength(
      2,
    );
  });

  it('renders a Markdown list for a changeset or a changelog', () => {
    expect(renderReleaseNotes(releaseNotes(findings))).toBe(
      [
        '- `DELETE /c`',
        '  - **Breaking:** The operation was removed without being deprecated first. Stop calling this operation; use the replacement the API documents. (Accepted: It never worked.)',
        '- `GET /b`',
        '  - **Breaking:** `status` in the 200 response (application/json) can now return "x". Handle the new values: an exhaustive switch needs a case or a default.',
        '- `GET /a`',
        '  - `note` in the 200 response (application/json) was added.',
        '- The API as a whole',
        '  - The server https://eu.example.test was added.',
      ].join('\n'),
    );
  });

  it.each([
    [
      "response 200 application/json: Type '{ id: string; name?: string | undefined; }[]' is not assignable to type '{ id: string; name: string; }[]'. Type '{ id: string; name?: string | undefined; }' is not assignable to type '{ id: string; name: string; }'.",
      "Code written against the previous types of the 200 response body (application/json) no longer compiles: Type '{ id: string; name?: string | undefined; }[]' is not assignable to type '{ id: string; name: string; }[]'.",
    ],
    [
      'response 200 headers: Type \'{ "X-Total-Count"?: number; }\' is not assignable to type \'{ "X-Total-Count"?: string; }\'. Types of property \'"X-Total-Count"\' are incompatible.',
      'Code written against the previous types of the headers of the 200 response no longer compiles: Type \'{ "X-Total-Count"?: number; }\' is not assignable to type \'{ "X-Total-Count"?: string; }\'.',
    ],
    [
      "query parameters: Property 'q' is missing in type '{ page?: number; }' but required in type '{ q: string; page?: number; }'.",
      "Code written against the previous types of the query parameters no longer compiles: Property 'q' is missing in type '{ page?: number; }' but required in type '{ q: string; page?: number; }'.",
    ],
  ])('gives a type-level break the first sentence of the compiler: %s', (message, sentence) => {
    const [note] = releaseNotes([finding('typescript-incompatible', 'GET /items', message)]);
    expect(note!.changes[0]).toMatchObject({ sentence, severity: 'breaking' });
  });
});
