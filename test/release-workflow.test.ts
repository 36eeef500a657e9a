// What release.yml must say for a publish to work (test/consumer/release.test.ts replays its
// commands against Verdaccio).
import { describe, expect, it } from 'vitest';
import { releaseSteps, stepUsing } from './support/release-workflow.js';

describe('release.yml', () => {
  it('builds before the changesets step publishes', () => {
    const build = releaseSteps.findIndex((step) => step.run === 'pnpm build');
    const release = releaseSteps.findIndex((step) => step.uses?.startsWith('changesets/action@'));
    expect(build).toBeGreaterThanOrEqual(0);
    expect(build).toBeLessThan(release);
  });

  it('gives the changesets step the npm token where setup-node reads it (NODE_AUTH_TOKEN, changesets/action#132)', () => {
    expect(stepUsing('actions/setup-node')?.with?.['registry-url']).toBeTruthy();
    expect(stepUsing('changesets/action')?.env?.NODE_AUTH_TOKEN).toMatch(/^\$\{\{ secrets\.NPM_TOKEN \}\}$/);
  });
});
