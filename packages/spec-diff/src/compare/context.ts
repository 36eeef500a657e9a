import { unescapeSegment } from '../json-pointer.js';
import { type RuleId, rules } from '../rules.js';
import type { Finding, LoadedSpec } from '../types.js';
import type { SchemaChange } from './direction.js';
import { createResolver, type Resolve } from './resolve.js';
import { SchemaDiffer } from './schema-diff.js';

/** The two documents being compared and the findings collected so far. */
export class DiffContext {
  readonly findings: Finding[] = [];
  readonly resolveBase: Resolve;
  readonly resolveHead: Resolve;
  readonly schemas: SchemaDiffer;

  constructor(
    readonly base: LoadedSpec,
    readonly head: LoadedSpec,
  ) {
    this.resolveBase = createResolver(base.document, base.label);
    this.resolveHead = createResolver(head.document, head.label);
    this.schemas = new SchemaDiffer(this.resolveBase, this.resolveHead);
  }

  report(id: RuleId, operation: string | null, pointer: string, message: string): void {
    this.findings.push({ id, severity: rules[id].severity, operation, pointer, message });
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
      // A trailing alternative is named by the finding's own message.
      path += `{${segment}#${segments[++i]}}`;
    }
  }
  return path;
}
