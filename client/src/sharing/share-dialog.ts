import { api, listOf, type ShareRole, type Shares, type TeamUser } from '../shell/api.js';
import { h, replaceChildren } from '../shell/dom.js';
import { openModal } from '../shell/modal.js';

export interface ShareDialogOptions {
  notebookId: string;
  /** Only the owner may change who sees the notebook; everyone else sees the list read-only. */
  isOwner: boolean;
  /** Who is signed in: never offered as someone to share with (an admin owns the examples without being their named owner). */
  me?: string;
  toast: (message: string, kind?: 'error' | 'info') => void;
}

const ROLE_TEXT = { viewer: 'viewer (read and run)', editor: 'editor (also save)' } as const;
const TEAM_TEXT = { none: 'only the people below', viewer: 'everyone on the team may view', editor: 'everyone on the team may edit' } as const;

/**
 * The Share dialog: who owns the notebook, the team-wide default and each user's role. The owner
 * adds a user (picked from the team), changes a role or removes it, and sets the default; the
 * server's refusals (an unknown user, not the owner) show in the dialog.
 *
 * @example
 * await openShareDialog({ notebookId: 'q3-review', isOwner: true, toast });
 */
export async function openShareDialog(options: ShareDialogOptions): Promise<void> {
  const modal = openModal({ title: 'Share', class: 'share-dialog' });
  const path = `/api/notebooks/${encodeURIComponent(options.notebookId)}`;
  modal.body.append(h('p', { class: 'muted' }, 'Loading…'));
  let users: TeamUser[] = [];
  let shares: Shares;
  try {
    [shares, users] = await Promise.all([
      api<Shares>('GET', `${path}/shares`),
      options.isOwner ? api<unknown>('GET', '/api/users').then((b) => listOf<TeamUser>(b, 'users')) : Promise.resolve([]),
    ]);
  } catch (error) {
    modal.body.replaceChildren();
    modal.error((error as Error).message);
    return;
  }
  modal.actions.append(h('button', { class: 'share-done', onclick: () => modal.close() }, 'Done'));

  async function change(user: string, role: ShareRole, control?: HTMLElement): Promise<void> {
    modal.error(null);
    control?.setAttribute('disabled', '');
    try {
      shares = await api<Shares>('POST', `${path}/share`, { user, role });
      draw();
      options.toast(user === '*' ? `Team default: ${TEAM_TEXT[role]}.` : role === 'none' ? `${user} no longer has access.` : `${user} is now ${role}.`);
    } catch (error) {
      control?.removeAttribute('disabled');
      modal.error((error as Error).message);
      draw();
    }
  }

  function roleSelect(cls: string, current: string, values: readonly string[], text: Record<string, string>, label: string): HTMLSelectElement {
    return h('select', { class: cls, 'aria-label': label }, values.map((v) => h('option', { value: v, selected: v === current }, text[v] ?? v)));
  }

  function draw(): void {
    const owner = options.isOwner;
    const team = shares.team ?? 'none';
    const teamControl = owner
      ? roleSelect('share-team', team, ['none', 'viewer', 'editor'], TEAM_TEXT, 'Team-wide default')
      : h('span', { class: 'share-team-text' }, TEAM_TEXT[team]);
    if (teamControl instanceof HTMLSelectElement) teamControl.addEventListener('change', () => void change('*', teamControl.value as ShareRole, teamControl));
    const rows = shares.users.map(({ user, role }) => {
      if (!owner) return h('li', { class: 'share-row', 'data-user': user }, h('span', { class: 'share-user-name' }, user), h('span', { class: 'share-role-text tag' }, role));
      const select = roleSelect('share-role', role, ['viewer', 'editor'], ROLE_TEXT, `Role of ${user}`);
      select.addEventListener('change', () => void change(user, select.value as ShareRole, select));
      const remove = h('button', { class: 'link danger share-remove', title: `Remove ${user}` }, 'Remove');
      remove.addEventListener('click', () => void change(user, 'none', remove));
      return h('li', { class: 'share-row', 'data-user': user }, h('span', { class: 'share-user-name' }, user), select, remove);
    });
    const taken = new Set([shares.owner, options.me, ...shares.users.map((u) => u.user)]);
    const candidates = users.filter((u) => !taken.has(u.name));
    let add: HTMLElement | null = null;
    if (owner) {
      const who = h('select', { class: 'share-user', 'aria-label': 'User to share with' },
        candidates.length ? candidates.map((u) => h('option', { value: u.name }, u.name)) : h('option', { value: '' }, 'everyone already has access'));
      const role = roleSelect('share-new-role', 'viewer', ['viewer', 'editor'], ROLE_TEXT, 'Role to give');
      const button = h('button', { class: 'primary share-add', disabled: !candidates.length }, 'Share');
      button.addEventListener('click', () => who.value && void change(who.value, role.value as ShareRole, button));
      add = h('div', { class: 'share-add-row row' }, who, role, button);
    }
    replaceChildren(modal.body,
      h('p', { class: 'share-owner' }, 'Owner: ', h('strong', {}, shares.owner ?? 'the team (an example)')),
      h('div', { class: 'share-team-row row' }, h('span', {}, 'Team default:'), teamControl),
      h('h3', {}, 'People'),
      rows.length ? h('ul', { class: 'share-list' }, rows) : h('p', { class: 'muted share-empty' }, 'Not shared with anyone by name.'),
      add,
      owner ? null : h('p', { class: 'hint' }, 'Only the owner can change who has access.'));
  }
  draw();
}
