import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleIds, rules } from '../src/index.ts';
import { runCli } from './support/run-cli.ts';

const rulesMd = new URL('../RULES.md', import.meta.url);

describe('the rule table', () => {
  it('RULES.md is what `spec-diff rules --format markdown` prints (regenerate it, do not edit it)', async () => {
    const run = await runCli(['rules', '--format', 'markdown'], process.cwd());
    expect(run.code).toBe(0);
    expect(readFileSync(rulesMd, 'utf8')).toBe(run.stdout);
  });

  it('has one row per rule, with its severity', () => {
    const rows = readFileSync(rulesMd, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('| `'));
    expect(rows.map((r) => r.split('`')[1])).toEqual(ruleIds);
    for (const row of rows) {
      const id = row.split('`')[1] as (typeof ruleIds)[number];
      expect(row).toContain(`| ${rules[id].severity} |`);
    }
  });

  it('maps severities to bumps: breaking is major, warning minor, info minor or patch', () => {
    for (const id of ruleIds) {
      const { severity, bump } = rules[id];
      const allowed = severity === 'breaking' ? ['major'] : severity === 'warning' ? ['minor'] : ['minor', 'patch'];
      expect(allowed, id).toContain(bump);
    }
  });
});
