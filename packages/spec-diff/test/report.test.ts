import { describe, expect, it } from 'vitest';
import { type Finding, summarize } from '../src/index.ts';
import { renderFindingsMarkdown } from '../src/report/markdown.ts';

const finding = (id: Finding['id'], severity: Finding['severity'], operation: string | null, n = 0): Finding => ({
  id,
  severity,
  operation,
  pointer: `/paths/~1x/get/${n}`,
  message: `change ${n}`,
});

describe('summarize', () => {
  it.each([
    [[], 'none'],
    [[finding('documentation-changed', 'info', 'GET /a')], 'patch'],
    [
      [finding('documentation-changed', 'info', 'GET /a'), finding('response-property-added', 'info', 'GET /a')],
      'minor',
    ],
    [[finding('operation-deprecated', 'warning', 'GET /a')], 'minor'],
    [
      [finding('response-property-added', 'info', 'GET /a'), finding('operation-removed', 'breaking', 'GET /b')],
      'major',
    ],
  ] as const)('%j needs %s', (findings, bump) => {
    expect(summarize([...findings]).bump).toBe(bump);
  });

  it('counts by severity, sorts breaking first and drops duplicates', () => {
    const info = finding('response-property-added', 'info', 'GET /a', 1);
    const breaking = finding('operation-removed', 'breaking', 'GET /b', 2);
    const result = summarize([info, breaking, { ...info }]);
    expect(result.summary).toEqual({ breaking: 1, warning: 0, info: 1 });
    expect(result.findings).toEqual([breaking, info]);
  });
});

describe('markdown', () => {
  it('groups each severity by operation, document-level findings under "Document"', () => {
    const md = renderFindingsMarkdown([
      finding('operation-removed', 'breaking', 'GET /b', 1),
      finding('server-removed', 'breaking', null, 2),
      finding('type-changed', 'breaking', 'GET /b', 3),
    ]);
    expect(md).toBe(
      '#### Breaking changes (3)\n\n**`GET /b`**\n- change 1 <sub>`operation-removed`</sub>\n- change 3 <sub>`type-changed`</sub>\n\n**`Document`**\n- change 2 <sub>`server-removed`</sub>\n',
    );
  });

  it('stops before the length limit and says how many findings it left out', () => {
    const many = Array.from({ length: 500 }, (_, i) => finding('response-property-added', 'info', `GET /op${i}`, i));
    const md = renderFindingsMarkdown(many, 2_000);
    expect(md.length).toBeLessThan(2_200);
    const shown = md.split('\n').filter((l) => l.startsWith('- ')).length;
    expect(shown).toBeGreaterThan(10);
    expect(md).toContain(`_…and ${500 - shown} more findings not shown here`);
    expect(md.match(/<details>/g)).toHaveLength(1);
    expect(md.match(/<\/details>/g)).toHaveLength(1);
  });

  it('folds additions and documentation-only changes in separate sections, after the open ones', () => {
    const md = renderFindingsMarkdown([
      finding('operation-deprecated', 'warning', 'GET /a', 1),
      finding('response-property-added', 'info', 'GET /a', 2),
      finding('documentation-changed', 'info', 'GET /a', 3),
    ]);
    const order = [
      '#### Warnings (1)',
      '<details><summary>Additions and compatible changes (1)</summary>',
      '<details><summary>Documentation only (1)</summary>',
    ].map((h) => md.indexOf(h));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(md.match(/<\/details>/g)).toHaveLength(2);
  });
});
