import { asArray, asObject, isObject } from '../is-object.js';
import { childPointer } from '../json-pointer.js';
import type { JsonObject } from '../types.js';
import type { DiffContext } from './context.js';
import { compareDocumentation } from './documentation.js';
import type { OperationPair } from './operation-pair.js';

/** One alternative of a security requirement: every scheme it needs, with the scopes of each. */
type Alternative = Map<string, Set<string>>;

/** An operation's own `security`, or the document's; no requirement at all is one anonymous alternative. */
function alternatives(operation: JsonObject, document: JsonObject): Alternative[] {
  const requirement = Array.isArray(operation.security) ? operation.security : asArray(document.security);
  if (requirement.length === 0) return [new Map()];
  return requirement.map(
    (alt) =>
      new Map(Object.entries(asObject(alt)).map(([scheme, scopes]) => [scheme, new Set(asArray(scopes).map(String))])),
  );
}

/** Whether a client that satisfies `held` also satisfies `needed`. */
function satisfies(held: Alternative, needed: Alternative): boolean {
  for (const [scheme, scopes] of needed) {
    const have = held.get(scheme);
    if (!have || [...scopes].some((s) => !have.has(s))) return false;
  }
  return true;
}

const describe = (alt: Alternative): string =>
  alt.size === 0
    ? 'no credentials'
    : [...alt].map(([s, scopes]) => (scopes.size ? `${s} (${[...scopes].join(', ')})` : s)).join(' + ');

/**
 * A client authenticated for a base alternative keeps working when some head alternative asks for
 * nothing more. When none does, the head added a scheme or a scope.
 */
export function compareSecurity(ctx: DiffContext, pair: OperationPair): void {
  const base = alternatives(pair.base.operation, ctx.base.document);
  const head = alternatives(pair.head.operation, ctx.head.document);
  const pointer = Array.isArray(pair.head.operation.security) ? `${pair.head.operationPointer}/security` : '/security';
  let changed = false;
  for (const held of base) {
    if (head.some((needed) => satisfies(held, needed))) continue;
    changed = true;
    const sameSchemes = head.find(
      (needed) => needed.size === held.size && [...needed.keys()].every((s) => held.has(s)),
    );
    if (sameSchemes) {
      const added = [...sameSchemes].flatMap(([s, scopes]) =>
        [...scopes].filter((x) => !held.get(s)!.has(x)).map((x) => `${s}: ${x}`),
      );
      ctx.report('security-scope-added', pair.label, pointer, `now requires scope ${added.join(', ')}`);
    } else {
      ctx.report(
        'security-requirement-added',
        pair.label,
        pointer,
        `clients using ${describe(held)} now need ${head.map(describe).join(' or ')}`,
      );
    }
  }
  if (!changed && !sameAlternatives(base, head)) {
    ctx.report(
      'security-requirement-removed',
      pair.label,
      pointer,
      `security ${base.map(describe).join(' or ')} → ${head.map(describe).join(' or ')}`,
    );
  }
}

function sameAlternatives(a: Alternative[], b: Alternative[]): boolean {
  const key = (alts: Alternative[]): string => alts.map(describe).sort().join('|');
  return key(a) === key(b);
}

/** How credentials are sent: a change to any of these breaks every client of the scheme. */
function wireShape(scheme: JsonObject): string {
  const flows = Object.entries(asObject(scheme.flows)).map(([name, flow]) => {
    const { authorizationUrl, tokenUrl, refreshUrl } = asObject(flow);
    return [name, authorizationUrl, tokenUrl, refreshUrl];
  });
  return JSON.stringify([
    scheme.type,
    scheme.in,
    scheme.name,
    String(scheme.scheme ?? '').toLowerCase(),
    scheme.openIdConnectUrl,
    flows.sort(),
  ]);
}

export function compareSecuritySchemes(ctx: DiffContext): void {
  const base = asObject(asObject(ctx.base.document.components).securitySchemes);
  const head = asObject(asObject(ctx.head.document.components).securitySchemes);
  for (const [name, raw] of Object.entries(base)) {
    if (!(name in head)) continue; // its removal shows in the operations that required it
    const before = ctx.resolveBase(raw);
    const after = ctx.resolveHead(head[name]);
    if (!isObject(before) || !isObject(after)) continue;
    const pointer = childPointer('/components/securitySchemes', name);
    if (wireShape(before) !== wireShape(after)) {
      ctx.report(
        'security-scheme-changed',
        null,
        pointer,
        `security scheme \`${name}\` changed how credentials are sent`,
      );
    }
    const where = `security scheme \`${name}\``;
    compareDocumentation(ctx, null, pointer, where, before, after, ['description', 'bearerFormat']);
    ctx.reportRemaining(null, pointer, where, before, after, SCHEME_KEYWORDS);
    const [baseFlows, headFlows] = [asObject(before.flows), asObject(after.flows)];
    for (const flow of Object.keys(headFlows)) {
      if (!(flow in baseFlows)) continue; // a flow added or removed changes the wire shape above
      const [from, to] = [asObject(baseFlows[flow]), asObject(headFlows[flow])];
      const flowPointer = childPointer(pointer, 'flows', flow);
      compareDocumentation(ctx, null, flowPointer, `${where} flow \`${flow}\``, from, to, ['scopes']);
      ctx.reportRemaining(null, flowPointer, `${where} flow \`${flow}\``, from, to, FLOW_KEYWORDS);
    }
  }
}

const SCHEME_KEYWORDS = new Set([
  'type',
  'description',
  'name',
  'in',
  'scheme',
  'bearerFormat',
  'flows',
  'openIdConnectUrl',
]);
/** Scopes a flow offers are documentation: the scopes an operation requires are compared there. */
const FLOW_KEYWORDS = new Set(['authorizationUrl', 'tokenUrl', 'refreshUrl', 'scopes']);
