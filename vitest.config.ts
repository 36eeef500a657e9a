import { defineConfig } from 'vitest/config';
import { TotalsReporter } from './scripts/vitest-totals-reporter.ts';

// One vitest run covers every package: each package/app with a vitest.config.ts is a project,
// plus the root `test/` for repository-wide checks. The totals line is what CI reads.
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'apps/*/vitest.config.ts',
      { test: { name: 'repo', include: ['test/**/*.test.ts'] } },
    ],
    reporters: ['default', new TotalsReporter()],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
