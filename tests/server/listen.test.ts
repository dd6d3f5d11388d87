import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RecipeCancelledError } from '../../recipes/errors.js';
import { startServer } from '../../server/app/start.js';
import { harness } from './harness.js';

const h = harness();
const server = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' });
const base = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

describe('over a real socket', () => {
  it('streams SSE progress and cancels the run when the client disconnects', async () => {
    const before = h.runs.length;
    const controller = new AbortController();
    const res = await fetch(`${base()}/api/recipes/slow/run`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream', ...h.auth() },
      body: JSON.stringify({ params: { ms: 20_000, steps: 400 } }),
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('step 2')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('event: progress');
    controller.abort();
    expect(await h.runs[before]).toBeInstanceOf(RecipeCancelledError);
  });

  it('cancels a plain JSON run when the client disconnects', async () => {
    const before = h.runs.length;
    const controller = new AbortController();
    const pending = fetch(`${base()}/api/recipes/slow/run`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...h.auth() },
      body: JSON.stringify({ params: { ms: 20_000, steps: 400 } }),
      signal: controller.signal,
    });
    while (h.runs.length === before) await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    await expect(pending).rejects.toThrow();
    expect(await h.runs[before]).toBeInstanceOf(RecipeCancelledError);
  });

  it('lets exactly one of 12 simultaneous saves on one version win over real connections, and keeps the other 11 texts out', async () => {
    const headers = { 'Content-Type': 'application/json', ...h.auth() };
    const created = await fetch(`${base()}/api/notebooks`, { method: 'POST', headers, body: JSON.stringify({ title: 'Socket race' }) });
    const { id } = (await created.json()) as { id: string };
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        fetch(`${base()}/api/notebooks/${id}`, { method: 'PUT', headers: { ...headers, 'If-Match': '"1"' }, body: JSON.stringify({ source: `# racer ${i}\n` }) }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, ...Array(11).fill(412)]);
    const winner = (await responses.find((r) => r.status === 200)!.json()) as { source: string };
    expect(h.deps.storage.notebooks.revisions(id).map((r) => r.source)).toEqual([expect.any(String), winner.source]);
  });

  it('startServer listens, serves the API to the admin it made, prints its URL and sign-in link, and closes', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'liftbook-start-'));
    const lines: string[] = [];
    const started = await startServer({ port: 0, dataDir, log: (l) => lines.push(l), workers: 1 });
    try {
      expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(lines.join('\n')).toContain(started.url);
      expect(lines.join('\n')).toContain(dataDir);
      expect(lines.join('\n')).toContain(`created the admin user "admin"`);
      expect(started.signInUrl).toBe(`${started.url}/#/signin?token=${started.token}&next=${encodeURIComponent('/notebook/did-personalization-work')}`);
      expect(lines.join('\n')).toContain(started.signInUrl);
      expect((await fetch(`${started.url}/api/notebooks`)).status).toBe(401);
      const notebooks = await fetch(`${started.url}/api/notebooks`, { headers: { Authorization: `Bearer ${started.token}` } });
      expect(notebooks.status).toBe(200);
      expect(((await notebooks.json()) as { id: string; role: string }[]).find((n) => n.id === 'did-personalization-work')?.role).toBe('owner');
      const openapi = await (await fetch(`${started.url}/api/openapi.json`)).json();
      expect(openapi.openapi).toBe('3.1.0');
      const taken = Number(new URL(started.url).port);
      await expect(startServer({ port: taken, dataDir, log: () => {} })).rejects.toThrow(/already in use/);
      writeFileSync(path.join(dataDir, 'a-file'), 'x');
      await expect(startServer({ port: 0, dataDir: path.join(dataDir, 'a-file', 'data'), log: () => {} })).rejects.toThrow(/Cannot use the data directory .* --data/);
    } finally {
      await started.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
