import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listApis } from '@oapi/api-list';
import { favicon, stylesheet } from './assets.js';
import { type Changelog, readChangelogs } from './changelog.js';
import { withCodeSamples } from './code-samples.js';
import { authGuidePage } from './pages/auth-guide.js';
import { changelogPage } from './pages/changelog.js';
import { landingPage } from './pages/landing.js';
import { referencePage } from './pages/reference.js';
import { loadProviders, type Provider } from './providers.js';
import { readPatchedRedoc, redocBundleFiles } from './redoc-bundle.js';

export interface BuiltSite {
  readonly outDir: string;
  readonly providers: readonly Provider[];
  /** Every file written, relative to `outDir`. */
  readonly files: readonly string[];
  /** Each provider's changelog, by id: its entries, or why its history could not be read. */
  readonly changelogs: ReadonlyMap<string, Changelog>;
}

/**
 * Builds the static site into `outDir` (emptied first) from the APIs of `repoRoot/redocly.yaml`
 * and their bundles in `repoRoot/dist/`:
 *
 *     index.html                    landing page
 *     <id>/index.html               Redoc reference, with generated TypeScript code samples
 *     <id>/auth.html                authentication guide and quickstart
 *     <id>/changelog.html           every commit that changed the spec, diffed by @oapi/spec-diff
 *     downloads/<id>.openapi.yaml   the bundled spec, as the build step wrote it (and .json)
 *     assets/, favicon.svg          Redoc, the stylesheet, the icon: nothing is loaded from elsewhere
 */
export async function buildSite(repoRoot: string, outDir: string): Promise<BuiltSite> {
  const providers = await loadProviders(repoRoot);
  const changelogs = await readChangelogs(repoRoot, await listApis(repoRoot));
  const redoc = readPatchedRedoc();
  rmSync(outDir, { recursive: true, force: true });
  const files: string[] = [];
  const write = (file: string, contents: string) => {
    mkdirSync(dirname(join(outDir, file)), { recursive: true });
    writeFileSync(join(outDir, file), contents);
    files.push(file);
  };
  const copy = (from: string, file: string) => {
    mkdirSync(dirname(join(outDir, file)), { recursive: true });
    copyFileSync(from, join(outDir, file));
    files.push(file);
  };

  write('index.html', landingPage(providers));
  write('favicon.svg', favicon);
  write('assets/site.css', stylesheet);
  write('assets/redoc.standalone.js', redoc);
  copy(redocBundleFiles().license, 'assets/redoc.standalone.js.LICENSE.txt');
  // GitHub Pages serves the files as they are, without Jekyll.
  write('.nojekyll', '');
  for (const provider of providers) {
    write(`${provider.id}/index.html`, referencePage(provider, withCodeSamples(provider)));
    write(`${provider.id}/auth.html`, authGuidePage(provider));
    write(`${provider.id}/changelog.html`, changelogPage(provider, changelogs.get(provider.id)!));
    copy(provider.bundled.yaml, `downloads/${provider.id}.openapi.yaml`);
    copy(provider.bundled.json, `downloads/${provider.id}.openapi.json`);
  }
  return { outDir, providers, files, changelogs };
}
