import type { Database } from 'better-sqlite3';
import { hashSecret, newSecret } from '../auth/secret.js';
import { NotFoundError, StorageInputError } from './errors.js';

export type UserRole = 'admin' | 'member';

export interface User {
  name: string;
  role: UserRole;
  created_at: string;
  /** When an admin disabled the user (their tokens and sessions stop working); null while enabled. */
  disabled_at: string | null;
}

/** A token as listed: never the secret itself, only its first characters. */
export interface TokenRecord {
  id: number;
  user_name: string;
  label: string;
  prefix: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export const USER_NAME = /^[a-z0-9][a-z0-9._-]{0,39}$/;
const USER_COLUMNS = 'name, role, created_at, disabled_at';
const TOKEN_COLUMNS = 'id, user_name, label, prefix, created_at, expires_at, last_used_at, revoked_at';
// last_used_at is for people reading the token list; a write per request would cost an fsync each.
const TOUCH_EVERY_MS = 60_000;

/**
 * Users and their API tokens. A token is shown once, when it is made; only its hash is stored.
 *
 * @example
 * const users = new UserStore(db);
 * const { user, token } = users.add('ana', 'member');
 * users.authenticate(token); // → { user: { name: 'ana', … }, tokenId: 1 }
 */
export class UserStore {
  constructor(private readonly db: Database) {}

  list(): User[] {
    return this.db.prepare(`SELECT ${USER_COLUMNS} FROM users ORDER BY name`).all() as User[];
  }

  get(name: string): User | undefined {
    return this.db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE name = ?`).get(name) as User | undefined;
  }

  count(): number {
    return this.db.prepare('SELECT count(*) FROM users').pluck().get() as number;
  }

  /** Adds a user and gives them a first token. */
  add(name: string, role: UserRole = 'member', options: { label?: string; expiresAt?: Date } = {}): { user: User; token: string } {
    if (!USER_NAME.test(name)) {
      throw new StorageInputError(`"${name}" is not a valid user name: use lowercase letters, digits, ".", "_" and "-" (at most 40, starting with a letter or digit).`);
    }
    // The audit log names the command line as actor "cli"; no user may look like it.
    if (name === 'cli') throw new StorageInputError('"cli" is reserved (the audit log uses it for the command line): choose another user name.');
    if (role !== 'admin' && role !== 'member') throw new StorageInputError(`Role "${String(role)}" is not one of admin, member.`);
    return this.db.transaction(() => {
      if (this.get(name)) throw new StorageInputError(`A user named "${name}" already exists. Give them another token with "liftbook user token ${name}".`, 409);
      this.db.prepare('INSERT INTO users (name, role, created_at) VALUES (?, ?, ?)').run(name, role, new Date().toISOString());
      const { token } = this.issueToken(name, { label: options.label ?? 'first token', expiresAt: options.expiresAt });
      return { user: this.get(name)!, token };
    })();
  }

  /** A new token for an existing user; the secret is returned once and never again. */
  issueToken(name: string, options: { label?: string; expiresAt?: Date } = {}): { token: string; record: TokenRecord } {
    if (!this.get(name)) throw new NotFoundError(`There is no user "${name}". Add them with "liftbook user add ${name}".`);
    const token = newSecret('lb_');
    const info = this.db
      .prepare('INSERT INTO tokens (user_name, hash, prefix, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(name, hashSecret(token), token.slice(0, 10), options.label?.trim() || 'token', new Date().toISOString(), options.expiresAt?.toISOString() ?? null);
    return { token, record: this.token(Number(info.lastInsertRowid))! };
  }

  token(id: number): TokenRecord | undefined {
    return this.db.prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE id = ?`).get(id) as TokenRecord | undefined;
  }

  /** Tokens of one user (or everyone's), newest first, revoked ones included. */
  tokens(name?: string): TokenRecord[] {
    const where = name === undefined ? '' : 'WHERE user_name = ?';
    return this.db.prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens ${where} ORDER BY id DESC`).all(...(name === undefined ? [] : [name])) as TokenRecord[];
  }

  /** Revokes a token and ends the sessions signed in with it; false when it was unknown or revoked already. */
  revokeToken(id: number): boolean {
    return this.db.transaction(() => {
      const changed = this.db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(new Date().toISOString(), id).changes > 0;
      if (changed) this.db.prepare('DELETE FROM sessions WHERE token_id = ?').run(id);
      return changed;
    })();
  }

  /**
   * Disables a user at once: their tokens stop working and their sessions end; they keep their
   * notebooks, shares and tokens for when they are enabled again. False when already disabled.
   * The last enabled admin cannot be disabled (nobody could enable anyone again).
   */
  disable(name: string, now = new Date()): boolean {
    return this.db.transaction(() => {
      const user = this.get(name);
      if (!user) throw new NotFoundError(`There is no user "${name}". "liftbook user list" shows who there is.`);
      if (user.disabled_at) return false;
      const admins = this.db.prepare("SELECT count(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL").pluck().get() as number;
      if (user.role === 'admin' && admins <= 1) throw new StorageInputError(`"${name}" is the only enabled admin: make another admin first, or nobody could manage users.`);
      this.db.prepare('UPDATE users SET disabled_at = ? WHERE name = ?').run(now.toISOString(), name);
      this.db.prepare('DELETE FROM sessions WHERE user_name = ?').run(name);
      return true;
    })();
  }

  /** Lets a disabled user sign in again with their tokens; false when they were not disabled. */
  enable(name: string): boolean {
    if (!this.get(name)) throw new NotFoundError(`There is no user "${name}". "liftbook user list" shows who there is.`);
    return this.db.prepare('UPDATE users SET disabled_at = NULL WHERE name = ? AND disabled_at IS NOT NULL').run(name).changes > 0;
  }

  /** The user a token belongs to, when it is known, not revoked, not expired and its user is enabled. */
  authenticate(token: string, now = new Date()): { user: User; tokenId: number } | undefined {
    if (!token.startsWith('lb_')) return undefined;
    const row = this.db.prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE hash = ?`).get(hashSecret(token)) as TokenRecord | undefined;
    if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now.toISOString())) return undefined;
    const user = this.get(row.user_name);
    if (!user || user.disabled_at) return undefined;
    if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_EVERY_MS) {
      this.db.prepare('UPDATE tokens SET last_used_at = ? WHERE id = ?').run(now.toISOString(), row.id);
    }
    return { user, tokenId: row.id };
  }
}
