import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listApis } from '@oapi/api-list';
import { stringify } from 'yaml';
import { favicon, scalarBundle, staticAssets } from './assets.js';
import { type Changelog, readChangelogs } from './changelog.js';
import { readClientReleases } from './client-releases.js';
import { withCodeSamples } from './code-samples.js';
import { authGuidePage } from './pages/auth-guide.js';
import { changelogPage } from './pages/changelog.js';
import { changelogFeed } from './pages/changelog-feed.js';
import { consolePage } from './pages/console.js';
import { landingPage } from './pages/landing.js';
import type { SiteMap } from './pages/nav.js';
import { referencePage } from './pages/reference.js';
import { loadProviders, type Provider } from './providers.js';
import { releaseLog } from './release-log.js';
import { searchIndexScript } from './search-index.js';

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
 *     <id>/index.html               the reference, rendered here, with generated code samples
 *     <id>/console.html             try it: Scalar's client, loaded only on this page
 *     <id>/auth.html                authentication guide and quickstart
 *     <id>/changelog.html           the spec's changes as release notes, by client release (tags, changesets) or day
 *     <id>/changelog.atom           the same as an Atom feed
 *     downloads/<id>.openapi.yaml   the bundled spec with every sample as x-codeSamples (and .json)
 *     search-index.js               every operation of every provider, for the site's search
 *     sandboxes.json                `{}`: the docs server (`pnpm run docs`) answers with its sandboxes
 *     assets/, favicon.svg          stylesheets, scripts, Scalar, the icon: nothing is loaded from elsewhere
 */
export async function buildSite(repoRoot: string, outDir: string): Promise<BuiltSite> {
  const providers = await loadProviders(repoRoot);
  const changelogs = await readChangelogs(repoRoot, await listApis(repoRoot));
  const site: SiteMap = { providers: providers.map((p) => ({ id: p.id, title: p.title })) };
  const scalar = scalarBundle();
  rmSync(outDir, { recursive: true, force: true });
  const files: string[] = [];
  const write = (file: string, contents: string) => {
    mkdirSync(dirname(join(outDir, file)), { recursive: true });
    writeFileSync(join(outDir, file), contents);
    files.push(file);
  };

  write('index.html', landingPage(site, providers));
  write('favicon.svg', favicon);
  for (const asset of staticAssets()) write(asset.file, asset.contents);
  write('assets/scalar/standalone.js', scalar.script);
  write('assets/scalar/LICENSE.txt', scalar.license);
  write('search-index.js', searchIndexScript(providers));
  write('sandboxes.json', '{}\n');
  // GitHub Pages serves the files as they are, without Jekyll.
  write('.nojekyll', '');
  for (const provider of providers) {
    const { client } = provider;
    const releases = client && readClientReleases(repoRoot, client.name, client.version);
    const log = releaseLog(changelogs.get(provider.id)!, releases);
    write(`${provider.id}/index.html`, referencePage(site, provider, withCodeSamples(provider, 'page'), log));
    write(`${provider.id}/console.html`, consolePage(site, provider));
    write(`${provider.id}/auth.html`, authGuidePage(site, provider));
    write(`${provider.id}/changelog.html`, changelogPage(site, provider, log));
    write(`${provider.id}/changelog.atom`, changelogFeed(provider, log));
    const download = withCodeSamples(provider, 'download');
    write(`downloads/${provider.id}.openapi.yaml`, stringify(download, { lineWidth: 0 }));
    write(`downloads/${provider.id}.openapi.json`, `${JSON.stringify(download, null, 2)}\n`);
  }
  return { outDir, providers, files, changelogs };
}
