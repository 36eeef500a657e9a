import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where redoc@2's standalone bundle and its licence notice are installed. */
export function redocBundleFiles(): { script: string; license: string } {
  const dir = join(dirname(createRequire(import.meta.url).resolve('redoc/package.json')), 'bundles');
  return { script: join(dir, 'redoc.standalone.js'), license: join(dir, 'redoc.standalone.js.LICENSE.txt') };
}

// The side menu's footer renders `<img src="https://cdn.redoc.ly/redoc/logo-mini.svg">`: the one
// request the bundle makes to another host. The element becomes `null`; the text link stays.
const footerLogo = /\w+\.createElement\("img",\{alt:"redocly logo",[^}]*\}\)/g;

/**
 * The standalone bundle made fit for a self-hosted site: the CDN logo removed and the source-map
 * comment dropped (the map is not shipped). Throws when the bundle no longer looks as expected, or
 * still names a CDN, rather than shipping a page that calls out.
 */
export function patchRedocBundle(source: string): string {
  const logos = source.match(footerLogo) ?? [];
  if (logos.length !== 1) {
    throw new Error(
      `redoc.standalone.js: expected one footer logo element to remove, found ${logos.length}; check the redoc version`,
    );
  }
  const patched = source.replace(footerLogo, 'null').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
  const cdn = patched.match(/https?:\/\/(cdn\.[\w.-]+|fonts\.(googleapis|gstatic)\.com)[^"'\s]*/);
  if (cdn) throw new Error(`redoc.standalone.js still references ${cdn[0]} after patching`);
  return patched;
}

export function readPatchedRedoc(): string {
  return patchRedocBundle(readFileSync(redocBundleFiles().script, 'utf8'));
}
