import type { Database } from 'better-sqlite3';
import { hashSecret, newSecret } from '../auth/secret.js';
import type { User } from './user-store.js';

export const SESSION_DAYS = 30;

/**
 * Browser sessions: signing in with a token gives a random session id for the cookie; the
 * database keeps its hash, the user and the token it came from (revoking that token ends it).
 *
 * @example
 * const sessions = new SessionStore(db);
 * const { id } = sessions.start('ana', 1);
 * sessions.user(id); // → { name: 'ana', … }
 */
export class SessionStore {
  constructor(private readonly db: Database) {}

  /**
   * Starts a session and returns its secret id (the cookie value) and when it ends: after
   * SESSION_DAYS, or when its token expires if that is sooner.
   */
  start(userName: string, tokenId: number | null, now = new Date()): { id: string; expiresAt: Date } {
    const id = newSecret();
    const tokenExpiry = tokenId === null ? null : (this.db.prepare('SELECT expires_at FROM tokens WHERE id = ?').pluck().get(tokenId) as string | null | undefined);
    const expires = new Date(Math.min(now.getTime() + SESSION_DAYS * 86_400_000, tokenExpiry ? Date.parse(tokenExpiry) : Infinity));
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now.toISOString());
    this.db
      .prepare('INSERT INTO sessions (hash, user_name, token_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(hashSecret(id), userName, tokenId, now.toISOString(), expires.toISOString());
    return { id, expiresAt: expires };
  }

  /**
   * The signed-in user of a live session, or undefined: a session also ends with its token
   * (revoked or expired, checked on every request) and while its user is disabled.
   */
  user(id: string, now = new Date()): User | undefined {
    const at = now.toISOString();
    return this.db
      .prepare(
        `SELECT u.name, u.role, u.created_at, u.disabled_at FROM sessions s JOIN users u ON u.name = s.user_name LEFT JOIN tokens t ON t.id = s.token_id
         WHERE s.hash = ? AND s.expires_at > ? AND u.disabled_at IS NULL
           AND (s.token_id IS NULL OR (t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?)))`,
      )
      .get(hashSecret(id), at, at) as User | undefined;
  }

  end(id: string): void {
    this.db.prepare('DELETE FROM sessions WHERE hash = ?').run(hashSecret(id));
  }
}
