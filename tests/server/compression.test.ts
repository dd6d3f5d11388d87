import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { harness, json, sseEvents } from './harness.js';

// The API's answers go out gzipped to a browser that accepts it; event streams never are.
const h = harness();
afterAll(() => h.close());
const gzip = { 'Accept-Encoding': 'gzip, deflate, br' };
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('API compression', () => {
  it('gzips a JSON page of rows for a browser that accepts gzip, and sends it plain otherwise', async () => {
    const url = '/api/datasets/shop/orders/rows?customers=300&seed=1&limit=2000';
    const packed = await h.request(url, { headers: gzip });
    expect(packed.status).toBe(200);
    expect(packed.headers.get('content-encoding')).toBe('gzip');
    expect(packed.headers.get('vary')).toMatch(/Accept-Encoding/i);
    const body = await bytes(packed);
    const plain = await h.request(url);
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    expect(gunzipSync(body).toString()).toBe(text);
    expect(body.length).toBeLessThan(text.length / 3);
  });

  it('sends a small answer plain, where gzip would cost the server more than it saves', async () => {
    const small = await h.request('/api/session', { headers: gzip });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(small.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(JSON.parse(await small.text())).toBeTruthy();
  });

  it('gzips Arrow IPC rows', async () => {
    const res = await h.request('/api/datasets/shop/orders/rows?customers=300&seed=1', { headers: { ...gzip, Accept: 'application/vnd.apache.arrow.stream' } });
    expect(res.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(res)).length).toBeGreaterThan(1024);
  });

  it('leaves an SSE run uncompressed, so each progress event arrives when sent', async () => {
    const res = await h.request('/api/recipes/slow/run', json('POST', { params: { ms: 50, steps: 2 } }, { ...gzip, Accept: 'text/event-stream' }));
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(sseEvents(await res.text()).at(-1)!.event).toBe('result');
  });
});
