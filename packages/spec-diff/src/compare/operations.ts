import type { DiffContext } from './context.js';
import { compareDocumentation } from './documentation.js';
import type { OperationPair } from './operation-pair.js';
import { compareParameters } from './parameters.js';
import { compareRequestBody } from './request-body.js';
import { compareResponses } from './responses.js';
import { compareSecurity } from './security.js';

/**
 * Everything about one operation present in both versions. For a webhook only what the client
 * receives is compared: its parameters and payload (in the response direction); its responses,
 * which the client sends back, are not.
 */
export function compareOperation(ctx: DiffContext, pair: OperationPair): void {
  const { base, head } = pair;
  if (base.operation.deprecated !== true && head.operation.deprecated === true) {
    ctx.report('operation-deprecated', pair.label, head.operationPointer, `${pair.kind} deprecated`);
  }
  const [baseId, headId] = [base.operation.operationId, head.operation.operationId];
  if (typeof baseId === 'string' && baseId !== headId) {
    ctx.report(
      'operation-id-changed',
      pair.label,
      head.operationPointer,
      `operationId ${baseId} → ${typeof headId === 'string' ? headId : '(none)'}`,
    );
  }
  compareParameters(ctx, pair);
  compareRequestBody(ctx, pair);
  if (pair.kind === 'operation') {
    compareResponses(ctx, pair);
    compareSecurity(ctx, pair);
  }
  const compared = pair.kind === 'operation' ? OPERATION_KEYWORDS : WEBHOOK_KEYWORDS;
  compareDocumentation(ctx, pair.label, head.operationPointer, pair.kind, base.operation, head.operation, [
    'summary',
    'description',
    'tags',
    'externalDocs',
  ]);
  ctx.reportRemaining(pair.label, head.operationPointer, pair.kind, base.operation, head.operation, compared);
}

/** What the comparisons above cover; `callbacks` and `servers` are reported as not compared. */
const OPERATION_KEYWORDS = new Set([
  'tags',
  'summary',
  'description',
  'externalDocs',
  'operationId',
  'parameters',
  'requestBody',
  'responses',
  'deprecated',
  'security',
]);
/** A webhook's responses are what the client answers: reported as not compared. */
const WEBHOOK_KEYWORDS = new Set([...OPERATION_KEYWORDS].filter((k) => k !== 'responses' && k !== 'security'));
