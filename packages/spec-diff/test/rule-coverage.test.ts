import { describe, expect, it } from 'vitest';
import { type RuleId, ruleIds, rules } from '../src/index.ts';
import { inverseRules, readCorpus } from './support/corpus.ts';

const corpus = readCorpus();
const has = (findings: Array<{ id: string }> | undefined, id: RuleId): boolean =>
  findings?.some((f) => f.id === id) ?? false;

/**
 * Every rule is shown flagged by one run of the corpus, and not flagged by a run that is its inverse:
 * the same case swapped (base ↔ head) when only one direction flags it, or a case declared
 * `inverseOf` the rule, which makes a resembling change that must not flag it.
 */
describe('every rule has a flagged case and an inverse case', () => {
  it.each(ruleIds)('%s', (id) => {
    const flagged = corpus.filter(
      (c) =>
        has(c.expected.findings, id) ||
        has(c.expected.swapped, id) ||
        has(c.expected.types, id) ||
        has(c.expected.swappedTypes, id),
    );
    const inverse = corpus.filter(
      (c) =>
        (inverseRules(c.expected).includes(id) && !has(c.expected.findings, id)) ||
        (c.expected.swapped !== undefined && has(c.expected.findings, id) !== has(c.expected.swapped, id)) ||
        (c.expected.types !== undefined && has(c.expected.types, id) !== has(c.expected.swappedTypes, id)),
    );
    expect(
      flagged.map((c) => c.name),
      `no case flags ${id}`,
    ).not.toEqual([]);
    expect(
      inverse.map((c) => c.name),
      `no inverse case for ${id}`,
    ).not.toEqual([]);
  });
});

describe('the corpus', () => {
  it('has at least 60 base/head pairs', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
  });

  it.each(corpus)('$name names real rules and shows what it claims', ({ expected }) => {
    for (const f of [...expected.findings, ...(expected.swapped ?? []), ...(expected.types ?? [])])
      expect(rules).toHaveProperty([f.id]);
    if (expected.rule) expect(has(expected.findings, expected.rule) || has(expected.swapped, expected.rule)).toBe(true);
    for (const id of inverseRules(expected)) {
      expect(rules).toHaveProperty([id]);
      expect(has(expected.findings, id)).toBe(false);
    }
  });
});
