import type { ColumnInfo, RowQuery } from '../outputs/table-source.js';

/**
 * The workbench's own messages to its sandbox worker, beside the notebook protocol: the table
 * viewer asks for one sorted/filtered page or the column summaries of a table the worker holds.
 */
export type TableRequest =
  | ({ type: 'lb-table-page'; requestId: number; handle: string } & RowQuery)
  | { type: 'lb-table-columns'; requestId: number; handle: string };

export type TableReply =
  | { type: 'lb-table-page'; requestId: number; ok: true; rows: unknown[][]; total: number }
  | { type: 'lb-table-columns'; requestId: number; ok: true; columns: ColumnInfo[] }
  | { type: 'lb-table-page' | 'lb-table-columns'; requestId: number; ok: false; error: string };
