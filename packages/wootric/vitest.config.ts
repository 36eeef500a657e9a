import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'wootric', include: ['test/**/*.test.ts'] },
});
