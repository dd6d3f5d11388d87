import type { SessionUser } from '../shell/api.js';
import { h } from '../shell/dom.js';
import { themeToggle } from '../shell/theme.js';

/**
 * Who is signed in (name and role) and a Sign out button, for the toolbars of every page; the
 * light/dark switch rides along at its start.
 *
 * @example
 * toolbar.append(userBadge({ name: 'ana', role: 'member' }, () => void signOutAndShowSignIn()));
 */
export function userBadge(user: SessionUser | null, onSignOut: () => void): HTMLElement | null {
  if (!user) return null;
  return h('span', { class: 'user-badge', title: `Signed in as ${user.name} (${user.role})` },
    themeToggle(),
    h('span', { class: 'user-name' }, user.name),
    h('span', { class: 'user-role tag' }, user.role),
    user.role === 'admin' ? h('a', { class: 'admin-link', href: '#/admin', title: 'Users and tokens' }, 'Admin') : null,
    h('button', { class: 'sign-out', onclick: onSignOut }, 'Sign out'));
}
