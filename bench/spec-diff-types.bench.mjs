#!/usr/bin/env node
// The type-level check of spec-diff (`--types`): on the Wootric spec (every operation checked,
// the head with one new response enum value) and on GitHub's GHES 3.18 → 3.19 (the operations the
// wire diff names). Each run is a fresh process, so module loading and peak memory are its own; the
// wire diff of the same pair, in the same process, is the baseline. Prints medians and ratios;
// asserts nothing. BENCH_TYPES_GHES=0 skips GitHub.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkgDir = join(root, 'packages/spec-diff');
const requireFromPkg = createRequire(join(pkgDir, 'package.json'));
const ghesDir = join(dirname(requireFromPkg.resolve('@octokit/openapi/package.json')), 'generated');
const CASES = {
  wootric: { base: join(root, 'dist/wootric.openapi.json'), all: true, target: 5000 },
  ghes: { base: join(ghesDir, 'ghes-3.18.json'), head: join(ghesDir, 'ghes-3.19.json'), all: false },
};

/** The first string enum a response reaches (through `$ref`s) gains a value: a break for typed code. */
function withNewResponseEnumValue(document) {
  const copy = structuredClone(document);
  const seen = new Set();
  const visit = (node) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return false;
    seen.add(node);
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#/')) {
      const target = node.$ref
        .slice(2)
        .split('/')
        .reduce((at, key) => at?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], copy);
      return visit(target);
    }
    if (Array.isArray(node.enum) && node.enum.length > 0 && node.enum.every((v) => typeof v === 'string')) {
      node.enum.push('added-by-bench');
      return true;
    }
    return Object.values(node).some(visit);
  };
  Object.values(copy.paths).some((item) =>
    Object.values(item).some((op) => Object.values(op?.responses ?? {}).some(visit)),
  );
  return copy;
}

async function child(name) {
  const spec = CASES[name];
  const started = performance.now();
  const { loadSpecFile, diffSpecs, checkTypes } = await import(pathToFileURL(join(pkgDir, 'dist/index.js')).href);
  const base = await loadSpecFile(spec.base);
  const head = spec.head
    ? await loadSpecFile(spec.head)
    : { label: 'head', document: withNewResponseEnumValue(base.document) };
  const loaded = performance.now();
  const wire = diffSpecs(base, head);
  const wired = performance.now();
  const types = await checkTypes(base, head, spec.all ? {} : { findings: wire.findings });
  const done = performance.now();
  const result = {
    importAndLoadMs: loaded - started,
    wireMs: wired - loaded,
    typesMs: done - wired,
    operations: types.operations,
    typeBreaks: types.findings.length,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(result));
}

function measure(name) {
  const run = spawnSync(
    process.execPath,
    ['--max-old-space-size=6144', fileURLToPath(import.meta.url), '--child', name],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (run.status !== 0) throw new Error(`${name} failed (exit ${run.status}): ${run.stderr.slice(0, 2000)}`);
  return JSON.parse(run.stdout);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

async function parent() {
  if (!existsSync(CASES.wootric.base)) {
    console.error(`spec-diff types bench: ${CASES.wootric.base} is missing: run pnpm build`);
    process.exit(1);
  }
  if (!existsSync(join(pkgDir, 'dist/index.js'))) {
    const build = spawnSync('pnpm', ['--filter', '@oapi/spec-diff', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(1);
  }
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const names = process.env.BENCH_TYPES_GHES === '0' ? ['wootric'] : ['wootric', 'ghes'];
  console.log(`median of ${runs} runs, each in a fresh process (type check = generate both type files + compile)\n`);
  console.log('| spec | operations checked | type breaks | wire diff (baseline) | type check | ratio | peak RSS |');
  console.log('|---|---|---|---|---|---|---|');
  const results = {};
  for (const name of names) {
    const samples = [];
    for (let i = 0; i < (name === 'ghes' ? Math.min(runs, 1) : runs); i += 1) samples.push(measure(name));
    const pick = (key) => median(samples.map((s) => s[key]));
    const r = { wire: pick('wireMs'), types: pick('typesMs'), rss: pick('peakRssMb'), ...samples[0] };
    results[name] = r;
    console.log(
      `| ${name} | ${r.operations} | ${r.typeBreaks} | ${fmt(r.wire)} | ${fmt(r.types)} | ${(r.types / r.wire).toFixed(0)}× | ${r.rss.toFixed(0)} MB |`,
    );
  }
  const wootric = results.wootric;
  console.log(
    `\ntarget: the Wootric type check under ${fmt(CASES.wootric.target)}: ${wootric.types < CASES.wootric.target ? 'met' : 'NOT met'}`,
  );
}

if (process.argv[2] === '--child') await child(process.argv[3]);
else await parent();
