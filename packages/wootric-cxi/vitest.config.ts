import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'wootric-cxi', include: ['test/**/*.test.ts'] },
});
