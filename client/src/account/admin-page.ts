import { api, listOf, type SessionUser } from '../shell/api.js';
import { h } from '../shell/dom.js';
import { timeText } from '../shell/time-text.js';

interface AdminUser { name: string; role: 'admin' | 'member'; created_at: string; disabled_at: string | null }
interface AdminToken { id: number; user_name: string; label: string; prefix: string; created_at: string; expires_at: string | null; last_used_at: string | null; revoked_at: string | null }

export interface AdminHooks {
  toast: (message: string, kind?: 'error' | 'info') => void;
  /** Who is signed in and Sign out, as on every page. */
  account: HTMLElement | null;
  user: SessionUser;
}

/**
 * The admin page (#/admin): every user with Disable/Enable, and every token (id, user, label,
 * prefix, last use, expiry) with Revoke — what `liftbook user …` does on the server machine,
 * from the browser. Members see that the page is for admins.
 *
 * @example
 * await adminPage(app, { toast, account, user });
 */
export async function adminPage(root: HTMLElement, hooks: AdminHooks): Promise<void> {
  const users = h('tbody', {});
  const tokens = h('tbody', {});
  const toolbar = h('div', { class: 'toolbar' }, h('a', { class: 'brand', href: '#/' }, 'liftbook'), h('span', { class: 'grow' }), hooks.account);
  if (hooks.user.role !== 'admin') {
    root.replaceChildren(h('div', { class: 'home' }, toolbar, h('div', { class: 'home-main' }, h('p', { class: 'output-error' }, 'Only an admin can manage users and tokens.'), h('a', { href: '#/' }, '← All notebooks'))));
    return;
  }
  root.replaceChildren(
    h('div', { class: 'home admin-page' }, toolbar,
      h('div', { class: 'home-main' },
        h('h2', {}, 'Users'),
        h('table', { class: 'admin-users' }, h('thead', {}, h('tr', {}, ...['Name', 'Role', 'Added', 'Status', ''].map((t) => h('th', {}, t)))), users),
        h('h2', {}, 'Tokens'),
        h('table', { class: 'admin-tokens' }, h('thead', {}, h('tr', {}, ...['Id', 'User', 'Label', 'Starts with', 'Last used', 'Expires', 'Status', ''].map((t) => h('th', {}, t)))), tokens),
        h('p', { class: 'muted' }, 'Disabling a user stops all their tokens and sessions at once; revoking a token ends the sessions signed in with it.'))));

  const act = async (button: HTMLButtonElement, work: () => Promise<unknown>, done: string) => {
    button.disabled = true;
    try {
      await work();
      hooks.toast(done);
      await refresh();
    } catch (error) {
      button.disabled = false;
      hooks.toast((error as Error).message, 'error');
    }
  };

  async function refresh(): Promise<void> {
    const [userList, tokenList] = await Promise.all([api('GET', '/api/users'), api('GET', '/api/tokens?all=true')]);
    users.replaceChildren(...listOf<AdminUser>(userList, 'users').map((u) => {
      const disabled = u.disabled_at !== null;
      const button: HTMLButtonElement = h('button', {
        class: disabled ? 'enable-user' : 'disable-user',
        disabled: u.name === hooks.user.name,
        onclick: () => void act(button, () => api('POST', `/api/users/${encodeURIComponent(u.name)}/${disabled ? 'enable' : 'disable'}`), `${u.name} is ${disabled ? 'enabled' : 'disabled'}.`),
      }, disabled ? 'Enable' : 'Disable');
      return h('tr', { 'data-user': u.name }, h('td', {}, u.name), h('td', {}, u.role), h('td', {}, timeText(u.created_at)), h('td', {}, disabled ? `disabled ${timeText(u.disabled_at)}` : 'active'), h('td', {}, button));
    }));
    tokens.replaceChildren(...listOf<AdminToken>(tokenList, 'tokens').map((t) => {
      const button: HTMLButtonElement = h('button', {
        class: 'revoke-token',
        onclick: () => void act(button, () => api('DELETE', `/api/tokens/${t.id}`), `Token ${t.id} of ${t.user_name} is revoked.`),
      }, 'Revoke');
      return h('tr', { 'data-token': String(t.id) },
        h('td', {}, String(t.id)), h('td', {}, t.user_name), h('td', {}, t.label), h('td', { class: 'mono' }, `${t.prefix}…`),
        h('td', {}, t.last_used_at ? timeText(t.last_used_at) : 'never'), h('td', {}, t.expires_at ? timeText(t.expires_at) : 'never'),
        h('td', {}, t.revoked_at ? `revoked ${timeText(t.revoked_at)}` : 'active'), h('td', {}, t.revoked_at ? '' : button));
    }));
  }
  await refresh();
}
