import { createResolver } from '../compare/resolve.js';
import { summarize } from '../report/summary.js';
import type { DiffResult, Finding, LoadedSpec } from '../types.js';
import { CHECK_PRELUDE, typeChecks } from './checks.js';
import { compileInMemory } from './program.js';
import { loadTypeTools } from './tools.js';

export interface TypeCheckOptions {
  /**
   * The wire findings of the same two specs: only the operations they name are checked (a path
   * named alone stands for each of its operations). Every operation both specs have when absent.
   */
  findings?: readonly Finding[];
}

/** What breaks at the type level, as findings of the `typescript-incompatible` rule; apart from the wire verdict. */
export interface TypeCheckResult extends DiffResult {
  /** How many operations were checked. */
  operations: number;
}

/**
 * Asks the TypeScript compiler, in process, whether code written against the types
 * openapi-typescript generates from `base` still compiles against those of `head`: every request
 * value the old types allowed is still allowed, every response type of the head is assignable to
 * the base's. Each finding carries the compiler's own message. Needs the optional peer dependencies
 * `typescript` and `openapi-typescript`; an InputError says so when they are missing.
 */
export async function checkTypes(
  base: LoadedSpec,
  head: LoadedSpec,
  options: TypeCheckOptions = {},
): Promise<TypeCheckResult> {
  const resolve = { base: createResolver(base.document, base.label), head: createResolver(head.document, head.label) };
  const labels = options.findings ? operationLabels(options.findings, head) : undefined;
  const checks = typeChecks(base.document, head.document, resolve, labels);
  const operations = new Set(checks.map((c) => c.operation)).size;
  if (checks.length === 0) return { ...summarize([]), operations };
  const { ts, generate } = await loadTypeTools();
  const [oldTypes, newTypes] = await Promise.all([generate(base), generate(head)]);
  const source = [...CHECK_PRELUDE, ...checks.map((c) => c.code)].join('\n');
  const diagnostics = compileInMemory(ts, { 'old.ts': oldTypes, 'new.ts': newTypes, 'check.ts': source }, 'check.ts');
  const findings = diagnostics.map(({ line, message }): Finding => {
    const check = checks[line - CHECK_PRELUDE.length];
    if (!check) throw new Error(`type check: a diagnostic outside the checks, line ${line + 1}: ${message}`);
    return {
      id: 'typescript-incompatible',
      severity: 'breaking',
      operation: check.operation,
      pointer: check.pointer,
      message: `${check.where}: ${message}`,
    };
  });
  return { ...summarize(findings), operations };
}

/** The operation labels the findings name; a bare path names every operation under it. */
function operationLabels(findings: readonly Finding[], head: LoadedSpec): Set<string> {
  const labels = new Set<string>();
  const paths = Object.keys((head.document.paths as object | undefined) ?? {});
  for (const { operation } of findings) {
    if (operation === null) continue;
    if (operation.startsWith('/')) {
      for (const method of ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'])
        if (paths.includes(operation)) labels.add(`${method} ${operation}`);
    } else labels.add(operation);
  }
  return labels;
}
