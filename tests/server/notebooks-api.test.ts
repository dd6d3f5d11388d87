import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Conflict, ErrorBody, Notebook, NotebookSummary, Template } from '../../server/app/schemas.js';
import { expectJson, harness, json } from './harness.js';

const h = harness();
afterAll(() => h.close());
const req = (path: string, init?: RequestInit) => h.request(path, init);

describe('notebooks API', () => {
  it('lists the seeded example and opens it with its version as ETag', async () => {
    const list = await expectJson(await req('/api/notebooks'), 200, z.array(NotebookSummary));
    expect(list.map((n) => [n.id, n.title, n.version])).toEqual([['did-it-work', 'Did it work?', 1]]);
    const res = await req('/api/notebooks/did-it-work');
    expect(res.headers.get('etag')).toBe('"1"');
    const notebook = await expectJson(res, 200, Notebook);
    expect(notebook.source).toContain('```js id=a');
  });

  it('saves with If-Match over the current version and refuses a stale one with 412', async () => {
    const { id } = await expectJson(await req('/api/notebooks', json('POST', { title: 'Saves' })), 201, Notebook);
    const first = await req(`/api/notebooks/${id}`, json('PUT', { source: '---\ntitle: Saves 2\n---\n' }, { 'If-Match': '"1"' }));
    expect(first.headers.get('etag')).toBe('"2"');
    expect(await expectJson(first, 200, Notebook)).toMatchObject({ version: 2, title: 'Saves 2' });
    const stale = await expectJson(await req(`/api/notebooks/${id}`, json('PUT', { source: 'lost?' }, { 'If-Match': '"1"' })), 412, Conflict);
    expect(stale).toMatchObject({ version: 2, source: '---\ntitle: Saves 2\n---\n', author: 'admin' });
    expect(stale.error).toMatch(/version 2, not 1/);
    // A save must name its base version: none is 428 (nothing written); "*" is the explicit overwrite.
    expect((await expectJson(await req(`/api/notebooks/${id}`, json('PUT', { source: '# blind\n' })), 428, ErrorBody)).error).toMatch(/If-Match/);
    expect(await expectJson(await req(`/api/notebooks/${id}`, json('PUT', { source: '# three\n' }, { 'If-Match': '*' })), 200, Notebook)).toMatchObject({ version: 3, title: 'three' });
    expect(h.deps.storage.notebooks.revisions(id).map((r) => r.version)).toEqual([1, 2, 3]);
    expect((await expectJson(await req(`/api/notebooks/${id}`, json('PUT', { source: 'x' }, { 'If-Match': 'yesterday' })), 400, ErrorBody)).error).toMatch(/If-Match/);
  });

  it('lets exactly one of 12 simultaneous saves on one version win', async () => {
    const { id } = await expectJson(await req('/api/notebooks', json('POST', { title: 'Race' })), 201, Notebook);
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => req(`/api/notebooks/${id}`, json('PUT', { source: `# edit ${i}\n` }, { 'If-Match': '"1"' }))),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(11).fill(412)]);
    const winner = await responses.find((r) => r.status === 200)!.json();
    expect((await expectJson(await req(`/api/notebooks/${id}`), 200, Notebook)).source).toBe(winner.source);
  });

  it('creates notebooks: blank, from a template, from source, and refuses an unknown template', async () => {
    const blank = await expectJson(await req('/api/notebooks', json('POST', {})), 201, Notebook);
    expect(blank).toMatchObject({ id: expect.stringMatching(/^untitled-[a-z0-9]{6}$/), title: 'Untitled', version: 1 });
    const fromTemplate = await req('/api/notebooks', json('POST', { template: 'did-it-work', title: 'My copy' }));
    expect(fromTemplate.headers.get('location')).toMatch(/^\/api\/notebooks\/my-copy-[a-z0-9]{6}$/);
    const copy = await expectJson(fromTemplate, 201, Notebook);
    expect(copy.title).toBe('My copy');
    expect(copy.source).toContain('```js id=a\nconst x = 1\n```');
    const own = await expectJson(await req('/api/notebooks', json('POST', { source: '---\ntitle: Mine\n---\n' })), 201, Notebook);
    expect(own).toMatchObject({ id: expect.stringMatching(/^mine-[a-z0-9]{6}$/), title: 'Mine' });
    expect((await expectJson(await req('/api/notebooks', json('POST', { template: 'nope' })), 400, ErrorBody)).error).toMatch(/no template "nope".*did-it-work/);
    expect((await expectJson(await req('/api/notebooks', json('POST', { colour: 'red' })), 400, ErrorBody)).error).toMatch(/colour/);
    const templates = await expectJson(await req('/api/templates'), 200, z.array(Template));
    expect(templates).toEqual([{ id: 'blank', title: 'Blank notebook' }, { id: 'did-it-work', title: 'Did it work?' }]);
  });

  it('deletes to the trash: gone from the API, kept in storage', async () => {
    const { id } = await expectJson(await req('/api/notebooks', json('POST', { title: 'Doomed' })), 201, Notebook);
    expect((await req(`/api/notebooks/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await expectJson(await req(`/api/notebooks/${id}`), 404, ErrorBody)).error).toMatch(/no notebook "doomed-[a-z0-9]{6}"/);
    await expectJson(await req(`/api/notebooks/${id}`, { method: 'DELETE' }), 404, ErrorBody);
    await expectJson(await req(`/api/notebooks/${id}`, json('PUT', { source: '' }, { 'If-Match': '"1"' })), 404, ErrorBody);
    const list = await expectJson(await req('/api/notebooks'), 200, z.array(NotebookSummary));
    expect(list.map((n) => n.id)).not.toContain(id);
    expect(h.deps.storage.notebooks.revisions(id)).toHaveLength(1);
  });

  it('refuses malformed ids and bodies', async () => {
    await expectJson(await req('/api/notebooks/..%2Fetc'), 400, ErrorBody);
    await expectJson(await req('/api/notebooks/did-it-work', json('PUT', '{"source": ', { 'If-Match': '"1"' })), 400, ErrorBody);
    expect((await expectJson(await req('/api/notebooks/did-it-work', json('PUT', {}, { 'If-Match': '"1"' })), 400, ErrorBody)).error).toMatch(/"source"/);
  });
});
