// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adminPage } from './admin-page.js';

const users = [
  { name: 'admin', role: 'admin', created_at: '2026-01-01T00:00:00Z', disabled_at: null },
  { name: 'ana', role: 'member', created_at: '2026-01-02T00:00:00Z', disabled_at: null },
];
const tokens = [{ id: 7, user_name: 'ana', label: 'laptop', prefix: 'lb_abc1234', created_at: '2026-01-02T00:00:00Z', expires_at: null, last_used_at: '2026-01-03T00:00:00Z', revoked_at: null }];

afterEach(() => vi.unstubAllGlobals());

describe('the admin page', () => {
  it('lists users and tokens (id, label, last use) and revokes a token and disables a user through the API', async () => {
    const calls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (path: string, init?: RequestInit) => {
      calls.push(`${init?.method ?? 'GET'} ${path}`);
      const body = path === '/api/users' ? users : path.startsWith('/api/tokens?') ? tokens : path.endsWith('/disable') ? { ...users[1], disabled_at: 'now' } : null;
      return new Response(body === null ? null : JSON.stringify(body), { status: body === null ? 204 : 200, headers: { 'content-type': 'application/json' } });
    }));
    const root = document.createElement('div');
    const toasts: string[] = [];
    await adminPage(root, { toast: (m) => toasts.push(m), account: null, user: { name: 'admin', role: 'admin' } });
    const token = root.querySelector('[data-token="7"]')!;
    expect(token.textContent).toContain('laptop');
    expect(token.textContent).toContain('lb_abc1234…');
    expect(root.querySelector<HTMLButtonElement>('[data-user="admin"] button')!.disabled).toBe(true);
    token.querySelector('button')!.click();
    root.querySelector<HTMLButtonElement>('[data-user="ana"] button')!.click();
    await vi.waitFor(() => expect(toasts).toHaveLength(2));
    expect(calls).toContain('DELETE /api/tokens/7');
    expect(calls).toContain('POST /api/users/ana/disable');
  });

  it('tells a member the page is for admins, without calling the API', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const root = document.createElement('div');
    await adminPage(root, { toast: () => {}, account: null, user: { name: 'ana', role: 'member' } });
    expect(root.textContent).toMatch(/Only an admin/);
    expect(fetch).not.toHaveBeenCalled();
  });
});
