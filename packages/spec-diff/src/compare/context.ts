import { unescapeSegment } from '../json-pointer.js';
import { type RuleId, rules } from '../rules.js';
import type { Finding, LoadedSpec } from '../types.js';
import type { JsonObject } from '../types.js';
import type { SchemaChange } from './direction.js';
import { ExtensionJudge, type ExtensionTable } from './extensions.js';
import { remainingChanges } from './keyword-changes.js';
import { createResolver, type Resolve } from './resolve.js';
import { SchemaDiffer } from './schema-diff.js';
import { SUBSCHEMA_KEYWORDS } from './schema-keywords.js';

export interface DiffOptions {
  /** How changes to `x-` extensions are judged; an extension it does not list is reported as unknown. */
  extensions?: ExtensionTable;
}

/** The two documents being compared and the findings collected so far. */
export class DiffContext {
  readonly findings: Finding[] = [];
  readonly resolveBase: Resolve;
  readonly resolveHead: Resolve;
  readonly schemas: SchemaDiffer;
  readonly extensions: ExtensionJudge;

  constructor(
    readonly base: LoadedSpec,
    readonly head: LoadedSpec,
    options: DiffOptions = {},
  ) {
    this.resolveBase = createResolver(base.document, base.label);
    this.resolveHead = createResolver(head.document, head.label);
    this.extensions = new ExtensionJudge(options.extensions);
    this.schemas = new SchemaDiffer(this.resolveBase, this.resolveHead, this.extensions);
  }

  report(id: RuleId, operation: string | null, pointer: string, message: string): void {
    this.findings.push({ id, severity: rules[id].severity, operation, pointer, message });
  }

  /**
   * Reports changes to the keywords of two objects that no comparison covers (`compared` lists the
   * ones that do): extensions judged by the extension table, anything else as not compared.
   */
  reportRemaining(
    operation: string | null,
    pointer: string,
    where: string,
    base: JsonObject,
    head: JsonObject,
    compared: ReadonlySet<string>,
  ): void {
    this.reportSchema(operation, pointer, where, remainingChanges(base, head, compared, this.extensions));
  }

  /** Reports the changes of a schema that sits at `pointer`, described as `where` ("response 200 application/json"). */
  reportSchema(operation: string | null, pointer: string, where: string, changes: SchemaChange[]): void {
    for (const change of changes) {
      const path = readablePath(change.pointer);
      this.report(
        change.id,
        operation,
        pointer + change.pointer,
        `${where}${path ? ` \`${path}\`` : ''}: ${change.detail}`,
      );
    }
  }
}

const NESTING = new Set<string>(SUBSCHEMA_KEYWORDS);

/** `/properties/user/properties/emails/items` reads as `user.emails[]`. */
function readablePath(pointer: string): string {
  const segments = pointer.split('/').slice(1).map(unescapeSegment);
  let path = '';
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i]!;
    if (segment === 'properties' && i + 1 < segments.length) {
      const name = segments[++i]!;
      path += path ? `.${name}` : name;
    } else if (segment === 'items') {
      path += '[]';
    } else if (segment === 'additionalProperties') {
      path += path ? '.*' : '*';
    } else if ((segment === 'oneOf' || segment === 'anyOf') && i + 2 < segments.length) {
      // A trailing alternative, or subschema keyword, is named by the finding's own message.
      path += `{${segment}#${segments[++i]}}`;
    } else if (segment === 'prefixItems' && i + 2 < segments.length) {
      path += `[${segments[++i]}]`;
    } else if ((segment === 'patternProperties' || segment === 'dependentSchemas') && i + 2 < segments.length) {
      path += `{${segment} ${segments[++i]}}`;
    } else if (NESTING.has(segment) && i + 1 < segments.length) {
      path += `{${segment}}`;
    }
  }
  return path;
}
