import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'cloudcx', include: ['test/**/*.test.ts'] },
});
