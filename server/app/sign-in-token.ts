import type { Storage } from '../storage/storage.js';

export const LOCAL_ADMIN = 'admin';
const LINK_DAYS = 7;
/** How the tokens of printed sign-in links are labelled (and so found again on the next start). */
export const LINK_LABEL = 'sign-in link printed by liftbook serve';

/**
 * What `serve` needs to print a sign-in link, as Jupyter does: on a data directory without users
 * it first creates the admin `admin` (one person, zero set-up); then, on every start, a fresh
 * week-long token for the first admin.
 *
 * @example
 * const { token, admin, created } = signInToken(storage); // → { token: 'lb_…', admin: 'admin', created: true }
 */
export function signInToken(storage: Storage, now = new Date()): { token: string; admin: string; created: boolean } {
  const expiresAt = new Date(now.getTime() + LINK_DAYS * 86_400_000);
  return storage.db.transaction(() => {
    const admin = storage.users.list().find((u) => u.role === 'admin' && !u.disabled_at);
    if (admin) return { token: storage.users.issueToken(admin.name, { label: LINK_LABEL, expiresAt }).token, admin: admin.name, created: false };
    // Teammates may exist (added with the CLI before the first start); the server still needs an admin.
    const name = storage.users.get(LOCAL_ADMIN) ? `${LOCAL_ADMIN}-${storage.users.count() + 1}` : LOCAL_ADMIN;
    return { token: storage.users.add(name, 'admin', { label: LINK_LABEL, expiresAt }).token, admin: name, created: true };
  })();
}

/**
 * Revokes the tokens of sign-in links printed by earlier starts (and so the sessions signed in
 * with them): a link left in a terminal's scrollback or a shell history stops working once the
 * server restarts. Returns how many were revoked; the audit log records it.
 *
 * @example
 * revokeEarlierLinks(storage); // → 1
 */
export function revokeEarlierLinks(storage: Storage): number {
  const live = storage.users.tokens().filter((t) => t.label === LINK_LABEL && !t.revoked_at);
  for (const token of live) storage.users.revokeToken(token.id);
  if (live.length) storage.audit.record('cli', 'link-tokens-revoke', null, { tokens: live.map((t) => t.id) });
  return live.length;
}
