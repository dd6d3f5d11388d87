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
 * const id = sessions.start('ana', 1);
 * sessions.user(id); // → { name: 'ana', … }
 */
export class SessionStore {
  constructor(private readonly db: Database) {}

  /** Starts a session and returns its secret id (the cookie value). */
  start(userName: string, tokenId: number | null, now = new Date()): string {
    const id = newSecret();
    const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now.toISOString());
    this.db
      .prepare('INSERT INTO sessions (hash, user_name, token_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(hashSecret(id), userName, tokenId, now.toISOString(), expires.toISOString());
    return id;
  }

  /** The signed-in user of a live session, or undefined. */
  user(id: string, now = new Date()): User | undefined {
    return this.db
      .prepare('SELECT u.name, u.role, u.created_at FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.hash = ? AND s.expires_at > ?')
      .get(hashSecret(id), now.toISOString()) as User | undefined;
  }

  end(id: string): void {
    this.db.prepare('DELETE FROM sessions WHERE hash = ?').run(hashSecret(id));
  }
}
