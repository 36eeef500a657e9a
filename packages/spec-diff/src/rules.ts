// The one table of rules. Every finding names one of these ids; RULES.md is printed from this table
// (`spec-diff rules --format markdown`), never written by hand.
//
// Direction says which side of the wire a rule judges: a request is what a client sends (narrowing it
// breaks clients), a response is what it receives (widening it can break them). A webhook payload is
// judged like a response. `bump` is the release a client package needs for the change.

export type Severity = 'breaking' | 'warning' | 'info';
export type RuleDirection = 'request' | 'response' | 'both' | 'document';
export type Bump = 'major' | 'minor' | 'patch' | 'none';

export interface Rule {
  severity: Severity;
  direction: RuleDirection;
  bump: Exclude<Bump, 'none'>;
  description: string;
}

const breaking = (direction: RuleDirection, description: string): Rule => ({
  severity: 'breaking',
  direction,
  bump: 'major',
  description,
});
const warning = (direction: RuleDirection, description: string): Rule => ({
  severity: 'warning',
  direction,
  bump: 'minor',
  description,
});
const addition = (direction: RuleDirection, description: string): Rule => ({
  severity: 'info',
  direction,
  bump: 'minor',
  description,
});
const docsOnly = (direction: RuleDirection, description: string): Rule => ({
  severity: 'info',
  direction,
  bump: 'patch',
  description,
});

export const rules = {
  // Paths and operations
  'path-removed': breaking('both', 'A path was removed, with at least one operation that was not deprecated.'),
  'operation-removed': breaking('both', 'An operation (or webhook) was removed without being deprecated first.'),
  'deprecated-operation-removed': warning('both', 'An operation that the base already marked deprecated was removed.'),
  'operation-id-changed': warning(
    'both',
    'An operationId changed or was removed: code generated from it (type and method names) changes.',
  ),
  'operation-deprecated': warning(
    'both',
    'An operation was marked deprecated: clients should move off it before it is removed.',
  ),
  'path-added': addition('both', 'A path was added.'),
  'operation-added': addition('both', 'An operation (or webhook) was added.'),
  'path-parameter-renamed': docsOnly(
    'request',
    'A path template parameter was renamed; the URL on the wire is unchanged.',
  ),

  // Parameters (what the client sends)
  'parameter-removed': breaking(
    'request',
    'A parameter was removed: clients that send it lose its effect or are rejected.',
  ),
  'parameter-location-changed': breaking(
    'request',
    'A parameter moved to another location (`in`), e.g. from query to header.',
  ),
  'parameter-made-required': breaking('request', 'An optional parameter became required.'),
  'required-parameter-added': breaking('request', 'A new required parameter was added.'),
  'parameter-style-changed': breaking(
    'both',
    "A parameter's or response header's serialization (`style`, `explode`, `allowReserved`) changed, so the same value is written differently.",
  ),
  'deprecated-parameter-removed': warning(
    'request',
    'A parameter that the base already marked deprecated was removed.',
  ),
  'parameter-deprecated': warning(
    'request',
    'A parameter was marked deprecated: clients should stop sending it before it is removed.',
  ),
  'parameter-added': addition('request', 'A new optional parameter was added.'),
  'parameter-made-optional': addition('request', 'A required parameter became optional.'),
  'webhook-parameter-made-optional': breaking(
    'response',
    'A parameter that a webhook always sent to the client became optional.',
  ),

  // Request bodies
  'request-body-made-required': breaking('request', 'A request body became required (or a required body was added).'),
  'request-body-removed': breaking('request', 'The request body was removed: clients that send one may be rejected.'),
  'request-media-type-removed': breaking('request', 'A request media type is no longer accepted.'),
  'request-body-added': addition('request', 'An optional request body was added.'),
  'request-body-made-optional': addition('request', 'A required request body became optional.'),
  'request-media-type-added': addition('request', 'A new request media type is accepted.'),
  'request-media-type-generalised': addition(
    'request',
    'A request media type was replaced by a more general one (`application/json` → `application/*`): what clients send is still accepted.',
  ),
  'media-type-parameters-changed': breaking(
    'both',
    'A media type kept its type but changed its parameters (`application/json; version=1` → `version=2`); `charset` of a JSON type does not count.',
  ),

  // Responses (what the client receives)
  'success-status-removed': breaking('response', 'A success (2xx) response status was removed.'),
  'response-media-type-removed': breaking('response', 'A response media type is no longer returned.'),
  'response-header-removed': breaking('response', 'A response header is no longer returned.'),
  'response-header-made-optional': breaking('response', 'A required response header became optional.'),
  'response-media-type-specialised': warning(
    'response',
    'A response media type was replaced by a more specific one of the same syntax (`application/json` → `application/problem+json`): a client that matches the media type exactly must accept the new one.',
  ),
  'error-status-removed': addition('response', 'A non-success response status was removed.'),
  'response-status-added': addition('response', 'A response status was added.'),
  'response-media-type-added': addition('response', 'A response media type was added.'),
  'response-header-added': addition('response', 'A response header was added.'),
  'response-header-made-required': addition('response', 'An optional response header became required.'),

  // Schemas, judged in the direction of the message they sit in
  'type-changed': breaking(
    'both',
    'A type changed incompatibly: a request no longer accepts a type it did, or a response returns a type it did not.',
  ),
  'format-changed': breaking(
    'both',
    'A format changed: added or changed in a request, removed or changed in a response.',
  ),
  'request-enum-value-removed': breaking('request', 'A request enum (or const) no longer accepts a value it did.'),
  'response-enum-value-added': breaking('response', 'A response enum (or const) can return a value it could not.'),
  'request-nullable-removed': breaking('request', 'A request value no longer accepts null.'),
  'response-nullable-added': breaking('response', 'A response value can now be null.'),
  'required-request-property-added': breaking('request', 'A new required request property was added.'),
  'request-property-made-required': breaking('request', 'An optional request property became required.'),
  'request-length-tightened': breaking(
    'request',
    'A request length or size limit was tightened (minLength, maxLength, minItems, maxItems, minProperties, maxProperties).',
  ),
  'request-range-tightened': breaking(
    'request',
    'A request numeric range was tightened (minimum, maximum, exclusive bounds, multipleOf).',
  ),
  'request-pattern-changed': breaking(
    'request',
    'A request pattern was added or changed (an empty pattern is no pattern).',
  ),
  'request-constraint-added': breaking(
    'request',
    'A request schema gained or tightened a constraint: uniqueItems, items, prefixItems, contains/minContains/maxContains, unevaluatedItems, propertyNames, patternProperties, additionalProperties or unevaluatedProperties as a schema, dependentRequired, dependentSchemas, not, if/then/else, contentMediaType, contentEncoding, contentSchema, or another oneOf/anyOf.',
  ),
  'request-default-changed': breaking(
    'request',
    'A request default (of a parameter or a body property) changed or was removed: clients that omit the value get another behaviour.',
  ),
  'request-additional-properties-restricted': breaking(
    'request',
    'A request object no longer accepts additional properties.',
  ),
  'request-variant-removed': breaking('request', 'A request oneOf/anyOf alternative was removed.'),
  'response-property-removed': breaking('response', 'A response property was removed.'),
  'response-property-made-optional': breaking('response', 'A required response property became optional.'),
  'response-variant-added': breaking('response', 'A response oneOf/anyOf alternative was added.'),
  'request-property-removed': warning('request', 'A request property was removed: the server ignores or rejects it.'),
  'response-constraint-loosened': warning(
    'response',
    'A response constraint was loosened or removed (length, range, pattern, or any keyword of `request-constraint-added`): clients may receive values they did not expect.',
  ),
  'request-property-added': addition('request', 'A new optional request property was added.'),
  'response-property-added': addition('response', 'A new response property was added.'),
  'request-default-added': addition('request', 'A request value that had no default got one.'),
  'wire-type-compatible': addition(
    'both',
    'A parameter or header changed type, but every value it carried before is still valid on the wire, where it is text (integer → number → string; a value → an array of it).',
  ),
  'schema-compatible-change': addition(
    'both',
    'A schema changed in the compatible direction (a request accepts more, a response promises more).',
  ),

  // Security, servers, documentation
  'security-requirement-added': breaking(
    'request',
    'An operation requires a security scheme that a base requirement did not.',
  ),
  'security-scope-added': breaking('request', 'An operation requires an OAuth2/OpenID scope it did not.'),
  'security-scheme-changed': breaking(
    'document',
    'A security scheme in use was removed or changed how credentials are sent (type, in, name, scheme, flow URLs).',
  ),
  'security-requirement-removed': addition(
    'request',
    'A security requirement or scope was removed or an alternative added.',
  ),
  'server-removed': breaking('document', 'A server URL was removed.'),
  'server-added': addition('document', 'A server URL was added.'),
  'documentation-changed': docsOnly('both', 'A description, summary, title, tag or example changed.'),

  // What spec-diff cannot judge by itself
  'extension-changed-breaking': breaking(
    'both',
    'An `x-` extension changed where the extension table says a change breaks clients (e.g. a token-request parameter moved between query and body).',
  ),
  'extension-changed-warning': warning(
    'both',
    'An `x-` extension changed where the extension table says a change is a warning.',
  ),
  'extension-changed-info': addition(
    'both',
    'An `x-` extension changed where the extension table says a change is informational.',
  ),
  'unknown-extension-changed': addition(
    'both',
    'An `x-` extension that the extension table does not list was added, removed or changed: its effect is unknown.',
  ),
  'not-compared': addition(
    'both',
    'A keyword that spec-diff does not compare changed (listed in the README): review it by hand.',
  ),
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof rules;

export const ruleIds = Object.keys(rules) as RuleId[];
