// Every generated TypeScript sample (with the client setup it runs after) and quickstart compiles
// against the real, built client packages. That they do what they say is samples-run.test.ts's job.
import { typecheckSnippets } from '@oapi/test-support';
import { findRepoRoot } from '@oapi/api-list';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationSamples, withCodeSamples } from '../src/code-samples.js';
import { loadProviders, type Provider } from '../src/providers.js';
import { quickstarts } from '../src/quickstart.js';
import { referenceOperations } from '../src/reference-operations.js';
import { clientCheckDir } from './client-links.js';

const repoRoot = findRepoRoot(import.meta.dirname);
let providers: Provider[];
let check: ReturnType<typeof clientCheckDir>;

beforeAll(async () => {
  providers = await loadProviders(repoRoot);
  check = clientCheckDir(providers);
});
afterAll(() => check?.remove());

const programs = () =>
  providers.flatMap((provider) =>
    operationSamples(provider).flatMap((s) => (s.program ? [{ name: s.name, code: s.program }] : [])),
  );

describe('code samples', () => {
  it('exist for every operation and webhook (curl), and every operation of a provider with a client (TypeScript)', () => {
    expect(providers.some((p) => p.client)).toBe(true);
    for (const provider of providers) {
      const operations = referenceOperations(provider.spec);
      const samples = operationSamples(provider);
      expect(
        samples.map((s) => s.operationId),
        provider.id,
      ).toEqual(operations.map((op) => op.operationId));
      for (const sample of samples) expect(sample.curl, sample.name).toMatch(/^curl |\ncurl /);
      expect(
        samples.filter((s) => s.typescript).map((s) => s.operationId),
        provider.id,
      ).toEqual(provider.client ? operations.filter((op) => op.kind === 'operation').map((op) => op.operationId) : []);
    }
  });

  it('are injected as x-codeSamples into a copy of the spec, labelled by language, leaving the spec alone', () => {
    for (const provider of providers.filter((p) => p.client)) {
      const before = JSON.stringify(provider.spec);
      const rendered = withCodeSamples(provider, 'page');
      expect(JSON.stringify(provider.spec)).toBe(before);
      for (const op of referenceOperations(rendered)) {
        const samples = op.operation['x-codeSamples'] as Array<{ lang: string; label: string; source: string }>;
        const labels = samples.map((s) => s.label);
        expect(labels, `${provider.id} ${op.operationId}`).toEqual(
          op.kind === 'operation' ? ['curl', 'TypeScript'] : ['curl'],
        );
        if (op.kind === 'operation') expect(samples[1]!.source).toContain(`${op.method.toUpperCase()}('${op.name}'`);
      }
    }
  });

  it('are short on the page: the client is set up once per provider, not in each sample', () => {
    for (const provider of providers.filter((p) => p.client)) {
      for (const sample of operationSamples(provider).filter((s) => s.typescript)) {
        expect(sample.typescript, sample.name).not.toContain("from '@oapi/");
        expect(
          sample.typescript!.split('\n').filter((line) => line.includes('process.env')).length,
        ).toBeLessThanOrEqual(sample.request.role === 'token' ? 6 : 2);
      }
    }
  });

  it('all compile, after the client setup, against the real client types', () => {
    const snippets = programs();
    expect(snippets.length).toBeGreaterThan(0);
    expect(typecheckSnippets(snippets, check.dir)).toEqual([]);
  }, 120_000);

  it('would fail to compile with a wrong path, parameters, body or import (the check is real)', () => {
    const samples = programs();
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
