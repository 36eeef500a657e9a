import { defineProject } from 'vitest/config';

/**
 * Every project's config. Vitest 4 does not pass the root config's timeouts to project config
 * files, and Prism, attw and chromium start slowly when every project runs at once on two cores.
 */
export function project(name: string, overrides: { testTimeout?: number; hookTimeout?: number } = {}) {
  return defineProject({
    test: { name, include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000, ...overrides },
  });
}
