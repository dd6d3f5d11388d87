import type { TokenRecord, User } from '../storage/user-store.js';
import { textTable } from './text-table.js';

/**
 * What `liftbook user add` / `user token` print in text mode: the secret alone on its own line (so
 * selecting the line copies exactly it), between what it is and how to use it.
 *
 * @example
 * newTokenText('Added ana (member). Their API token', 'lb_abc…');
 * // Added ana (member). Their API token (shown once; liftbook keeps only its hash):
 * // lb_abc…
 * // Sign in at the workbench with it, or send "Authorization: Bearer <token>".
 */
export function newTokenText(what: string, token: string): string {
  return `${what} (shown once; liftbook keeps only its hash):\n${token}\nSign in at the workbench with it, or send "Authorization: Bearer <token>".`;
}

/**
 * The users as an aligned table (name, role, when added, UTC; when disabled, if anyone is).
 *
 * @example
 * usersText([{ name: 'ana', role: 'member', created_at: '2025-06-01T09:30:00.000Z', disabled_at: null }]);
 * // name  role    created (UTC)
 * // ana   member  2025-06-01 09:30
 */
export function usersText(users: User[]): string {
  const anyDisabled = users.some((u) => u.disabled_at);
  return textTable(
    users.map((u) => ({
      name: u.name,
      role: u.role,
      'created (UTC)': minute(u.created_at),
      ...(anyDisabled ? { 'disabled (UTC)': u.disabled_at ? minute(u.disabled_at) : '' } : {}),
    })),
    Infinity,
  );
}

/**
 * Tokens as an aligned table: id (what `user revoke` takes), owner, label, the first characters
 * (to recognise one, not to use it) and its dates, UTC. Never the secret: it is not stored.
 *
 * @example
 * tokensText(storage.users.tokens('ana'));
 * // id  user  label        prefix       created (UTC)     last used         expires  revoked
 * //  1  ana   first token  lb_q3VxYz1…  2025-06-01 09:30  2025-06-02 10:00  never
 */
export function tokensText(tokens: TokenRecord[]): string {
  return textTable(
    tokens.map((t) => ({
      id: t.id,
      user: t.user_name,
      label: t.label,
      prefix: `${t.prefix}…`,
      'created (UTC)': minute(t.created_at),
      'last used': t.last_used_at ? minute(t.last_used_at) : 'never',
      expires: t.expires_at ? minute(t.expires_at) : 'never',
      revoked: t.revoked_at ? minute(t.revoked_at) : '',
    })),
    Infinity,
  );
}

// Seconds and milliseconds only widen the table; the JSON output keeps the full timestamps.
function minute(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}
