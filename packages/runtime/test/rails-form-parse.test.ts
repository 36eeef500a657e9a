// The parser against Rack's own examples (rack/test/spec_utils.rb, "parses nested query strings
// correctly" and the ParameterTypeError cases), so that it can judge what the writer produces.
import { describe, expect, it } from 'vitest';
import { parseRailsForm } from '../src/index.js';

const examples: Array<[string, unknown]> = [
  ['foo=', { foo: '' }],
  ['foo=bar', { foo: 'bar' }],
  ['foo="bar"', { foo: '"bar"' }],
  ['foo=bar&foo=quux', { foo: 'quux' }],
  ['foo&foo=', { foo: '' }],
  ['&foo=1&&bar=2', { foo: '1', bar: '2' }],
  ['my+weird+field=q1%212%22%27w%245%267%2Fz8%29%3F', { 'my weird field': 'q1!2"\'w$5&7/z8)?' }],
  ['a=b&pid%3D1234=1023', { 'pid=1234': '1023', a: 'b' }],
  ['foo[]=', { foo: [''] }],
  ['foo[]=bar', { foo: ['bar'] }],
  ['foo[]=bar&foo[=baz', { foo: ['bar'], 'foo[': 'baz' }],
  ['foo[]=1&foo[]=2', { foo: ['1', '2'] }],
  ['foo=bar&baz[]=1&baz[]=2&baz[]=3', { foo: 'bar', baz: ['1', '2', '3'] }],
  ['x[y][z]=1', { x: { y: { z: '1' } } }],
  ['x[y][z][]=1', { x: { y: { z: ['1'] } } }],
  ['x[y][z]=1&x[y][z]=2', { x: { y: { z: '2' } } }],
  ['x[y][z][]=1&x[y][z][]=2', { x: { y: { z: ['1', '2'] } } }],
  ['x[y][][z]=1', { x: { y: [{ z: '1' }] } }],
  ['x[y][][z][]=1', { x: { y: [{ z: ['1'] }] } }],
  ['x[y][][z]=1&x[y][][w]=2', { x: { y: [{ z: '1', w: '2' }] } }],
  ['x[y][][v][w]=1', { x: { y: [{ v: { w: '1' } }] } }],
  ['x[y][][z]=1&x[y][][v][w]=2', { x: { y: [{ z: '1', v: { w: '2' } }] } }],
  ['x[y][][z]=1&x[y][][z]=2', { x: { y: [{ z: '1' }, { z: '2' }] } }],
  [
    'x[y][][z]=1&x[y][][w]=a&x[y][][z]=2&x[y][][w]=3',
    {
      x: {
        y: [
          { z: '1', w: 'a' },
          { z: '2', w: '3' },
        ],
      },
    },
  ],
  [
    'x[][y]=1&x[][z][w]=a&x[][y]=2&x[][z][w]=b',
    {
      x: [
        { y: '1', z: { w: 'a' } },
        { y: '2', z: { w: 'b' } },
      ],
    },
  ],
  [
    'x[][z][w]=a&x[][y]=1&x[][z][w]=b&x[][y]=2',
    {
      x: [
        { y: '1', z: { w: 'a' } },
        { y: '2', z: { w: 'b' } },
      ],
    },
  ],
  [
    'data[books][][data][page]=1&data[books][][data][page]=2',
    { data: { books: [{ data: { page: '1' } }, { data: { page: '2' } }] } },
  ],
  // CXI's nested arrays of hashes: a field with `[]` in it always goes into the last hash.
  [
    'r[][id]=1&r[][cp][][key]=a&r[][cp][][value]=x&r[][cp][][key]=b&r[][cp][][value]=y&r[][id]=2&r[][cp][][key]=c&r[][cp][][value]=z',
    {
      r: [
        {
          id: '1',
          cp: [
            { key: 'a', value: 'x' },
            { key: 'b', value: 'y' },
          ],
        },
        { id: '2', cp: [{ key: 'c', value: 'z' }] },
      ],
    },
  ],
];

describe('parseRailsForm', () => {
  it.each(examples)('%s', (body, expected) => {
    expect(parseRailsForm(body)).toEqual(expected);
  });

  it.each([
    ['x[y]=1&x[y]z=2', /expected a hash for "y"/],
    ['x[y]=1&x[]=1', /expected an array for "x"/],
    ['x[y]=1&x[y][][w]=2', /expected an array for "y"/],
  ])('refuses %s as Rack does', (body, message) => {
    expect(() => parseRailsForm(body)).toThrow(message);
  });

  it('cannot be steered into an object prototype', () => {
    const params = parseRailsForm('__proto__[polluted]=yes&constructor[prototype][polluted]=yes');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(params)).toEqual(['__proto__', 'constructor']);
  });

  it('refuses absurd nesting instead of recursing without end', () => {
    expect(() => parseRailsForm(`a${'[b]'.repeat(40)}=1`)).toThrow(/nested more than 32 levels/);
  });
});
