import { afterAll, describe, expect, it } from 'vitest';
import { SignInLimiter } from '../../server/auth/sign-in-limiter.js';
import { ErrorBody } from '../../server/app/schemas.js';
import { expectJson, harness, json } from './harness.js';

// Issue 13: login CSRF, non-JSON bodies, duplicate keys, deep JSON, sessions that outlive their
// token, a limiter that shut honest users out, ids that revealed others' notebooks, disabled users.

const h = harness({ signInLimiter: new SignInLimiter({ maxFailures: 3, windowMs: 60_000 }) });
afterAll(() => h.close());
const anonymous = (path: string, init?: RequestInit) => h.request(path, init, null);

async function signIn(token: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await anonymous('http://localhost/api/session', json('POST', { token }, headers));
  expect(res.status, await res.clone().text()).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describe('login CSRF', () => {
  it('refuses a sign-in from another site (Origin or Sec-Fetch-Site), and a text/plain or form body', async () => {
    const body = `{"token":"=","token":"${h.token}"}`;
    const crossSite = await anonymous('http://localhost/api/session', { method: 'POST', body, headers: { 'Content-Type': 'text/plain', Origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get('set-cookie')).toBeNull();
    const fetchMeta = await anonymous('http://localhost/api/session', json('POST', { token: h.token }, { 'Sec-Fetch-Site': 'cross-site' }));
    expect((await expectJson(fetchMeta, 403, ErrorBody)).error).toMatch(/another site/);
    const plain = await anonymous('http://localhost/api/session', { method: 'POST', body: JSON.stringify({ token: h.token }), headers: { 'Content-Type': 'text/plain' } });
    expect((await expectJson(plain, 415, ErrorBody)).error).toMatch(/application\/json/);
    const form = await anonymous('http://localhost/api/session', { method: 'POST', body: `token=${h.token}`, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    // The workbench's own sign-in still works.
    await signIn(h.token, { Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' });
  });

  it('refuses JSON with a duplicate key on every JSON route', async () => {
    const dup = await anonymous('http://localhost/api/session', { method: 'POST', body: `{"token":"=","token":"${h.token}"}`, headers: { 'Content-Type': 'application/json' } });
    expect((await expectJson(dup, 400, ErrorBody)).error).toMatch(/"token" twice/);
    const nested = await h.request('/api/notebooks', json('POST', '{"title":"a","source":"x","title":"b"}'));
    expect((await expectJson(nested, 400, ErrorBody)).error).toMatch(/"title" twice/);
    // The same key in two different objects is fine.
    expect((await h.request('/api/recipes/sum/run', json('POST', '{"inputs":{"rows":[{"value":1},{"value":2}]}}'))).status).toBe(200);
  });

  it('refuses a cookie-signed change whose Sec-Fetch-Site says it is cross-site', async () => {
    const session = await signIn(h.token);
    const res = await anonymous('http://localhost/api/notebooks', json('POST', { title: 'x' }, { Cookie: session, 'Sec-Fetch-Site': 'cross-site' }));
    expect(res.status).toBe(403);
  });
});

describe('deep JSON', () => {
  it('answers 400 naming the depth limit, not a 500 stack overflow', async () => {
    const deep = `{"inputs":{},"params":{"x":${'['.repeat(5000)}${']'.repeat(5000)}}}`;
    const res = await h.request('/api/recipes/sum/run', json('POST', deep));
    expect((await expectJson(res, 400, ErrorBody)).error).toMatch(/nested deeper than 64/);
  });
});

describe('sessions', () => {
  it('end when the token they were signed in with expires', async () => {
    const { token, record } = h.deps.storage.users.issueToken('admin', { label: 'short', expiresAt: new Date(Date.now() + 60_000) });
    const session = await signIn(token);
    expect((await anonymous('/api/session', { headers: { Cookie: session } })).status).toBe(200);
    h.deps.storage.db.prepare('UPDATE tokens SET expires_at = ? WHERE id = ?').run(new Date(Date.now() - 1000).toISOString(), record.id);
    expect((await anonymous('/api/session', { headers: { Cookie: session } })).status).toBe(401);
  });

  it('last at most 30 days and never past their token, cookie included', async () => {
    const { token } = h.deps.storage.users.issueToken('admin', { label: 'week', expiresAt: new Date(Date.now() + 7 * 86_400_000) });
    const res = await anonymous('http://localhost/api/session', json('POST', { token }));
    const maxAge = Number(/Max-Age=(\d+)/.exec(res.headers.get('set-cookie')!)![1]);
    expect(maxAge).toBeGreaterThan(7 * 86_400 - 60);
    expect(maxAge).toBeLessThanOrEqual(7 * 86_400);
    const row = h.deps.storage.db.prepare('SELECT expires_at FROM sessions ORDER BY created_at DESC LIMIT 1').get() as { expires_at: string };
    expect(Date.parse(row.expires_at)).toBeLessThanOrEqual(Date.now() + 7 * 86_400_000);
  });
});

describe('notebook ids', () => {
  it('do not reveal that someone else has a private notebook of the same title', async () => {
    h.user('ben');
    h.user('eve');
    const bens = await expectJson(await h.request('/api/notebooks', json('POST', { title: 'Ben Secret Plan' }), 'ben'), 201);
    const eves = await expectJson(await h.request('/api/notebooks', json('POST', { title: 'Ben Secret Plan' }), 'eve'), 201);
    const fresh = await expectJson(await h.request('/api/notebooks', json('POST', { title: 'Nobody Has This' }), 'eve'), 201);
    for (const made of [bens, eves, fresh] as { id: string }[]) expect(made.id).toMatch(/^[a-z0-9-]+-[a-z0-9]{6}$/);
    expect((eves as { id: string }).id).not.toBe((bens as { id: string }).id);
    expect((eves as { id: string }).id).not.toMatch(/-2$/);
  });
});

describe('disabled users', () => {
  it('lose their tokens and sessions at once, get them back when enabled, and both go to the audit log', async () => {
    const token = h.user('dan');
    const session = await signIn(token);
    expect((await h.request('/api/users/dan/disable', { method: 'POST' })).status).toBe(200);
    expect((await anonymous('/api/session', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
    expect((await anonymous('/api/session', { headers: { Cookie: session } })).status).toBe(401);
    expect((await anonymous('http://localhost/api/session', json('POST', { token }))).status).toBe(401);
    const users = (await (await h.request('/api/users')).json()) as { name: string; disabled_at: string | null }[];
    expect(users.find((u) => u.name === 'dan')?.disabled_at).toEqual(expect.any(String));
    expect((await h.request('/api/users/dan/disable', { method: 'POST' }, 'ben')).status).toBe(403);
    expect((await h.request('/api/users/admin/disable', { method: 'POST' })).status).toBe(400);
    expect((await h.request('/api/users/dan/enable', { method: 'POST' })).status).toBe(200);
    expect((await anonymous('/api/session', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    const audit = (await (await h.request('/api/audit')).json()) as { action: string; detail: { user?: string } }[];
    expect(audit.filter((a) => a.detail.user === 'dan').map((a) => a.action).slice(0, 2)).toEqual(['user-enable', 'user-disable']);
  });
});

describe('the sign-in rate limit', () => {
  it('never refuses a valid token for others\' failures from the same address, ', async () => {
    for (let i = 0; i < 5; i++) await anonymous('http://localhost/api/session', json('POST', { token: `lb_guess${i}-xxxxxxxxxxxx` }));
    const shut = await anonymous('http://localhost/api/session', json('POST', { token: 'lb_another-guess' }));
    expect(shut.status).toBe(429);
    expect(Number(shut.headers.get('retry-after'))).toBeGreaterThan(0);
    // The admin's valid token still works from the same address, by Bearer and by sign-in.
    expect((await anonymous('/api/notebooks', { headers: { Authorization: `Bearer ${h.token}` } })).status).toBe(200);
    await signIn(h.token);
  });
});

describe('notebook size', () => {
  const small = harness({ notebookLimit: 64 * 1024 });
  afterAll(() => small.close());

  it('refuses a notebook body over the notebook limit (413) before reading it, apart from the upload limit', async () => {
    const created = (await (await small.request('/api/notebooks', json('POST', { title: 'Big' }))).json()) as { id: string };
    const big = `---\ntitle: Big\n---\n${'x'.repeat(70 * 1024)}\n`;
    const res = await small.request(`/api/notebooks/${created.id}`, json('PUT', { source: big }, { 'If-Match': '"1"' }));
    expect((await expectJson(res, 413, ErrorBody)).error).toMatch(/over the 64 KB limit.*--max-notebook-mb/);
    expect((await small.request('/api/notebooks', json('POST', { source: big }))).status).toBe(413);
    // Inline rows for a recipe still have the (larger) upload limit.
    const rows = Array.from({ length: 6000 }, (_, i) => ({ value: i }));
    expect((await small.request('/api/recipes/sum/run', json('POST', { inputs: { rows } }))).status).toBe(200);
  });

  it('refuses more than 5,000 cells (413), and diffs a large history off the event loop', async () => {
    const cells = (ids: number[]) => ids.map((i) => `\`\`\`js id=c${i}\n${i}\n\`\`\`\n`).join('\n');
    const ids = Array.from({ length: 5001 }, (_, i) => i);
    expect((await expectJson(await h.request('/api/notebooks', json('POST', { source: cells(ids) })), 413, ErrorBody)).error).toMatch(/more than 5,000 cells/);
    const made = (await (await h.request('/api/notebooks', json('POST', { source: cells(ids.slice(0, 5000)) }))).json()) as { id: string };
    expect((await h.request(`/api/notebooks/${made.id}`, json('PUT', { source: cells(ids.slice(0, 5000).reverse()) }, { 'If-Match': '"1"' }))).status).toBe(200);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    const diff = (await (await h.request(`/api/notebooks/${made.id}/diff?from=1&to=2`)).json()) as { changes: { status: string }[] };
    const ms = performance.now() - started;
    clearInterval(timer);
    expect(diff.changes.filter((c) => c.status === 'moved')).toHaveLength(4999);
    // The event loop kept turning while the diff ran.
    expect(ticks).toBeGreaterThan(ms / 5 / 4);
  });
});
