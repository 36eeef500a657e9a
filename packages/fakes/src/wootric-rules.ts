// What Wootric's REST API accepts in the form bodies of its writes, as the reference lists it
// (/work/shared/reference/wootric.md §6.4–§9, §13.1): the fields a Rails app reads from the body,
// checked for the shape the server needs. A body that a generic tool spelled wrongly (`[object
// Object]`, `emails` without brackets, a bare array) fails here as it would on the real server.
import type { RailsParams, RailsParamValue } from '@oapi/runtime';

export type Problem = { readonly field: string; readonly message: string } | undefined;

const isHash = (value: RailsParamValue | undefined): value is RailsParams =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function hashOfStrings(params: RailsParams | undefined, field: string): Problem {
  const value = field
    .split('.')
    .reduce<RailsParamValue | undefined>((at, key) => (isHash(at) ? at[key] : undefined), params);
  if (value === undefined) return undefined;
  if (!isHash(value) || Object.values(value).some((v) => typeof v !== 'string'))
    return { field, message: `${field} must be a hash of strings (${field.replace(/\./g, '][')}][<key>]=…)` };
  return undefined;
}

function present(params: RailsParams | undefined, ...fields: string[]): Problem {
  const missing = fields.find((field) => typeof params?.[field] !== 'string' || params[field] === '');
  return missing ? { field: missing, message: `${missing} is required` } : undefined;
}

function unix(params: RailsParams | undefined, field: string): Problem {
  const value = params?.[field];
  return value === undefined || (typeof value === 'string' && /^\d+$/.test(value))
    ? undefined
    : { field, message: `${field} must be UNIX seconds` };
}

const first = (...problems: Problem[]): Problem => problems.find((p) => p !== undefined);

/** `METHOD /path/{id}` → the check of its body. */
export const wootricBodyRules: Readonly<Record<string, (body: RailsParams | undefined) => Problem>> = {
  'POST /v1/end_users': (body) =>
    first(
      typeof body?.email === 'string' || typeof body?.phone_number === 'string'
        ? undefined
        : { field: 'email', message: 'email (or phone_number) is required' },
      unix(body, 'last_surveyed'),
      unix(body, 'external_created_at'),
      hashOfStrings(body, 'properties'),
    ),
  'PUT /v1/end_users/{id}': (body) =>
    first(unix(body, 'last_surveyed'), unix(body, 'external_created_at'), hashOfStrings(body, 'properties')),
  'POST /v1/end_users/{id}/responses': (body) => {
    const score = body?.score;
    return first(
      present(body, 'score', 'ip_address', 'origin_url'),
      typeof score === 'string' && /^(10|\d)$/.test(score)
        ? undefined
        : { field: 'score', message: 'score must be 0-10' },
      unix(body, 'created_at'),
      hashOfStrings(body, 'end_user.properties'),
    );
  },
  'POST /v1/end_users/{id}/declines': (body) =>
    first(unix(body, 'created_at'), hashOfStrings(body, 'end_user.properties')),
  'PUT /v1/declines/{id}': (body) => hashOfStrings(body, 'end_user.properties'),
  'POST /v1/email_survey': (body) => {
    const emails = body?.emails;
    if (!Array.isArray(emails) || emails.length === 0 || emails.some((e) => typeof e !== 'string' || !e.includes('@')))
      return { field: 'emails', message: 'emails must be an array of addresses (emails[]=…)' };
    if (emails.length > 100) return { field: 'emails', message: 'at most 100 emails per request' };
    const context = body?.context;
    if (context !== undefined && (!Array.isArray(context) || !context.every(isHash)))
      return { field: 'context', message: 'context must be an array of hashes (context[][<key>]=…)' };
    const settings = body?.survey_settings;
    if (settings !== undefined && !isHash(settings))
      return { field: 'survey_settings', message: 'survey_settings must be a hash' };
    return hashOfStrings(body, 'end_user.properties');
  },
};
