// .github/workflows/release.yml, read: the steps the release tests check and replay.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './workspace.js';

export interface WorkflowStep {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, string>;
  readonly env?: Record<string, string>;
}

const workflow = parse(readFileSync(join(repoRoot, '.github/workflows/release.yml'), 'utf8')) as {
  jobs: Record<string, { steps: WorkflowStep[] }>;
};

export const releaseSteps: readonly WorkflowStep[] = Object.values(workflow.jobs).flatMap((job) => job.steps);

/** The first step that uses `action` (`changesets/action`), if any. */
export const stepUsing = (action: string) => releaseSteps.find((step) => step.uses?.startsWith(`${action}@`));

/** A command of the changesets step (`version`, `publish`) as [file, ...args]. */
export function changesetsCommand(name: 'version' | 'publish'): string[] {
  const line = stepUsing('changesets/action')?.with?.[name];
  if (!line) throw new Error(`release.yml: the changesets step has no "${name}" command`);
  return line.split(/\s+/);
}
