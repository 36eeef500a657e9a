// The writer produces what Rails reads back as the same data (checked with the Rack-faithful
// parser), in the exact bracket spelling the Wootric and CXI docs show.
import { describe, expect, it } from 'vitest';
import { parseRailsForm, railsBodySerializer, railsFormEncode, railsFormFields } from '../src/index.js';

const asStrings = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value, (_, v: unknown) =>
      typeof v === 'number' || typeof v === 'boolean' ? String(v) : v === null ? '' : v,
    ),
  );

const bodies: Array<[string, Record<string, unknown>, string]> = [
  [
    'hashes',
    { email: 'a@example.com', properties: { plan: 'Pro', seats: 5 } },
    'email=a@example.com&properties[plan]=Pro&properties[seats]=5',
  ],
  ['nested hashes', { end_user: { properties: { persona: 'Admin' } } }, 'end_user[properties][persona]=Admin'],
  [
    'arrays',
    { emails: ['a@example.com', 'b@example.com'], survey_immediately: true },
    'emails[]=a@example.com&emails[]=b@example.com&survey_immediately=true',
  ],
  [
    'arrays of hashes',
    { context: [{ first_name: 'John', city: 'Oslo' }, { first_name: 'Jane' }] },
    'context[][first_name]=John&context[][city]=Oslo&context[][first_name]=Jane',
  ],
  [
    'a hash that must lead with a shared field',
    {
      context: [
        { first_name: 'John', city: 'Oslo' },
        { city: 'Rome', first_name: 'Jane' },
      ],
    },
    'context[][first_name]=John&context[][city]=Oslo&context[][city]=Rome&context[][first_name]=Jane',
  ],
  [
    'arrays of hashes holding arrays of hashes (CXI segments)',
    {
      responses: [
        {
          id: 413,
          custom_properties: [
            { key: 'plan', value: 'Pro' },
            { key: 'seats', value: '5' },
          ],
        },
        { id: 414, custom_properties: [{ key: 'plan', value: 'Lite' }] },
      ],
    },
    'responses[][id]=413&responses[][custom_properties][][key]=plan&responses[][custom_properties][][value]=Pro&responses[][custom_properties][][key]=seats&responses[][custom_properties][][value]=5&responses[][id]=414&responses[][custom_properties][][key]=plan&responses[][custom_properties][][value]=Lite',
  ],
  [
    'arrays inside hashes (CXI tags)',
    { tag: { name: 'Billing', text_match_terms: ['invoice', 'refund'] } },
    'tag[name]=Billing&tag[text_match_terms][]=invoice&tag[text_match_terms][]=refund',
  ],
  [
    'null as an empty value, undefined and empty arrays left out',
    { a: null, b: undefined, c: [], d: 'x y&z' },
    'a=&d=x y&z',
  ],
];

describe('railsFormEncode', () => {
  it.each(bodies)('writes %s in Rails bracket notation', (_name, body, expected) => {
    const encoded = railsFormEncode(body);
    expect([...new URLSearchParams(encoded)].map(([k, v]) => `${k}=${v}`).join('&')).toBe(expected);
    expect(parseRailsForm(encoded)).toEqual(
      asStrings(
        Object.fromEntries(
          Object.entries(body).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
        ),
      ),
    );
  });

  it('encodes as a browser form does (brackets and reserved characters escaped, spaces as +)', () => {
    expect(railsFormEncode({ emails: ['a+b@example.com'], subject: 'Hi there & welcome' })).toBe(
      'emails%5B%5D=a%2Bb%40example.com&subject=Hi+there+%26+welcome',
    );
  });

  it.each([
    [
      'a Date',
      { created_at: new Date(0) },
      /"body.created_at" cannot be sent as a form field: a Date \(send UNIX seconds/,
    ],
    ['NaN', { score: Number.NaN }, /"body.score" cannot be sent as a form field: the number NaN/],
    ['an array of arrays', { a: [['x']] }, /"body.a\[0\]" is an array inside an array/],
    ['an empty hash in an array', { context: [{}] }, /"body.context\[0\]" is an empty object/],
    [
      'hashes Rails would merge',
      { context: [{ a: '1' }, { b: '2' }] },
      /"body.context\[1\]" shares no plain field with "body.context\[0\]"/,
    ],
    ['a class instance', { a: new Map() }, /"body.a" cannot be sent as a form field: a Map/],
  ])('refuses %s, naming the field', (_name, body, message) => {
    expect(() => railsFormEncode(body)).toThrow(message);
  });

  it('refuses a body that is not a plain object', () => {
    expect(() => railsFormFields('a=b' as never)).toThrow(/"body" must be a plain object/);
  });
});

describe('railsBodySerializer', () => {
  it('writes form text for a body without files', () => {
    expect(railsBodySerializer({ project: { name: 'Q1' } })).toBe('project%5Bname%5D=Q1');
  });

  it('writes multipart FormData with bracketed names when a field is a file', async () => {
    const csv = new File(['email\na@example.com\n'], 'people.csv', { type: 'text/csv' });
    const form = railsBodySerializer({ csv, survey_settings: { logo_url: 'https://example.com/logo.png' }, delay: 2 });
    expect(form).toBeInstanceOf(FormData);
    const entries = [...(form as FormData).entries()];
    expect(entries.map(([name]) => name)).toEqual(['csv', 'survey_settings[logo_url]', 'delay']);
    const part = (form as FormData).get('csv') as File;
    expect([part.name, part.type, await part.text()]).toEqual(['people.csv', 'text/csv', 'email\na@example.com\n']);
  });

  it('passes FormData through untouched', () => {
    const form = new FormData();
    expect(railsBodySerializer(form)).toBe(form);
  });
});
