// Rails (Rack) bracket notation: hashes as `a[b]=1`, arrays as `a[]=1&a[]=2`, arrays of hashes as
// `a[][k]=1&a[][j]=2&a[][k]=3`. Rack starts a new hash in an array of hashes only when a field of
// the last one repeats, so each hash after the first must lead with a field that the previous hash
// also had; the writer picks that field first and refuses arrays it cannot express.

export type FormFieldValue = string | Blob;
export type FormField = readonly [name: string, value: FormFieldValue];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  const prototype: unknown = typeof value === 'object' && value !== null && Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function describe(value: unknown): string {
  if (value instanceof Date) return 'a Date (send UNIX seconds or a string instead)';
  if (typeof value === 'number') return `the number ${value}`;
  return `a ${(value as object | undefined)?.constructor?.name ?? typeof value}`;
}

const isScalar = (value: unknown) =>
  typeof value === 'string' || typeof value === 'boolean' || typeof value === 'bigint' || Number.isFinite(value);

/** The fields below `name`, for a value at `path` (for messages: `body.context[1]`). */
function fieldsOf(name: string, value: unknown, path: string, out: FormField[]): void {
  if (value === undefined) return;
  if (value === null || isScalar(value)) out.push([name, String(value ?? '')]);
  else if (value instanceof Blob) out.push([name, value]);
  else if (Array.isArray(value)) arrayFields(name, value, path, out);
  else if (isPlainObject(value))
    for (const [key, child] of Object.entries(value)) fieldsOf(`${name}[${key}]`, child, `${path}.${key}`, out);
  else throw new TypeError(`"${path}" cannot be sent as a form field: ${describe(value)}`);
}

function arrayFields(name: string, items: readonly unknown[], path: string, out: FormField[]): void {
  // The fields of the previous element when it was a hash, relative to `name[]`.
  let previous: readonly FormField[] | undefined;
  items.forEach((item, index) => {
    const itemPath = `${path}[${index}]`;
    if (Array.isArray(item))
      throw new TypeError(`"${itemPath}" is an array inside an array, which a Rails form cannot carry`);
    if (item === undefined) throw new TypeError(`"${itemPath}" is undefined; remove it from the array`);
    if (!isPlainObject(item)) {
      fieldsOf(`${name}[]`, item, itemPath, out);
      previous = undefined;
      return;
    }
    const fields: FormField[] = [];
    fieldsOf('', item, itemPath, fields);
    if (fields.length === 0) throw new TypeError(`"${itemPath}" is an empty object, which a Rails form cannot carry`);
    if (previous) {
      const seen = previous;
      const anchor = fields.findIndex(([field]) => !field.includes('[]') && seen.some(([other]) => other === field));
      if (anchor < 0) {
        throw new TypeError(
          `"${itemPath}" shares no plain field with "${path}[${index - 1}]", so Rails would merge the two hashes`,
        );
      }
      fields.unshift(...fields.splice(anchor, 1));
    }
    for (const [field, value] of fields) out.push([`${name}[]${field}`, value]);
    previous = fields;
  });
}

/**
 * Every form field of `body` in Rails bracket notation, in order. Scalars become strings (`null`
 * an empty string), `undefined` and empty arrays are left out, Blobs stay Blobs (file parts).
 * Dates, arrays of arrays and arrays of hashes that Rails would merge are refused with a TypeError
 * naming the field.
 */
export function railsFormFields(body: Readonly<Record<string, unknown>>): FormField[] {
  if (!isPlainObject(body)) throw new TypeError(`"body" must be a plain object of form fields, got ${describe(body)}`);
  const out: FormField[] = [];
  for (const [key, value] of Object.entries(body)) fieldsOf(key, value, `body.${key}`, out);
  return out;
}

/** Fields with no file among them as `application/x-www-form-urlencoded` text. */
const urlEncoded = (fields: readonly FormField[]) => new URLSearchParams(fields as [string, string][]).toString();

/** `body` as `application/x-www-form-urlencoded` text in Rails bracket notation. */
export function railsFormEncode(body: Readonly<Record<string, unknown>>): string {
  const fields = railsFormFields(body);
  const file = fields.find(([, value]) => typeof value !== 'string');
  if (file) throw new TypeError(`"${file[0]}" is a file: send the body as multipart/form-data`);
  return urlEncoded(fields);
}

/**
 * openapi-fetch's `bodySerializer` for APIs that take Rails form bodies: a FormData passes as it
 * is, a body holding a Blob becomes multipart/form-data, any other body form-urlencoded text.
 * Pair it with `formContentType`, which labels the text as a form.
 */
export function railsBodySerializer(body: unknown): string | FormData {
  if (body instanceof FormData) return body;
  const fields = railsFormFields(body as Record<string, unknown>);
  if (!fields.some(([, value]) => value instanceof Blob)) return urlEncoded(fields);
  const form = new FormData();
  for (const [name, value] of fields) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, value instanceof File ? value.name : 'upload');
  }
  return form;
}
