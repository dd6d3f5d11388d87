import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SignInLimiter } from '../../server/auth/sign-in-limiter.js';
import { ErrorBody, NewToken, NewUser, SessionUser, TokenInfo, User } from '../../server/app/schemas.js';
import { expectJson, harness, json } from './harness.js';

const h = harness({ signInLimiter: new SignInLimiter({ maxFailures: 3, windowMs: 60_000 }) });
afterAll(() => h.close());
const anonymous = (path: string, init?: RequestInit) => h.request(path, init, null);

/** Signs in with a token and returns the session cookie (`liftbook_session=…`). */
async function signIn(token: string): Promise<string> {
  const res = await anonymous('/api/session', json('POST', { token }));
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describe('signing in', () => {
  it('answers 401 with WWW-Authenticate to a request without credentials, and for a wrong token', async () => {
    const none = await anonymous('/api/notebooks');
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await expectJson(none, 401, ErrorBody)).error).toMatch(/Sign in first.*Bearer/);
    const wrong = await anonymous('/api/notebooks', { headers: { Authorization: 'Bearer lb_not-a-token' } });
    expect((await expectJson(wrong, 401, ErrorBody)).error).toMatch(/not valid/);
    // The description of the API stays public.
    expect((await anonymous('/api/openapi.json')).status).toBe(200);
  });

  it('takes a Bearer token and says who it belongs to', async () => {
    const me = await expectJson(await h.request('/api/session'), 200, SessionUser);
    expect(me).toEqual({ user: { name: 'admin', role: 'admin' } });
  });

  it('exchanges a token for an HttpOnly, SameSite=Strict session cookie that the API then accepts', async () => {
    const res = await anonymous('/api/session', json('POST', { token: h.token }));
    expect(await expectJson(res, 200, SessionUser)).toEqual({ user: { name: 'admin', role: 'admin' } });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^liftbook_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toContain(h.token);
    const session = cookie.split(';')[0]!;
    expect((await anonymous('/api/notebooks', { headers: { Cookie: session } })).status).toBe(200);
    // The database keeps neither the token nor the session id, only their hashes.
    const stored = JSON.stringify(h.deps.storage.db.prepare('SELECT * FROM tokens').all()) + JSON.stringify(h.deps.storage.db.prepare('SELECT * FROM sessions').all());
    expect(stored).not.toContain(h.token);
    expect(stored).not.toContain(session.split('=')[1]);
  });

  it('signs out: the cookie is cleared and the session no longer works', async () => {
    const session = await signIn(h.token);
    const out = await anonymous('/api/session', { method: 'DELETE', headers: { Cookie: session } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/liftbook_session=;.*Max-Age=0/);
    expect((await expectJson(await anonymous('/api/notebooks', { headers: { Cookie: session } }), 401, ErrorBody)).error).toMatch(/session has ended/);
  });

  it('refuses a cookie-signed change that comes from another site', async () => {
    const session = await signIn(h.token);
    const foreign = await anonymous('/api/notebooks', json('POST', { title: 'CSRF' }, { Cookie: session, Origin: 'https://evil.example', Host: 'localhost' }));
    expect((await expectJson(foreign, 403, ErrorBody)).error).toMatch(/another site/);
    const own = await anonymous('http://localhost/api/notebooks', json('POST', { title: 'Same origin' }, { Cookie: session, Origin: 'http://localhost' }));
    expect(own.status).toBe(201);
  });
});

describe('users and tokens', () => {
  it('lets an admin add users (token shown once) and refuses members', async () => {
    const added = await expectJson(await h.request('/api/users', json('POST', { name: 'ana' })), 201, NewUser);
    expect(added.user).toMatchObject({ name: 'ana', role: 'member' });
    expect(added.token).toMatch(/^lb_[\w-]{43}$/);
    expect(await expectJson(await anonymous('/api/session', { headers: { Authorization: `Bearer ${added.token}` } }), 200, SessionUser)).toEqual({ user: { name: 'ana', role: 'member' } });
    const asAna = { headers: { Authorization: `Bearer ${added.token}` } };
    expect((await expectJson(await anonymous('/api/users', json('POST', { name: 'eve' }, asAna.headers)), 403, ErrorBody)).error).toMatch(/Only an admin/);
    expect((await expectJson(await h.request('/api/users', json('POST', { name: 'ana' })), 409, ErrorBody)).error).toMatch(/already exists/);
    expect((await expectJson(await h.request('/api/users', json('POST', { name: 'Ana Smith' })), 400, ErrorBody)).error).toMatch(/"Ana Smith" is not a valid user name/);
    const users = await expectJson(await anonymous('/api/users', asAna), 200, z.array(User));
    expect(users.map((u) => [u.name, u.role])).toEqual([['admin', 'admin'], ['ana', 'member']]);
  });

  it('lists your tokens without their secrets, makes new ones and revokes them, which ends their sessions', async () => {
    h.user('ben');
    const made = await expectJson(await h.request('/api/tokens', json('POST', { label: 'laptop' }, h.auth('ben')), null), 201, NewToken);
    expect(made).toMatchObject({ user_name: 'ben', label: 'laptop', revoked_at: null });
    expect(made.prefix).toBe(made.token.slice(0, 10));
    const session = await signIn(made.token);
    const listed = await expectJson(await h.request('/api/tokens', {}, 'ben'), 200, z.array(TokenInfo));
    expect(listed.map((t) => t.label)).toEqual(['laptop', 'first token']);
    expect(JSON.stringify(listed)).not.toContain(made.token);
    // A member cannot see or revoke someone else's token: it looks like it does not exist.
    const adminToken = h.deps.storage.users.tokens('admin')[0]!;
    await expectJson(await h.request(`/api/tokens/${adminToken.id}`, { method: 'DELETE' }, 'ben'), 404, ErrorBody);
    await expectJson(await h.request('/api/tokens?all=true', {}, 'ben'), 403, ErrorBody);
    expect((await h.request(`/api/tokens/${made.id}`, { method: 'DELETE' }, 'ben')).status).toBe(204);
    expect((await anonymous('/api/session', { headers: { Authorization: `Bearer ${made.token}` } })).status).toBe(401);
    expect((await anonymous('/api/session', { headers: { Cookie: session } })).status).toBe(401);
    await expectJson(await h.request(`/api/tokens/${made.id}`, { method: 'DELETE' }, 'ben'), 404, ErrorBody);
    // The admin sees everyone's.
    const all = await expectJson(await h.request('/api/tokens?all=true'), 200, z.array(TokenInfo));
    expect(new Set(all.map((t) => t.user_name))).toEqual(new Set(['admin', 'ana', 'ben']));
  });

  it('refuses expired tokens', async () => {
    const { token } = h.deps.storage.users.issueToken('ana', { expiresAt: new Date(Date.now() - 1000) });
    expect((await anonymous('/api/session', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
  });
});

describe('the sign-in rate limit', () => {
  it('shuts an address out of wrong tokens with 429 and Retry-After after repeated failures, never a right token', async () => {
    // Runs last in this file: the harness's limiter allows 3 failures a minute, and earlier tests spent some.
    let res: Response;
    for (let i = 0; ; i++) {
      res = await anonymous('/api/session', json('POST', { token: `lb_guess-${i}` }));
      if (res.status === 429) break;
      expect(res.status).toBe(401);
      expect(i).toBeLessThan(3);
    }
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await expectJson(res, 429, ErrorBody)).error).toMatch(/Too many failed sign-ins.*try again in \d+ s/);
    expect((await anonymous('/api/notebooks', { headers: { Authorization: 'Bearer lb_yet-another-guess' } })).status).toBe(429);
    expect((await anonymous('/api/session', json('POST', { token: h.token }))).status).toBe(200);
    expect((await anonymous('/api/notebooks', { headers: { Authorization: `Bearer ${h.token}` } })).status).toBe(200);
  });
});
