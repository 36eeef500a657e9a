import { InputError } from '../errors.js';

export type HistoryUnavailableReason = 'no-git' | 'not-a-repository' | 'shallow-clone';

/**
 * The git history of a spec cannot be read: git is missing, the folder is not in a repository, or
 * the clone is shallow and the history stops before the spec's first commit.
 */
export class HistoryUnavailableError extends InputError {
  readonly reason: HistoryUnavailableReason;

  constructor(file: string, reason: HistoryUnavailableReason, problem: string) {
    super(file, problem);
    this.reason = reason;
  }
}
