import { describe, expect, it } from 'vitest';
import { checkTypes, diffSpecs, type Finding, loadSpecFile, rules } from '../src/index.ts';
import { type ExpectedFinding, readCorpus } from './support/corpus.ts';

const corpus = readCorpus();

const key = (f: { id: string; operation: string | null; pointer: string }): string =>
  JSON.stringify([f.id, f.operation, f.pointer]);

function expectFindings(actual: Finding[], expected: ExpectedFinding[]): void {
  expect(actual.map(key).sort()).toEqual(expected.map(key).sort());
  for (const finding of actual) expect(finding.severity).toBe(rules[finding.id].severity);
  for (const want of expected.filter((e) => e.message !== undefined)) {
    expect(actual.filter((f) => key(f) === key(want)).map((f) => f.message)).toContain(want.message);
  }
}

describe('fixture corpus: base → head', () => {
  it.each(corpus)('$name', async ({ base, head, expected }) => {
    const [before, after] = await Promise.all([loadSpecFile(base), loadSpecFile(head)]);
    expectFindings(diffSpecs(before, after, { extensions: expected.extensions ?? {} }).findings, expected.findings);
  });
});

describe('fixture corpus: head → base (the inverse change)', () => {
  it.each(corpus.filter((c) => c.expected.swapped !== undefined))('$name', async ({ base, head, expected }) => {
    const [before, after] = await Promise.all([loadSpecFile(base), loadSpecFile(head)]);
    expectFindings(diffSpecs(after, before, { extensions: expected.extensions ?? {} }).findings, expected.swapped!);
  });
});

describe('fixture corpus: the type check, both ways', () => {
  it.each(corpus.filter((c) => c.expected.types !== undefined))('$name', async ({ base, head, expected }) => {
    const [before, after] = await Promise.all([loadSpecFile(base), loadSpecFile(head)]);
    const check = async (from: typeof before, to: typeof before) =>
      (await checkTypes(from, to, { findings: diffSpecs(from, to).findings })).findings;
    expectFindings(await check(before, after), expected.types!);
    expectFindings(await check(after, before), expected.swappedTypes ?? []);
  });
});
