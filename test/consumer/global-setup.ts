// Packs every published package and installs the tarballs into one fresh project, once per run;
// the consumer tests share it (`inject('consumer')`).
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createConsumerProject, type ConsumerProject } from './consumer-project.js';

declare module 'vitest' {
  export interface ProvidedContext {
    consumer: ConsumerProject;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const consumer = await createConsumerProject();
  project.provide('consumer', consumer);
  return () => rmSync(dirname(consumer.dir), { recursive: true, force: true });
}
