import { afterAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../server/app/schemas.js';
import { expectJson, harness } from './harness.js';

const built = harness();
const unbuilt = harness({ client: false });
afterAll(async () => {
  await built.close();
  await unbuilt.close();
});

describe('security headers', () => {
  it('gives the page a same-origin CSP and the usual hardening headers', async () => {
    const res = await built.request('/');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toMatch(/'unsafe-eval'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('locks the sandbox worker out of the network, so cell code cannot call the API', async () => {
    const res = await built.request('/assets/sandbox-worker-abc123.js');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/connect-src 'none'/);
    expect(csp).toMatch(/default-src 'none'/);
    const other = await built.request('/assets/index-abc123.js');
    expect(other.headers.get('content-security-policy')).toMatch(/connect-src 'self'/);
    expect(other.headers.get('cache-control')).toMatch(/immutable/);
  });

  it('gives API responses a CSP that allows nothing, refusals included', async () => {
    const res = await built.request('/api/notebooks');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    const refused = await built.request('/api/notebooks', {}, null);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('client and fallbacks', () => {
  it('serves index.html for client routes (SPA fallback) but 404s missing assets', async () => {
    const page = await built.request('/notebooks/did-it-work');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app">');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect((await built.request('/assets/gone-123.js')).status).toBe(404);
  });

  it('answers unknown API paths with JSON 404, never the page', async () => {
    const error = await expectJson(await built.request('/api/nope'), 404, ErrorBody);
    expect(error.error).toMatch(/no API route GET \/api\/nope/);
    await expectJson(await built.request('/api/notebooks', { method: 'PATCH' }), 404, ErrorBody);
  });

  it('still runs the API when the client is not built, and says how to build it', async () => {
    const page = await unbuilt.request('/');
    expect(page.status).toBe(503);
    expect(await page.text()).toMatch(/npm run build/);
    await expectJson(await unbuilt.request('/api/notebooks'), 200);
  });
});
