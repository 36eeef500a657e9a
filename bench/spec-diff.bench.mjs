#!/usr/bin/env node
// Diffs GitHub's real spec across two versions (ghes-3.18 → ghes-3.19 from @octokit/openapi, ~11 MB each)
// with spec-diff and, in the same run, with api-smart-diff as the baseline. Each measurement runs in a
// fresh process so its peak memory is its own. Prints medians and ratios; asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkgDir = join(root, 'packages/spec-diff');
const requireFromPkg = createRequire(join(pkgDir, 'package.json'));
const specDir = join(dirname(requireFromPkg.resolve('@octokit/openapi/package.json')), 'generated');
const BASE = join(specDir, 'ghes-3.18.json');
const HEAD = join(specDir, 'ghes-3.19.json');
const TARGET_MS = 3000;

async function child(tool) {
  const started = performance.now();
  let result;
  if (tool === 'spec-diff') {
    const { loadSpecFile, diffSpecs } = await import(pathToFileURL(join(pkgDir, 'dist/index.js')).href);
    const imported = performance.now();
    const [base, head] = await Promise.all([loadSpecFile(BASE), loadSpecFile(HEAD)]);
    const loaded = performance.now();
    const diff = diffSpecs(base, head);
    const done = performance.now();
    result = {
      importMs: imported - started,
      loadMs: loaded - imported,
      diffMs: done - loaded,
      findings: diff.findings.length,
      breaking: diff.summary.breaking,
    };
  } else {
    const { apiDiff } = requireFromPkg('api-smart-diff');
    const imported = performance.now();
    const base = JSON.parse(readFileSync(BASE, 'utf8'));
    const head = JSON.parse(readFileSync(HEAD, 'utf8'));
    const loaded = performance.now();
    const silenced = console.error;
    console.error = () => {}; // api-smart-diff logs a classification error per anyOf it cannot read
    const diff = apiDiff(base, head);
    console.error = silenced;
    const done = performance.now();
    result = {
      importMs: imported - started,
      loadMs: loaded - imported,
      diffMs: done - loaded,
      findings: diff.length,
      breaking: diff.filter((d) => d.type === 'breaking').length,
    };
  }
  result.totalMs = result.loadMs + result.diffMs;
  result.peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify(result));
}

function measure(tool) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', tool], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const wallMs = performance.now() - started;
  if (run.status !== 0) throw new Error(`${tool} failed (exit ${run.status}): ${run.stderr.slice(0, 2000)}`);
  return { ...JSON.parse(run.stdout), wallMs };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

async function parent() {
  if (!existsSync(BASE) || !existsSync(HEAD)) {
    console.error(`spec-diff bench: ${BASE} or ${HEAD} is missing: run pnpm install`);
    process.exit(1);
  }
  if (!existsSync(join(pkgDir, 'dist/index.js'))) {
    const build = spawnSync('pnpm', ['--filter', '@oapi/spec-diff', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(1);
  }
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const mb = (file) => (readFileSync(file).length / 1e6).toFixed(1);
  console.log(
    `ghes-3.18.json (${mb(BASE)} MB) → ghes-3.19.json (${mb(HEAD)} MB), median of ${runs} runs, each in a fresh process\n`,
  );
  const results = {};
  for (const tool of ['spec-diff', 'api-smart-diff']) {
    const samples = [];
    for (let i = 0; i < runs; i += 1) samples.push(measure(tool));
    const pick = (key) => median(samples.map((s) => s[key]));
    results[tool] = {
      load: pick('loadMs'),
      diff: pick('diffMs'),
      total: pick('totalMs'),
      wall: pick('wallMs'),
      rss: pick('peakRssMb'),
      findings: samples[0].findings,
      breaking: samples[0].breaking,
    };
  }
  console.log(
    '| tool | load + parse | diff | total (files → findings) | process wall time | peak RSS | findings (breaking) |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const [tool, r] of Object.entries(results)) {
    console.log(
      `| ${tool} | ${fmt(r.load)} | ${fmt(r.diff)} | ${fmt(r.total)} | ${fmt(r.wall)} | ${r.rss.toFixed(0)} MB | ${r.findings} (${r.breaking}) |`,
    );
  }
  const ours = results['spec-diff'];
  const theirs = results['api-smart-diff'];
  console.log('');
  console.log(
    `time, spec-diff / api-smart-diff: ${(ours.total / theirs.total).toFixed(2)} (spec-diff ${(theirs.total / ours.total).toFixed(1)}× faster); process wall time ${(ours.wall / theirs.wall).toFixed(2)}`,
  );
  console.log(`peak memory, spec-diff / api-smart-diff: ${(ours.rss / theirs.rss).toFixed(2)}`);
  console.log(
    `target: total under ${fmt(TARGET_MS)} and faster than api-smart-diff: ${ours.total < TARGET_MS && ours.total < theirs.total ? 'met' : 'NOT met'}`,
  );
}

if (process.argv[2] === '--child') await child(process.argv[3]);
else await parent();
