import { defineProject } from 'vitest/config';

// A config file referenced from the root's `projects` does not inherit the root's timeouts (Vitest 4),
// so they are set here: Prism and attw start slowly when every project runs at once.
export default defineProject({
  test: { name: 'wootric-cxi', include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 },
});
