import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'klika', include: ['test/**/*.test.ts'] },
});
