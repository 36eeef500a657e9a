import { describe, expect, it } from 'vitest';
import { createProviderClient, railsForms } from '../src/index.js';
import { testDescriptor } from './descriptor.js';
import { json, scriptedFetch, type paths } from './scripted-fetch.js';

describe('a client whose descriptor brings the Rails form encoding (railsForms)', () => {
  const { fetch, sent } = scriptedFetch([json(200, { id: 1 }), json(200, { id: 2 }), json(200, [])]);
  const client = createProviderClient<paths>(testDescriptor({ bodyEncoder: railsForms }), {
    fetch,
  });

  it('sends bracketed form text labelled application/x-www-form-urlencoded', async () => {
    await client.POST('/things', { body: { thing: { name: 'a b' } } });
    expect(sent[0]).toMatchObject({ contentType: 'application/x-www-form-urlencoded', body: 'thing%5Bname%5D=a+b' });
  });

  it('sends a body holding a file as multipart/form-data with its boundary', async () => {
    await client.PUT('/things', { body: { thing: { name: new File(['x'], 'x.csv') as unknown as string } } });
    expect(sent[1]?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent[1]?.body).toMatch(/name="thing\[name\]"; filename="x.csv"/);
  });

  it('sends no content type without a body', async () => {
    await client.GET('/things');
    expect(sent[2]).toMatchObject({ method: 'GET', contentType: null, body: '' });
  });
});
