// redocly.yaml's `apis:` as every tool reads them, from disk or from a git ref; bad entries are
// named by file and line.
import { describe, expect, it } from 'vitest';
import { ApiListError, findRepoRoot, listApis, parseApiList } from '../src/index.js';

const config = `# the APIs
apis:
  klika@v1:
    root: spec/klika/openapi.yaml
  wootric-cxi@v1:
    root: spec/wootric-cxi/openapi.yaml
    rules:
      no-ambiguous-paths: off
extends:
  - recommended
`;

describe('parseApiList', () => {
  it('lists each API with its bundle and client package', () => {
    expect(parseApiList(config, 'redocly.yaml')).toEqual([
      {
        name: 'klika@v1',
        id: 'klika',
        version: 'v1',
        root: 'spec/klika/openapi.yaml',
        bundled: { yaml: 'dist/klika.openapi.yaml', json: 'dist/klika.openapi.json' },
        client: { dir: 'packages/klika', name: '@oapi/klika', factory: 'createKlikaClient' },
      },
      expect.objectContaining({
        id: 'wootric-cxi',
        root: 'spec/wootric-cxi/openapi.yaml',
        client: expect.objectContaining({ factory: 'createWootricCxiClient' }),
      }),
    ]);
  });

  it('reads a config without apis as none', () => {
    expect(parseApiList('extends: [recommended]\n', 'redocly.yaml')).toEqual([]);
  });

  it.each([
    ['broken YAML', 'apis:\n  klika@v1:\n   root: [\n', 'main:redocly.yaml:4: invalid YAML'],
    ['apis as a list', 'apis:\n  - klika@v1\n', 'main:redocly.yaml:2: "apis" must map <id>@<version>'],
    [
      'a name without version',
      'apis:\n  klika:\n    root: a.yaml\n',
      'main:redocly.yaml:2: "klika" must be <id>@<version>',
    ],
    ['an upper-case id', 'apis:\n  Klika@v1:\n    root: a.yaml\n', 'main:redocly.yaml:2: "Klika@v1" must be'],
    ['no root', 'apis:\n  klika@v1:\n    rules: {}\n', 'main:redocly.yaml:3: apis.klika@v1.root must be the path'],
    [
      'an id twice',
      'apis:\n  a@v1:\n    root: a.yaml\n  a@v2:\n    root: b.yaml\n',
      'main:redocly.yaml:4: the id "a" is listed twice',
    ],
  ])('names the file and line of %s', (_, text, message) => {
    const error = (() => {
      try {
        parseApiList(text, 'main:redocly.yaml');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ApiListError);
    expect((error as Error).message).toMatch(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});

describe('listApis', () => {
  it("reads this repository's redocly.yaml", async () => {
    const apis = await listApis(findRepoRoot(import.meta.dirname));
    expect(apis.map((api) => api.id)).toEqual(expect.arrayContaining(['klika', 'wootric', 'wootric-cxi', 'cloudcx']));
  });
});
