// `pnpm --filter @oapi/docs build`: the site, from the bundled specs, into apps/docs/dist.
import { fileURLToPath } from 'node:url';
import { findRepoRoot } from '@oapi/api-list';
import { buildSite } from '../build-site.js';
import { changelogNotice } from '../changelog.js';

const outDir = fileURLToPath(new URL('../../dist', import.meta.url));
try {
  const site = await buildSite(findRepoRoot(outDir), outDir);
  for (const provider of site.providers) {
    console.log(
      `docs: ${provider.name} -> dist/${provider.id}/ (${provider.client ? `samples from ${provider.client.name}` : 'client in progress: no samples'})`,
    );
    const notice = changelogNotice(provider.id, site.changelogs.get(provider.id)!);
    (notice.stream === 'stderr' ? console.error : console.log)(notice.text);
  }
  console.log(`docs: ${site.files.length} files in ${outDir}`);
} catch (error) {
  console.error(`docs build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
