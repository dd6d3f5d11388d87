import type { Database } from 'better-sqlite3';

export type AuditAction = 'share' | 'delete' | 'restore' | 'restore-revision' | 'user-add' | 'user-disable' | 'user-enable' | 'token-create' | 'token-revoke' | 'link-tokens-revoke' | 'source-add' | 'source-remove';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string | null;
  action: AuditAction;
  notebook_id: string | null;
  detail: Record<string, unknown>;
}

/**
 * Who shared, deleted or restored what, and who added users or tokens: an append-only table
 * (nothing in liftbook updates or deletes its rows).
 *
 * @example
 * const audit = new AuditLog(db);
 * audit.record('ana', 'share', 'q3', { user: 'ben', role: 'viewer' });
 * audit.list({ notebook: 'q3' });
 */
export class AuditLog {
  constructor(private readonly db: Database) {}

  record(actor: string | null, action: AuditAction, notebookId: string | null, detail: Record<string, unknown> = {}): void {
    this.db
      .prepare('INSERT INTO audit (at, actor, action, notebook_id, detail) VALUES (?, ?, ?, ?, ?)')
      .run(new Date().toISOString(), actor, action, notebookId, JSON.stringify(detail));
  }

  /** Newest first. */
  list(options: { notebook?: string; limit?: number } = {}): AuditEntry[] {
    const where = options.notebook === undefined ? '' : 'WHERE notebook_id = ?';
    const rows = this.db
      .prepare(`SELECT id, at, actor, action, notebook_id, detail FROM audit ${where} ORDER BY id DESC LIMIT ?`)
      .all(...(options.notebook === undefined ? [] : [options.notebook]), options.limit ?? 100) as (Omit<AuditEntry, 'detail'> & { detail: string })[];
    return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }));
  }
}
