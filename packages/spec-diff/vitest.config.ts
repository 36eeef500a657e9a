import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'spec-diff', include: ['test/**/*.test.ts'] },
});
