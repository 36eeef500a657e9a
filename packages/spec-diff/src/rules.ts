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
  /** What a client must do about a breaking change or a warning. */
  action?: string;
}

const breaking = (direction: RuleDirection, description: string, action: string): Rule => ({
  severity: 'breaking',
  direction,
  bump: 'major',
  description,
  action,
});
const warning = (direction: RuleDirection, description: string, action: string): Rule => ({
  severity: 'warning',
  direction,
  bump: 'minor',
  description,
  action,
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
  'path-removed': breaking(
    'both',
    'A path was removed, with at least one operation that was not deprecated.',
    'Stop calling these operations; use the replacement the API documents.',
  ),
  'operation-removed': breaking(
    'both',
    'An operation (or webhook) was removed without being deprecated first.',
    'Stop calling this operation; use the replacement the API documents.',
  ),
  'deprecated-operation-removed': warning(
    'both',
    'An operation that the base already marked deprecated was removed.',
    'Stop calling this operation.',
  ),
  'operation-id-changed': warning(
    'both',
    'An operationId changed or was removed: code generated from it (type and method names) changes.',
    'Update code that uses the type or method names generated from the old operationId.',
  ),
  'operation-deprecated': warning(
    'both',
    'An operation was marked deprecated: clients should move off it before it is removed.',
    'Move off this operation before it is removed.',
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
    'Stop sending this parameter.',
  ),
  'parameter-location-changed': breaking(
    'request',
    'A parameter moved to another location (`in`), e.g. from query to header.',
    'Send the parameter in its new location.',
  ),
  'parameter-made-required': breaking(
    'request',
    'An optional parameter became required.',
    'Send this parameter on every call.',
  ),
  'required-parameter-added': breaking(
    'request',
    'A new required parameter was added.',
    'Send the new parameter on every call.',
  ),
  'parameter-style-changed': breaking(
    'both',
    "A parameter's or response header's serialization (`style`, `explode`, `allowReserved`) changed, so the same value is written differently.",
    'Write (or, for a response header, read) the value the new way.',
  ),
  'deprecated-parameter-removed': warning(
    'request',
    'A parameter that the base already marked deprecated was removed.',
    'Stop sending this parameter.',
  ),
  'parameter-deprecated': warning(
    'request',
    'A parameter was marked deprecated: clients should stop sending it before it is removed.',
    'Stop sending this parameter before it is removed.',
  ),
  'parameter-added': addition('request', 'A new optional parameter was added.'),
  'parameter-made-optional': addition('request', 'A required parameter became optional.'),
  'webhook-parameter-made-optional': breaking(
    'response',
    'A parameter that a webhook always sent to the client became optional.',
    'Handle webhook calls without this parameter.',
  ),

  // Request bodies
  'request-body-made-required': breaking(
    'request',
    'A request body became required (or a required body was added).',
    'Send a request body on every call.',
  ),
  'request-body-removed': breaking(
    'request',
    'The request body was removed: clients that send one may be rejected.',
    'Stop sending a request body.',
  ),
  'request-media-type-removed': breaking(
    'request',
    'A request media type is no longer accepted.',
    'Send the body in a media type that is still accepted.',
  ),
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
    'Send and accept the media type with its new parameters.',
  ),

  // Responses (what the client receives)
  'success-status-removed': breaking(
    'response',
    'A success (2xx) response status was removed.',
    'Handle the statuses the operation now answers with.',
  ),
  'response-media-type-removed': breaking(
    'response',
    'A response media type is no longer returned.',
    'Accept the media types the response now has.',
  ),
  'response-header-removed': breaking(
    'response',
    'A response header is no longer returned.',
    'Stop relying on this header.',
  ),
  'response-header-made-optional': breaking(
    'response',
    'A required response header became optional.',
    'Handle responses without this header.',
  ),
  'response-media-type-specialised': warning(
    'response',
    'A response media type was replaced by a more specific one of the same syntax (`application/json` → `application/problem+json`): a client that matches the media type exactly must accept the new one.',
    'Accept the new media type wherever you check the Content-Type.',
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
    'Send or read values of the new type.',
  ),
  'format-changed': breaking(
    'both',
    'A format changed: added or changed in a request, removed or changed in a response.',
    'Send or read values in the new format.',
  ),
  'request-enum-value-removed': breaking(
    'request',
    'A request enum (or const) no longer accepts a value it did.',
    'Stop sending the removed values.',
  ),
  'response-enum-value-added': breaking(
    'response',
    'A response enum (or const) can return a value it could not.',
    'Handle the new values: an exhaustive switch needs a case or a default.',
  ),
  'request-nullable-removed': breaking('request', 'A request value no longer accepts null.', 'Stop sending null.'),
  'response-nullable-added': breaking('response', 'A response value can now be null.', 'Handle null.'),
  'required-request-property-added': breaking(
    'request',
    'A new required request property was added.',
    'Send the new property on every call.',
  ),
  'request-property-made-required': breaking(
    'request',
    'An optional request property became required.',
    'Send this property on every call.',
  ),
  'request-length-tightened': breaking(
    'request',
    'A request length or size limit was tightened (minLength, maxLength, minItems, maxItems, minProperties, maxProperties).',
    'Keep values within the new limits.',
  ),
  'request-range-tightened': breaking(
    'request',
    'A request numeric range was tightened (minimum, maximum, exclusive bounds, multipleOf).',
    'Keep numbers within the new range.',
  ),
  'request-pattern-changed': breaking(
    'request',
    'A request pattern was added or changed (an empty pattern is no pattern).',
    'Send only values that match the new pattern.',
  ),
  'request-constraint-added': breaking(
    'request',
    'A request schema gained or tightened a constraint: uniqueItems, items, prefixItems, contains/minContains/maxContains, unevaluatedItems, propertyNames, patternProperties, additionalProperties or unevaluatedProperties as a schema, dependentRequired, dependentSchemas, not, if/then/else, contentMediaType, contentEncoding, contentSchema, or another oneOf/anyOf.',
    'Send only values that meet the new constraint.',
  ),
  'request-default-changed': breaking(
    'request',
    'A request default (of a parameter or a body property) changed or was removed: clients that omit the value get another behaviour.',
    'Send the value yourself if you relied on the old default.',
  ),
  'request-additional-properties-restricted': breaking(
    'request',
    'A request object no longer accepts additional properties.',
    'Stop sending properties the schema does not list.',
  ),
  'request-variant-removed': breaking(
    'request',
    'A request oneOf/anyOf alternative was removed.',
    'Stop sending the removed alternative.',
  ),
  'response-property-removed': breaking(
    'response',
    'A response property was removed.',
    'Stop relying on this property.',
  ),
  'response-property-made-optional': breaking(
    'response',
    'A required response property became optional.',
    'Handle responses without this property.',
  ),
  'response-variant-added': breaking(
    'response',
    'A response oneOf/anyOf alternative was added.',
    'Handle the new alternative.',
  ),
  'request-property-removed': warning(
    'request',
    'A request property was removed: the server ignores or rejects it.',
    'Stop sending this property.',
  ),
  'response-constraint-loosened': warning(
    'response',
    'A response constraint was loosened or removed (length, range, pattern, or any keyword of `request-constraint-added`): clients may receive values they did not expect.',
    'Accept values beyond the old limits.',
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
    'Authenticate with what the operation now requires.',
  ),
  'security-scope-added': breaking(
    'request',
    'An operation requires an OAuth2/OpenID scope it did not.',
    'Ask for the new scope when you obtain tokens.',
  ),
  'security-scheme-changed': breaking(
    'document',
    'A security scheme in use was removed or changed how credentials are sent (type, in, name, scheme, flow URLs).',
    'Send credentials the way the scheme now describes.',
  ),
  'security-requirement-removed': addition(
    'request',
    'A security requirement or scope was removed or an alternative added.',
  ),
  'server-removed': breaking('document', 'A server URL was removed.', 'Point the client at a server that remains.'),
  'server-added': addition('document', 'A server URL was added.'),
  'documentation-changed': docsOnly('both', 'A description, summary, title, tag or example changed.'),

  // What spec-diff cannot judge by itself
  'extension-changed-breaking': breaking(
    'both',
    'An `x-` extension changed where the extension table says a change breaks clients (e.g. a token-request parameter moved between query and body).',
    "Without the generated client, follow the new value (see the extension's description); the generated client does once updated.",
  ),
  'extension-changed-warning': warning(
    'both',
    'An `x-` extension changed where the extension table says a change is a warning.',
    'Review the new value of the extension.',
  ),
  'extension-changed-info': addition(
    'both',
    'An `x-` extension changed where the extension table says a change is informational.',
  ),
  'unknown-extension-changed': addition(
    'both',
    'An `x-` extension that the extension table does not list was added, removed or changed: its effect is unknown.',
  ),
  'typescript-incompatible': breaking(
    'both',
    "Code written against the types openapi-typescript generates from the base no longer compiles against the head's (`--types`): a request value the old types allowed is refused, or a response type is not assignable to the old one. Reported with the compiler's message, apart from the wire findings: it does not change their summary or bump.",
    'Update the code the compiler points at: the new types describe what the API now sends and accepts.',
  ),
  'not-compared': addition(
    'both',
    'A keyword that spec-diff does not compare changed (listed in the README): review it by hand.',
  ),
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof rules;

export const ruleIds = Object.keys(rules) as RuleId[];
