import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { findRepoRoot, listApis } from '@oapi/api-list';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../src/build-site.js';
import { parse } from 'yaml';
import { operationSamples, withCodeSamples } from '../src/code-samples.js';
import { consoleSpec } from '../src/console-spec.js';
import { escapeHtml } from '../src/pages/html.js';

const repoRoot = findRepoRoot(import.meta.dirname);
const temp = mkdtempSync(join(tmpdir(), 'docs-site-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

/** The spec inlined into a console page, parsed back. */
function inlinedSpec(html: string): unknown {
  const match = /<script id="console-spec" type="application\/json">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no inlined spec');
  return JSON.parse(match[1]!);
}

describe('buildSite on this repository', async () => {
  const outDir = join(temp, 'site');
  const site = await buildSite(repoRoot, outDir);
  const apis = await listApis(repoRoot);

  it('builds the pages and downloads of every API in redocly.yaml', () => {
    expect(site.providers.map((p) => p.id)).toEqual(apis.map((a) => a.id));
    for (const { id } of apis) {
      for (const file of [
        `${id}/index.html`,
        `${id}/auth.html`,
        `${id}/changelog.html`,
        `${id}/console.html`,
        `downloads/${id}.openapi.yaml`,
        `downloads/${id}.openapi.json`,
      ]) {
        expect(site.files, file).toContain(file);
      }
    }
  });

  it('gives each download every sample as x-codeSamples (curl, then a whole TypeScript program), and changes nothing else', () => {
    for (const provider of site.providers) {
      const json = JSON.parse(read(outDir, `downloads/${provider.id}.openapi.json`)) as Record<string, unknown>;
      const yaml = parse(read(outDir, `downloads/${provider.id}.openapi.yaml`)) as unknown;
      expect(yaml, provider.id).toEqual(json);
      const samples = operationSamples(provider);
      const byId = new Map(samples.map((s) => [s.operationId, s]));
      const found = new Set<string>();
      const strip = (node: unknown): unknown => {
        if (Array.isArray(node)) return node.map(strip);
        if (typeof node !== 'object' || node === null) return node;
        const entries = Object.entries(node);
        const own = entries.find(([key]) => key === 'x-codeSamples')?.[1];
        const operationId = (node as { operationId?: string }).operationId;
        if (own !== undefined && operationId !== undefined) {
          const expected = byId.get(operationId)!;
          expect(own, operationId).toEqual([
            { lang: 'Shell', label: 'curl', source: expected.curl },
            ...(expected.program ? [{ lang: 'TypeScript', label: 'TypeScript', source: expected.program }] : []),
          ]);
          found.add(operationId);
        }
        return Object.fromEntries(entries.filter(([key]) => key !== 'x-codeSamples').map(([k, v]) => [k, strip(v)]));
      };
      // Without its samples, the download is the bundled spec.
      expect(strip(json), provider.id).toEqual(JSON.parse(read(repoRoot, `dist/${provider.id}.openapi.json`)));
      expect([...found].sort(), provider.id).toEqual(samples.map((s) => s.operationId).sort());
      expect(json).toEqual(withCodeSamples(provider, 'download'));
    }
  });

  it('writes every code sample into the reference, escaped, and loads no renderer script there', () => {
    for (const provider of site.providers) {
      const html = read(outDir, `${provider.id}/index.html`);
      const samples = operationSamples(provider);
      expect(samples.length, provider.id).toBeGreaterThan(0);
      for (const sample of samples) {
        expect(html, sample.name).toContain(escapeHtml(sample.curl));
        if (sample.typescript) expect(html, sample.name).toContain(escapeHtml(sample.typescript));
      }
      expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual([
        '<script src="../assets/site.js" defer>',
      ]);
    }
  });

  it("inlines the console's copy of the spec into the console page, with Scalar from the site", () => {
    for (const provider of site.providers) {
      const html = read(outDir, `${provider.id}/console.html`);
      expect(inlinedSpec(html)).toEqual(consoleSpec(provider));
      expect(html).toContain('<script src="../assets/scalar/standalone.js"></script>');
    }
    expect(read(outDir, 'assets/scalar/LICENSE.txt')).toMatch(/^@scalar\/api-reference 1\.72\.\d+ .*MIT/);
  });

  it('writes a search index of every operation and an empty sandboxes.json for static hosts', () => {
    expect(read(outDir, 'sandboxes.json')).toBe('{}\n');
    const index = read(outDir, 'search-index.js');
    expect(index).toMatch(/^window\.oapiSearchIndex = \[/);
    for (const provider of site.providers) expect(index).toContain(`"href":"${provider.id}/index.html#`);
  });

  it('writes a changelog page and an Atom feed per API from its git history, every commit listed', () => {
    for (const { id } of apis) {
      const changelog = site.changelogs.get(id)!;
      if ('unavailable' in changelog) throw new Error(`${id}: ${changelog.unavailable}`);
      const html = read(outDir, `${id}/changelog.html`);
      expect(read(outDir, `${id}/changelog.atom`)).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
      const listed = [...html.matchAll(/<li id="commit-([0-9a-f]+)">/g)].map((m) => m[1]);
      expect(listed.length, id).toBeGreaterThan(0);
      expect(listed).toEqual(changelog.entries.map((e) => e.shortCommit));
      expect(html).not.toContain('history-unavailable');
    }
  });

  it('loads every script, stylesheet, image and icon from the site itself, and every one exists', () => {
    for (const file of site.files.filter((f) => f.endsWith('.html'))) {
      const html = read(outDir, file);
      const assets = [...html.matchAll(/<(?:script|img)\b[^>]*\ssrc="([^"]+)"|<link\b[^>]*\shref="([^"]+)"/g)].map(
        (m) => m[1] ?? m[2]!,
      );
      expect(assets.length, file).toBeGreaterThan(0);
      for (const asset of assets) {
        expect(asset, `${file} loads ${asset}`).not.toMatch(/^(https?:)?\/\//);
        expect(existsSync(resolve(outDir, dirname(file), asset)), `${file} loads ${asset}`).toBe(true);
      }
    }
  });

  it('links only to pages and downloads that exist', () => {
    for (const file of site.files.filter((f) => f.endsWith('.html'))) {
      for (const [, href] of read(outDir, file).matchAll(/<a\b[^>]*\shref="([^"#]+)(?:#[^"]*)?"/g)) {
        if (/^https?:/.test(href!)) continue;
        expect(existsSync(resolve(outDir, dirname(file), href!)), `${file} links to ${href}`).toBe(true);
      }
    }
  });
});

describe('buildSite on a repository with a fifth API', () => {
  it('picks it up from redocly.yaml with no code change', async () => {
    const fakeRoot = join(temp, 'fifth');
    mkdirSync(join(fakeRoot, 'dist'), { recursive: true });
    const klika = JSON.parse(read(repoRoot, 'dist/klika.openapi.json')) as { info: Record<string, unknown> };
    klika.info = { ...klika.info, title: 'Acme Anvils API', version: '3.2.1', summary: 'Anvils, delivered.' };
    writeFileSync(join(fakeRoot, 'dist', 'acme.openapi.json'), JSON.stringify(klika));
    writeFileSync(join(fakeRoot, 'dist', 'acme.openapi.yaml'), 'openapi: 3.1.0\n');
    cpSync(join(repoRoot, 'dist', 'klika.openapi.json'), join(fakeRoot, 'dist', 'klika.openapi.json'));
    cpSync(join(repoRoot, 'dist', 'klika.openapi.yaml'), join(fakeRoot, 'dist', 'klika.openapi.yaml'));
    writeFileSync(
      join(fakeRoot, 'redocly.yaml'),
      'apis:\n  klika@v1:\n    root: spec/klika/openapi.yaml\n  acme@v3:\n    root: spec/acme/openapi.yaml\n',
    );

    const site = await buildSite(fakeRoot, join(fakeRoot, 'site'));
    expect(site.providers.map((p) => p.id)).toEqual(['klika', 'acme']);
    const landing = read(site.outDir, 'index.html');
    expect(landing).toContain('Acme Anvils API');
    expect(landing).toContain('version 3.2.1');
    expect(landing).toMatch(/id="acme"[\s\S]*client in progress/);
    expect(read(site.outDir, 'acme/index.html')).toContain('Acme Anvils API 3.2.1: API reference');
    expect(read(site.outDir, 'acme/auth.html')).toContain('@oapi/acme</code> is in progress');
    // Without a client, curl samples only.
    const reference = read(site.outDir, 'acme/index.html');
    const tabs = [...reference.matchAll(/role="tab"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(tabs.length).toBeGreaterThan(0);
    expect(new Set(tabs)).toEqual(new Set(['curl']));
    // Not a git repository: the changelog page says the history could not be read.
    expect(site.changelogs.get('acme')).toEqual({
      unavailable: `${fakeRoot}: not inside a git repository: the history of the specs cannot be read`,
    });
    expect(read(site.outDir, 'acme/changelog.html')).toContain(
      '<p class="note problem" id="history-unavailable">The history of this spec could not be read',
    );
  });

  it('says which bundle is missing and how to make it', async () => {
    const fakeRoot = join(temp, 'unbundled');
    mkdirSync(fakeRoot, { recursive: true });
    writeFileSync(join(fakeRoot, 'redocly.yaml'), 'apis:\n  acme@v3:\n    root: spec/acme/openapi.yaml\n');
    await expect(buildSite(fakeRoot, join(fakeRoot, 'site'))).rejects.toThrow(
      `${join(fakeRoot, 'dist', 'acme.openapi.yaml')} does not exist: run \`pnpm bundle\``,
    );
  });

  it('refuses a redocly.yaml without APIs', async () => {
    const fakeRoot = join(temp, 'empty');
    mkdirSync(fakeRoot, { recursive: true });
    writeFileSync(join(fakeRoot, 'redocly.yaml'), 'extends:\n  - recommended\n');
    await expect(buildSite(fakeRoot, join(fakeRoot, 'site'))).rejects.toThrow('lists no API under "apis:"');
  });
});
