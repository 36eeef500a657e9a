import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { patchRedocBundle, readPatchedRedoc, redocBundleFiles } from '../src/redoc-bundle.js';

describe('the Redoc bundle the site ships', () => {
  it('no longer loads the footer logo from the Redocly CDN, and names no other CDN or font host', () => {
    const original = readFileSync(redocBundleFiles().script, 'utf8');
    // Booleans and excerpts only: the bundle is a megabyte on one line.
    expect(original.includes('src:"https://cdn.redoc.ly/redoc/logo-mini.svg"')).toBe(true);
    const patched = readPatchedRedoc();
    expect(
      patched.match(
        /.{0,40}(cdn\.redoc\.ly|fonts\.googleapis\.com|fonts\.gstatic\.com|unpkg\.com|jsdelivr\.net).{0,40}/,
      )?.[0],
    ).toBeUndefined();
    expect(patched.trimEnd().split('\n').at(-1)!.startsWith('//# sourceMappingURL')).toBe(false);
    expect(original.length - patched.length).toBeLessThan(500);
  });

  it('refuses a bundle whose logo it cannot find (another redoc version), rather than shipping it unpatched', () => {
    expect(() => patchRedocBundle('console.log("no logo here")')).toThrow(
      'expected one footer logo element to remove, found 0',
    );
  });

  it('refuses a bundle that still names a CDN after patching', () => {
    const bundle = 'a.createElement("img",{alt:"redocly logo",src:"x"}); fetch("https://cdn.example.net/x.js")';
    expect(() => patchRedocBundle(bundle)).toThrow('still references https://cdn.example.net/x.js');
  });
});
