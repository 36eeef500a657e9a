import { project } from '../../vitest.shared.ts';

export default project('docs', { testTimeout: 60_000, hookTimeout: 120_000 });
