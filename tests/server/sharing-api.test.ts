import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AuditEntry, Diff, ErrorBody, Notebook, Revision, RevisionSummary, Shares, TrashedNotebook, VisibleNotebook } from '../../server/app/schemas.js';
import { expectJson, harness, json } from './harness.js';

const h = harness();
afterAll(() => h.close());
for (const name of ['ana', 'ben', 'cat']) h.user(name);
const as = (user: string) => (path: string, init?: RequestInit) => h.request(path, init, user);
const ana = as('ana');
const ben = as('ben');
const cat = as('cat');
const source = (title: string, code = 'const x = 1') => `---\ntitle: ${title}\n---\n# ${title}\n\n\`\`\`js id=a\n${code}\n\`\`\`\n`;

// Ids end in a random suffix; the tests find them by title.
const ids: Record<string, string> = {};
async function create(title: string): Promise<string> {
  return (ids[title] = (await expectJson(await ana('/api/notebooks', json('POST', { source: source(title) })), 201, Notebook)).id);
}
async function share(id: string, user: string, role: string, by = ana) {
  return by(`/api/notebooks/${id}/share`, json('POST', { user, role }));
}
const save = (who: typeof ana, id: string, text: string, version: number) => who(`/api/notebooks/${id}`, json('PUT', { source: text }, { 'If-Match': `"${version}"` }));

describe('who sees a notebook', () => {
  it('makes its creator the owner; to anyone it is not shared with it does not exist (404, like a missing one)', async () => {
    const id = await create('Private plan');
    expect(await expectJson(await ana(`/api/notebooks/${id}`), 200, Notebook)).toMatchObject({ owner: 'ana', role: 'owner', team_role: null });
    const missing = await expectJson(await ben('/api/notebooks/no-such-notebook'), 404, ErrorBody);
    for (const [path, init] of [
      [`/api/notebooks/${id}`, undefined],
      [`/api/notebooks/${id}`, json('PUT', { source: 'x' }, { 'If-Match': '"1"' })],
      [`/api/notebooks/${id}`, { method: 'DELETE' }],
      [`/api/notebooks/${id}/shares`, undefined],
      [`/api/notebooks/${id}/share`, json('POST', { user: 'ben', role: 'editor' })],
      [`/api/notebooks/${id}/revisions`, undefined],
      [`/api/notebooks/${id}/revisions/1`, undefined],
      [`/api/notebooks/${id}/diff?from=1`, undefined],
      [`/api/notebooks/${id}/revisions/1/restore`, { method: 'POST' }],
    ] as const) {
      const body = await expectJson(await ben(path, init), 404, ErrorBody);
      expect(body.error.replace(id, 'no-such-notebook')).toBe(missing.error);
    }
    expect((await expectJson(await ben('/api/notebooks'), 200, z.array(VisibleNotebook))).map((n) => n.id)).not.toContain(id);
    // Nor does an admin see members' private notebooks.
    await expectJson(await h.request(`/api/notebooks/${id}`), 404, ErrorBody);
  });

  it('lets a viewer read, list and see history, but not save (403 naming the owner), share or delete', async () => {
    const id = await create('Shared read');
    expect(await expectJson(await share(id, 'ben', 'viewer'), 200, Shares)).toEqual({ owner: 'ana', team: null, users: [{ user: 'ben', role: 'viewer' }] });
    const opened = await expectJson(await ben(`/api/notebooks/${id}`), 200, Notebook);
    expect(opened).toMatchObject({ role: 'viewer', owner: 'ana' });
    expect((await expectJson(await save(ben, id, 'mine now', 1), 403, ErrorBody)).error).toMatch(/viewer of "shared-read-[a-z0-9]{6}".*its owner, ana.*editor access.*save a copy/);
    expect((await expectJson(await share(id, 'cat', 'viewer', ben), 403, ErrorBody)).error).toMatch(/cannot share or delete/);
    await expectJson(await ben(`/api/notebooks/${id}`, { method: 'DELETE' }), 403, ErrorBody);
    await expectJson(await ben(`/api/notebooks/${id}/revisions`), 200, z.array(RevisionSummary));
    await expectJson(await ben(`/api/notebooks/${id}/revisions/1/restore`, { method: 'POST' }), 403, ErrorBody);
    expect((await ana(`/api/notebooks/${id}`)).headers.get('etag')).toBe('"1"');
  });

  it('lets an editor save, but not share or delete; taking the share away (none) takes the access away', async () => {
    const id = await create('Shared edit');
    await share(id, 'ben', 'editor');
    expect(await expectJson(await save(ben, id, source('Shared edit', 'const x = 2'), 1), 200, Notebook)).toMatchObject({ version: 2, role: 'editor' });
    expect(h.deps.storage.notebooks.revision(id, 2)?.author).toBe('ben');
    await expectJson(await share(id, 'cat', 'viewer', ben), 403, ErrorBody);
    await expectJson(await ben(`/api/notebooks/${id}`, { method: 'DELETE' }), 403, ErrorBody);
    expect(await expectJson(await share(id, 'ben', 'none'), 200, Shares)).toMatchObject({ users: [] });
    await expectJson(await ben(`/api/notebooks/${id}`), 404, ErrorBody);
  });

  it('gives everyone the team-wide default role ("*"), a personal share can raise it', async () => {
    const id = await create('Team notebook');
    expect(await expectJson(await share(id, '*', 'viewer'), 200, Shares)).toMatchObject({ team: 'viewer', users: [] });
    expect((await expectJson(await cat(`/api/notebooks/${id}`), 200, Notebook)).role).toBe('viewer');
    await share(id, 'cat', 'editor');
    expect((await expectJson(await cat(`/api/notebooks/${id}`), 200, Notebook)).role).toBe('editor');
    expect((await expectJson(await ben(`/api/notebooks/${id}`), 200, Notebook)).team_role).toBe('viewer');
    await share(id, '*', 'none');
    await expectJson(await ben(`/api/notebooks/${id}`), 404, ErrorBody);
  });

  it('refuses shares with unknown users (naming them and who exists), with the owner, or with a bad role', async () => {
    const id = await create('Share errors');
    expect((await expectJson(await share(id, 'zed', 'viewer'), 400, ErrorBody)).error).toMatch(/no user "zed". Users: admin, ana, ben, cat/);
    expect((await expectJson(await share(id, 'ana', 'viewer'), 400, ErrorBody)).error).toMatch(/owns this notebook/);
    expect((await expectJson(await share(id, 'ben', 'admin'), 400, ErrorBody)).error).toMatch(/"role"/);
  });

  it('lists mine and shared-with-me apart, each with my role', async () => {
    const mine = await expectJson(await ben('/api/notebooks?scope=mine'), 200, z.array(VisibleNotebook));
    const shared = await expectJson(await ben('/api/notebooks?scope=shared'), 200, z.array(VisibleNotebook));
    expect(mine).toEqual([]);
    expect(shared.map((n) => [n.id, n.role]).sort()).toEqual([['did-it-work', 'viewer'], [ids['Shared read'], 'viewer']]);
    const all = await expectJson(await ben('/api/notebooks'), 200, z.array(VisibleNotebook));
    expect(all).toHaveLength(2);
  });

  it('shows the seeded examples to everyone as viewers; admins own them', async () => {
    expect((await expectJson(await cat('/api/notebooks/did-it-work'), 200, Notebook)).role).toBe('viewer');
    expect((await expectJson(await h.request('/api/notebooks/did-it-work'), 200, Notebook)).role).toBe('owner');
  });
});

describe('history', () => {
  it('keeps every save as a revision: list, open, diff at cell level, and restore as a new revision', async () => {
    const id = await create('History');
    await save(ana, id, source('History', 'const x = 2'), 1);
    await save(ana, id, source('History', 'const x = 2') + '\n```js id=b\nconst y = x * 2\n```\n', 2);
    const list = await expectJson(await ana(`/api/notebooks/${id}/revisions`), 200, z.array(RevisionSummary));
    expect(list.map((r) => [r.version, r.author])).toEqual([[3, 'ana'], [2, 'ana'], [1, 'ana']]);
    expect(list[2]!.bytes).toBe(Buffer.byteLength(source('History')));
    const first = await expectJson(await ana(`/api/notebooks/${id}/revisions/1`), 200, Revision);
    expect(first.source).toBe(source('History'));
    await expectJson(await ana(`/api/notebooks/${id}/revisions/9`), 404, ErrorBody);
    const diff = await expectJson(await ana(`/api/notebooks/${id}/diff?from=1&to=3`), 200, Diff);
    const byKey = Object.fromEntries(diff.changes.map((c) => [c.key, c]));
    expect(byKey.a).toMatchObject({ kind: 'cell', status: 'changed' });
    expect(byKey.a!.before).toContain('const x = 1');
    expect(byKey.a!.after).toContain('const x = 2');
    expect(byKey.b).toMatchObject({ kind: 'cell', status: 'added' });
    expect((await expectJson(await ana(`/api/notebooks/${id}/diff?from=2`), 200, Diff)).to).toBe(3);
    const restored = await expectJson(await ana(`/api/notebooks/${id}/revisions/1/restore`, { method: 'POST' }), 200, Notebook);
    expect(restored).toMatchObject({ version: 4, source: source('History') });
    expect((await expectJson(await ana(`/api/notebooks/${id}/revisions`), 200, z.array(RevisionSummary))).map((r) => r.version)).toEqual([4, 3, 2, 1]);
  });

  it('sends a stale save the current text and author with its 412, for a merge', async () => {
    const id = await create('Conflict');
    await share(id, 'ben', 'editor');
    await save(ben, id, source('Conflict', 'const x = "ben"'), 1);
    const stale = await expectJson(await save(ana, id, source('Conflict', 'const x = "ana"'), 1), 412, z.object({ version: z.number(), source: z.string(), author: z.string().nullable(), error: z.string() }));
    expect(stale).toMatchObject({ version: 2, source: source('Conflict', 'const x = "ben"'), author: 'ben' });
  });
});

describe('the trash', () => {
  it('holds its owner\'s deleted notebooks with their history, and gives them back', async () => {
    const id = await create('Binned');
    await share(id, 'ben', 'editor');
    await save(ana, id, source('Binned', 'const x = 5'), 1);
    expect((await ana(`/api/notebooks/${id}`, { method: 'DELETE' })).status).toBe(204);
    await expectJson(await ana(`/api/notebooks/${id}`), 404, ErrorBody);
    await expectJson(await ben(`/api/notebooks/${id}`), 404, ErrorBody);
    const trash = await expectJson(await ana('/api/trash'), 200, z.array(TrashedNotebook));
    expect(trash.map((n) => n.id)).toContain(id);
    // Not in anyone else's trash, and only the owner restores.
    expect((await expectJson(await ben('/api/trash'), 200, z.array(TrashedNotebook))).map((n) => n.id)).not.toContain(id);
    await expectJson(await ben(`/api/trash/${id}/restore`, { method: 'POST' }), 404, ErrorBody);
    const back = await expectJson(await ana(`/api/trash/${id}/restore`, { method: 'POST' }), 200, Notebook);
    expect(back).toMatchObject({ id, version: 2, role: 'owner' });
    expect((await expectJson(await ben(`/api/notebooks/${id}`), 200, Notebook)).role).toBe('editor');
    expect((await expectJson(await ana(`/api/notebooks/${id}/revisions`), 200, z.array(RevisionSummary))).map((r) => r.version)).toEqual([2, 1]);
    await expectJson(await ana(`/api/trash/${id}/restore`, { method: 'POST' }), 404, ErrorBody);
  });
});

describe('the audit log', () => {
  it('records shares, deletes and restores with who and when; only admins read it', async () => {
    const entries = await expectJson(await h.request(`/api/audit?notebook=${ids.Binned}`), 200, z.array(AuditEntry));
    expect(entries.map((e) => [e.action, e.actor, e.detail])).toEqual([
      ['restore', 'ana', {}],
      ['delete', 'ana', {}],
      ['share', 'ana', { user: 'ben', role: 'editor' }],
    ]);
    const restores = (await expectJson(await h.request(`/api/audit?notebook=${ids.History}`), 200, z.array(AuditEntry))).filter((e) => e.action === 'restore-revision');
    expect(restores.map((e) => e.detail)).toEqual([{ version: 1, new_version: 4 }]);
    expect((await expectJson(await ana('/api/audit'), 403, ErrorBody)).error).toMatch(/Only an admin/);
  });
});

describe('uploaded datasets', () => {
  it('are read by everyone but replaced or deleted only by their uploader or an admin', async () => {
    const form = (replace = false) => {
      const body = new FormData();
      body.set('file', new File(['a,b\n1,2\n'], 'team_data.csv'));
      if (replace) body.set('replace', 'true');
      return { method: 'POST', body };
    };
    expect((await ana('/api/datasets', form())).status).toBe(201);
    expect((await ben('/api/datasets/team_data/preview')).status).toBe(200);
    expect((await expectJson(await ben('/api/datasets', form(true)), 403, ErrorBody)).error).toMatch(/uploaded by ana/);
    await expectJson(await ben('/api/datasets/team_data', { method: 'DELETE' }), 403, ErrorBody);
    expect((await h.request('/api/datasets/team_data', { method: 'DELETE' })).status).toBe(204);
  });
});
