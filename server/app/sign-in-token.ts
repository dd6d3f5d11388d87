import type { Storage } from '../storage/storage.js';

export const LOCAL_ADMIN = 'admin';
const LINK_DAYS = 7;

/**
 * What `serve` needs to print a sign-in link, as Jupyter does: on a data directory without users
 * it first creates the admin `admin` (one person, zero set-up); then, on every start, a fresh
 * week-long token for the first admin. Older link tokens are left to expire rather than revoked,
 * so a restart does not sign anyone out.
 *
 * @example
 * const { token, admin, created } = signInToken(storage); // → { token: 'lb_…', admin: 'admin', created: true }
 */
export function signInToken(storage: Storage, now = new Date()): { token: string; admin: string; created: boolean } {
  const expiresAt = new Date(now.getTime() + LINK_DAYS * 86_400_000);
  const label = 'sign-in link printed by liftbook serve';
  return storage.db.transaction(() => {
    const admin = storage.users.list().find((u) => u.role === 'admin');
    if (admin) return { token: storage.users.issueToken(admin.name, { label, expiresAt }).token, admin: admin.name, created: false };
    // Teammates may exist (added with the CLI before the first start); the server still needs an admin.
    const name = storage.users.get(LOCAL_ADMIN) ? `${LOCAL_ADMIN}-${storage.users.count() + 1}` : LOCAL_ADMIN;
    return { token: storage.users.add(name, 'admin', { label, expiresAt }).token, admin: name, created: true };
  })();
}
