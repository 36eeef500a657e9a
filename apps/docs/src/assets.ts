// The site's own static files (stylesheets, scripts, icon) and the one third-party bundle it ships,
// Scalar's, for the console page. System fonts only, so nothing is fetched from a font host.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const favicon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f4e79"/><path d="M9 11h14M9 16h10M9 21h12" stroke="#fff" stroke-width="2.5" stroke-linecap="round"/></svg>
`;

const staticDir = join(import.meta.dirname, 'static');

/** The files under `src/static/`, as the site serves them under `assets/`. */
export function staticAssets(): Array<{ file: string; contents: string }> {
  return ['site.css', 'site.js', 'console.css', 'console.js'].map((name) => ({
    file: `assets/${name}`,
    contents: readFileSync(join(staticDir, name), 'utf8'),
  }));
}

/** `@scalar/api-reference`'s standalone browser bundle, its version and licence. */
export function scalarBundle(): { script: string; version: string; license: string } {
  // The package exports no `./package.json`: find it from its entry point (`dist/index.js`).
  const packageDir = dirname(dirname(createRequire(import.meta.url).resolve('@scalar/api-reference')));
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Record<string, string>;
  const { version, license } = manifest as { version: string; license: string };
  const source = readFileSync(join(packageDir, 'dist', 'browser', 'standalone.js'), 'utf8');
  // The source map is not shipped, so its comment goes.
  const script = source.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
  return {
    script,
    version,
    license: `@scalar/api-reference ${version} (assets/scalar/standalone.js), licensed ${license}:

Copyright (c) 2023-present Scalar

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES
OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
`,
  };
}
