import type { LocationObject, NormalizedProblem } from '@redocly/openapi-core';
import { relative } from 'node:path';
import { InputError } from '../errors.js';

/** A bundling problem as an input error naming the file (relative to the root's) and the line. */
export function problemToInputError(
  problem: NormalizedProblem,
  rootLabel: string,
  rootPath: string,
  getLineColLocation: (location: LocationObject) => { start: { line: number } },
): InputError {
  const location = problem.location[0];
  if (!location) return new InputError(rootLabel, problem.message);
  const file =
    location.source.absoluteRef === rootPath
      ? rootLabel
      : describeFile(rootLabel, rootPath, location.source.absoluteRef);
  let line: number | undefined;
  try {
    line = getLineColLocation(location).start.line;
  } catch {
    line = undefined;
  }
  return new InputError(file, problem.message, line);
}

function describeFile(rootLabel: string, rootPath: string, file: string): string {
  const fromRoot = relative(rootPath.replace(/[^/\\]+$/, ''), file);
  const prefix = rootLabel.replace(/[^/\\:]+$/, '');
  return prefix + fromRoot;
}
