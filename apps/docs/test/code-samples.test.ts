// Every generated code sample and quickstart compiles against the real, built client packages.
import { typecheckSnippets } from '@oapi/test-support';
import { findRepoRoot } from '@oapi/api-list';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeSamples, withCodeSamples } from '../src/code-samples.js';
import { loadProviders, type Provider } from '../src/providers.js';
import { quickstarts } from '../src/quickstart.js';
import { specOperations } from '../src/spec-json.js';
import { clientCheckDir } from './client-links.js';

const repoRoot = findRepoRoot(import.meta.dirname);
let providers: Provider[];
let check: ReturnType<typeof clientCheckDir>;

beforeAll(async () => {
  providers = await loadProviders(repoRoot);
  check = clientCheckDir(providers);
});
afterAll(() => check?.remove());

describe('code samples', () => {
  it('exist for every operation of every provider with a client, and for no other', () => {
    expect(providers.some((p) => p.client)).toBe(true);
    for (const provider of providers) {
      const expected = provider.client ? specOperations(provider.spec).map((op) => op.operationId) : [];
      expect(
        codeSamples(provider).map((s) => s.operationId),
        provider.id,
      ).toEqual(expected);
    }
  });

  it('are injected as x-codeSamples into a copy of the spec, leaving the spec alone', () => {
    for (const provider of providers.filter((p) => p.client)) {
      const before = JSON.stringify(provider.spec);
      const rendered = withCodeSamples(provider);
      expect(JSON.stringify(provider.spec)).toBe(before);
      for (const op of specOperations(rendered)) {
        const samples = op.operation['x-codeSamples'] as Array<{ lang: string; label: string; source: string }>;
        expect(samples.at(-1), `${provider.id} ${op.operationId}`).toMatchObject({
          lang: 'TypeScript',
          label: provider.client!.name,
        });
        expect(samples.at(-1)!.source).toContain(`${op.method.toUpperCase()}('${op.path}'`);
      }
    }
  });

  it('all compile against the real client types', () => {
    const snippets = providers.flatMap((provider) => codeSamples(provider));
    expect(snippets.length).toBeGreaterThan(0);
    expect(typecheckSnippets(snippets, check.dir)).toEqual([]);
  }, 120_000);

  it('would fail to compile with a wrong path, parameters, body or import (the check is real)', () => {
    const samples = providers.flatMap((provider) => codeSamples(provider));
    const withParams = samples.find((s) => s.code.includes('path: { '))!;
    const withBody = samples.find((s) => s.code.includes('body: {'))!;
    const broken = [
      {
        name: 'unknown path',
        code: withParams.code.replace(/\.(GET|POST|PUT|PATCH|DELETE)\('[^']+'/, ".$1('/no/such/path'"),
      },
      {
        name: 'parameter of the wrong type',
        code: withParams.code.replace(/path: \{ ([\w$]+): [^,}]+/, 'path: { $1: { wrong: true }'),
      },
      { name: 'missing parameters', code: withParams.code.replace(/params: \{ path: \{[^}]*\} \}/, 'params: {}') },
      { name: 'body of the wrong type', code: withBody.code.replace('body: {', 'body: 42, notTheBody: {') },
      { name: 'unknown export', code: withParams.code.replace(/create\w+Client/g, 'createNoSuchClient') },
    ];
    const errors = typecheckSnippets(broken, check.dir);
    for (const { name } of broken)
      expect(
        errors.some((e) => e.startsWith(`${name}:`)),
        name,
      ).toBe(true);
  }, 120_000);
});

describe('auth quickstarts', () => {
  it('cover every strategy the client exports for the spec, and compile', () => {
    const snippets = providers.flatMap((provider) => quickstarts(provider));
    for (const provider of providers.filter((p) => p.client)) {
      expect(quickstarts(provider).length, provider.id).toBeGreaterThan(0);
    }
    expect(typecheckSnippets(snippets, check.dir)).toEqual([]);
  }, 120_000);
});
