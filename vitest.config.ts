import { defineConfig } from 'vitest/config';
import { TotalsReporter } from './scripts/vitest-totals-reporter.ts';

// One vitest run covers every package: each package/app with a vitest.config.ts is a project,
// plus the root `test/` for repository-wide checks, and `test/consumer/` for the published
// packages as a user installs them (packed once per run by its global setup). The totals line is
// what CI reads.
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'apps/*/vitest.config.ts',
      // An inline project does not inherit the timeouts below: give it the same (under CI load, Prism
      // took more than vitest's default 5 s to start for test/sandbox.test.ts).
      { test: { name: 'repo', include: ['test/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 } },
      {
        test: {
          name: 'consumer',
          include: ['test/consumer/**/*.test.ts'],
          globalSetup: ['test/consumer/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
    reporters: ['default', new TotalsReporter()],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
