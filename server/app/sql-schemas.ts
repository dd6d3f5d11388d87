// The shapes of the sources and SQL routes, shared by validation and the OpenAPI document.
import { z } from 'zod';

const SourceName = z.string().describe('A letter, then letters, digits or _; "local" is the embedded engine');

export const SourceKind = z.enum(['duckdb', 'clickhouse', 'postgres']);

export const SourceInfo = z.object({
  name: SourceName,
  kind: SourceKind,
  url: z.string().optional().describe('Admins only, with the password replaced by ***'),
  added_by: z.string().nullable().optional().describe('Admins only'),
  created_at: z.string().optional().describe('Admins only'),
});

export const SourceCreate = z
  .object({
    name: SourceName,
    url: z.string().min(1).describe('clickhouse://user:password@host:8123/database or postgres://user:password@host:5432/database (use a read-only database user)'),
    replace: z.boolean().optional().describe('Replace a source of the same name'),
    test: z.boolean().optional().describe('Connect and run SELECT 1 before storing; a failure is a 502 and nothing is stored'),
  })
  .strict();

export const SourceParam = z.object({ name: SourceName });

export const SourceTest = z.object({
  ok: z.boolean(),
  kind: SourceKind,
  ms: z.number().describe('Time to connect and run SELECT 1'),
  error: z.string().optional().describe('Why the test failed (never the password)'),
});

export const SourceSchema = z.object({
  source: SourceName,
  kind: SourceKind,
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.object({ name: z.string(), type: z.string() })) })),
});

export const SqlRequestBody = z
  .object({
    source: SourceName.default('local'),
    sql: z.string().min(1).max(100_000).describe('One read-only statement; $1, $2, … are the params'),
    params: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).max(1000).default([]).describe('Values bound to $1, $2, … (never spliced into the SQL)'),
    maxRows: z.number().int().positive().optional().describe("At most this many rows (the server's cap, 1,000,000 by default, still applies)"),
  })
  .strict();

export const EngineReportBody = z.object({
  source: z.string(),
  kind: z.enum(['duckdb', 'clickhouse', 'postgres']),
  pushdown: z.boolean(),
  rows_read: z.number().nullable(),
  rows_fetched: z.number(),
  ms: z.number(),
});

export const SqlResult = z.object({
  columns: z.array(z.object({ name: z.string(), type: z.string(), missing: z.number() })),
  rows: z.array(z.record(z.string(), z.unknown())),
  numRows: z.number().int(),
  truncated: z.boolean().describe('More rows were there than maxRows: these are the first maxRows'),
  maxRows: z.number().int(),
  engine: EngineReportBody,
});
