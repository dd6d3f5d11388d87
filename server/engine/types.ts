import type { ColumnTable } from 'arquero';
import type { Dialect, DialectName } from '../../recipes/sql/dialect.js';
import type { EngineReport, SqlColumn } from '../../recipes/types.js';

export type { EngineReport };

export interface QueryOptions {
  /** Values for `$1`, `$2`, … placeholders: bound by DuckDB and Postgres, quoted literals on ClickHouse. */
  params?: unknown[];
  /** Aborting cancels the query on the engine (DuckDB interrupt, Postgres cancel, ClickHouse KILL QUERY). */
  signal?: AbortSignal;
  /** Rows read so far and a fraction when the engine knows the total. */
  onProgress?: (progress: { rowsRead: number; fraction: number | null }) => void;
  /** At most this many rows come back; `truncated` says when more were there. */
  maxRows?: number;
}

export interface QueryResult {
  table: ColumnTable;
  rowsRead: number | null;
  truncated: boolean;
}

/** A named connection that runs SQL: the embedded DuckDB (`local`), Postgres or ClickHouse. */
export interface Engine {
  readonly source: string;
  readonly kind: DialectName;
  readonly dialect: Dialect;
  query(sql: string, options?: QueryOptions): Promise<QueryResult>;
  /** Rows in batches, for row-level work (text scoring, training rows) that SQL cannot do. */
  stream(sql: string, options?: QueryOptions & { batchRows?: number }): AsyncIterable<ColumnTable>;
  /** The columns of anything that can follow FROM. */
  columns(from: string): Promise<SqlColumn[]>;
  /** Tables and their columns, for completion in the SQL editor. */
  tables(): Promise<{ name: string; columns: SqlColumn[] }[]>;
  close(): Promise<void>;
}
