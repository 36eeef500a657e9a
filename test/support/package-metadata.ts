// What every published package carries besides its code: the repository's LICENSE, a README, and
// links to its source folder, homepage and issues (npm's provenance refuses a package without
// `repository`). Checked for the packages here and for one `pnpm new-provider` scaffolds.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PublishedPackage, readManifest, repoRoot } from './workspace.js';

/** What is missing or wrong, one sentence each; empty when the package is complete. */
export function packageMetadataProblems(pkg: PublishedPackage, root: string = repoRoot): string[] {
  const problems: string[] = [];
  const license = join(pkg.dir, 'LICENSE');
  if (!existsSync(license) || readFileSync(license, 'utf8') !== readFileSync(join(root, 'LICENSE'), 'utf8'))
    problems.push("LICENSE is not the repository's");
  if (!existsSync(join(pkg.dir, 'README.md'))) problems.push('no README.md');
  const files = (pkg.manifest.files as string[] | undefined) ?? [];
  for (const shipped of ['README.md', 'LICENSE'])
    if (!files.includes(shipped)) problems.push(`"files" lacks ${shipped}`);
  const repository = readManifest(root).repository as { url: string };
  const site = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
  const expected = {
    repository: { ...repository, directory: `packages/${pkg.id}` },
    homepage: `${site}/tree/main/packages/${pkg.id}#readme`,
    bugs: { url: `${site}/issues` },
  };
  for (const [field, value] of Object.entries(expected)) {
    if (JSON.stringify(pkg.manifest[field]) !== JSON.stringify(value))
      problems.push(`"${field}" is ${JSON.stringify(pkg.manifest[field])}, not ${JSON.stringify(value)}`);
  }
  return problems;
}
