import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtensionTable, RuleId } from '../../src/index.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export interface ExpectedFinding {
  id: RuleId;
  operation: string | null;
  pointer: string;
  message?: string;
}

/** `expected.json` of a fixture case: the findings of base → head, and of head → base when given. */
export interface Expected {
  description: string;
  /** The rule this case shows flagged. */
  rule?: RuleId;
  /** The rules this case shows not flagged by a change that resembles what they flag. */
  inverseOf?: RuleId | RuleId[];
  /** The extension table to diff with. */
  extensions?: ExtensionTable;
  findings: ExpectedFinding[];
  swapped?: ExpectedFinding[];
  /** What the type check (`checkTypes`) finds, base → head and head → base, when the case checks types. */
  types?: ExpectedFinding[];
  swappedTypes?: ExpectedFinding[];
}

export interface FixtureCase {
  name: string;
  base: string;
  head: string;
  expected: Expected;
}

/** A side of a case is `base.yaml`, `base.json`, or a folder `base/` whose root is `openapi.yaml`. */
function sidePath(dir: string, side: 'base' | 'head'): string {
  for (const candidate of [`${side}.yaml`, `${side}.json`, `${side}/openapi.yaml`]) {
    if (existsSync(join(dir, candidate))) return join(dir, candidate);
  }
  throw new Error(`fixture ${dir} has no ${side}`);
}

export function readCorpus(): FixtureCase[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const dir = join(FIXTURES, name);
      return {
        name,
        base: sidePath(dir, 'base'),
        head: sidePath(dir, 'head'),
        expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected,
      };
    });
}

export const inverseRules = (expected: Expected): RuleId[] =>
  expected.inverseOf === undefined ? [] : [expected.inverseOf].flat();

/** A fresh directory holding a fixture case's `base.yaml` and `head.yaml`, and `files` beside them. */
export function fixtureWorkspace(name: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), `spec-diff-${name}-`));
  for (const side of ['base', 'head']) copyFileSync(join(FIXTURES, name, `${side}.yaml`), join(dir, `${side}.yaml`));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}
