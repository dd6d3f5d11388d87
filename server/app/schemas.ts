// The API's shapes, shared by validation and the OpenAPI document.
import { z } from 'zod';

export const ErrorBody = z.object({ error: z.string().describe('What went wrong and how to fix it') });

export const NotebookSummary = z.object({
  id: z.string(),
  title: z.string(),
  version: z.number().int().describe('Bumped by every save; also the ETag'),
  owner: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

const Role = z.enum(['owner', 'editor', 'viewer']).describe('Your role: the owner shares and deletes, an editor saves, a viewer reads and runs');
const ShareRole = z.enum(['viewer', 'editor']);

export const VisibleNotebook = NotebookSummary.extend({ role: Role, team_role: ShareRole.nullable().describe('The team-wide default role, if any') });

export const Notebook = VisibleNotebook.extend({ source: z.string().describe('The notebook file (Markdown with fenced cells)') });

export const NotebookScope = z.object({ scope: z.enum(['mine', 'shared']).optional().describe('mine: notebooks you own; shared: the ones shared with you') });

export const User = z.object({
  name: z.string(),
  role: z.enum(['admin', 'member']),
  created_at: z.string(),
  disabled_at: z.string().nullable().describe('When an admin disabled the user (they cannot sign in); null while enabled'),
});

export const UserName = z.object({ name: z.string() });

export const SessionUser = z.object({ user: z.object({ name: z.string(), role: z.enum(['admin', 'member']) }) });

export const SignIn = z.object({ token: z.string().min(1).describe('An API token (lb_…)') }).strict();

export const UserCreate = z
  .object({ name: z.string().describe('lowercase letters, digits, ".", "_", "-"'), role: z.enum(['admin', 'member']).default('member') })
  .strict();

export const NewUser = z.object({ user: User, token: z.string().describe('Shown once: the server keeps only its hash') });

export const TokenInfo = z.object({
  id: z.number().int(),
  user_name: z.string(),
  label: z.string(),
  prefix: z.string().describe('The first characters of the token, to recognise it'),
  created_at: z.string(),
  expires_at: z.string().nullable(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});

export const TokenCreate = z.object({ label: z.string().max(100).optional() }).strict();

export const NewToken = TokenInfo.extend({ token: z.string().describe('Shown once') });

export const TokenId = z.object({ id: z.coerce.number().int().positive() });

export const Shares = z.object({
  owner: z.string().nullable(),
  team: ShareRole.nullable().describe('The role everyone on the server has'),
  users: z.array(z.object({ user: z.string(), role: ShareRole })),
});

export const ShareRequest = z
  .object({
    user: z.string().min(1).describe('A user name, or "*" for the team-wide default'),
    role: z.enum(['viewer', 'editor', 'none']).describe('none takes the share away'),
  })
  .strict();

export const RevisionSummary = z.object({ version: z.number().int(), title: z.string(), author: z.string().nullable(), created_at: z.string(), bytes: z.number().int() });

export const Revision = z.object({ version: z.number().int(), title: z.string(), author: z.string().nullable(), created_at: z.string(), source: z.string() });

export const RevisionId = z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'is not a notebook id'), version: z.coerce.number().int().positive() });

export const DiffQuery = z.object({
  from: z.coerce.number().int().positive().describe('The older version'),
  to: z.coerce.number().int().positive().optional().describe('The newer version (default: the current one)'),
});

export const CellChange = z.object({
  key: z.string().describe('Cell id, prose key or "front-matter"'),
  kind: z.enum(['cell', 'prose', 'front-matter']),
  status: z.enum(['added', 'removed', 'changed', 'moved', 'unchanged']),
  before: z.string().optional(),
  after: z.string().optional(),
});

export const Diff = z.object({ from: z.number().int(), to: z.number().int(), changes: z.array(CellChange) });

export const TrashedNotebook = NotebookSummary.extend({ deleted_at: z.string() });

export const AuditQuery = z.object({
  notebook: z.string().optional().describe('Only entries about this notebook'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.enum(['share', 'delete', 'restore', 'restore-revision', 'user-add', 'user-disable', 'user-enable', 'token-create', 'token-revoke', 'link-tokens-revoke', 'source-add', 'source-remove']),
  notebook_id: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

export const NotebookId = z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'is not a notebook id') });

export const NotebookCreate = z
  .object({
    title: z.string().trim().min(1).max(200).optional().describe('Sets the front-matter title'),
    template: z.string().optional().describe('An example notebook id from GET /api/templates, or "blank" (the default)'),
    source: z.string().optional().describe('The whole notebook text; wins over template'),
  })
  .strict();

export const NotebookSave = z.object({ source: z.string() }).strict();

export const Conflict = ErrorBody.extend({
  version: z.number().int().describe('The current version'),
  source: z.string().describe('The current text, to merge with yours'),
  updated_at: z.string(),
  author: z.string().nullable().describe('Who saved the current version'),
});

export const Template = z.object({ id: z.string(), title: z.string() });

export const ColumnInfo = z.object({
  name: z.string(),
  type: z.enum(['number', 'string', 'boolean', 'date', 'mixed', 'empty', 'other']),
  missing: z.number().int(),
});

export const Dataset = z.object({
  name: z.string().describe('What load("name") and {dataset: name} use'),
  bundled: z.boolean(),
  title: z.string().optional(),
  source: z.string().optional(),
  license: z.string().optional(),
  filename: z.string().optional(),
  format: z.string().optional(),
  size: z.number().int().optional().describe('Bytes of the uploaded file'),
  rows: z.number().int().optional(),
  columns: z.array(ColumnInfo).optional(),
  created_at: z.string().optional(),
  owner: z.string().nullable().optional().describe('Who uploaded it'),
});

export const DatasetName = z.object({ name: z.string().min(1) });

export const DatasetUpload = z.object({
  file: z.string().meta({ format: 'binary' }).describe('CSV, TSV, JSON (array of rows), Parquet or Arrow IPC; optionally .gz'),
  name: z.string().optional().describe('Dataset name; default: the file name without extension'),
  replace: z.enum(['true', 'false']).optional().describe('Replace a dataset of the same name'),
});

const Row = z.record(z.string(), z.unknown());

export const TablePage = z.object({
  name: z.string(),
  total: z.number().int().describe('Rows in the whole dataset'),
  offset: z.number().int(),
  columns: z.array(ColumnInfo),
  rows: z.array(Row).describe('Dates as ISO strings; non-finite numbers as null'),
});

const ShopOptions = z
  .object({ seed: z.number().int().optional(), customers: z.number().int().min(10).max(50_000).optional() })
  .strict()
  .describe('Options of the generated shop (shop/… datasets only)');

/** Largest generated shop a server builds on request: 200,000 customers took 96 s and 2.9 GB, 50,000 a quarter of that. */
export const MAX_SHOP_CUSTOMERS = 50_000;

// The same options as query parameters (`?seed=7&customers=1000`), for preview and rows.
const shopQuery = {
  seed: z.coerce.number().int().optional().describe('Generated shop seed (shop/… only)'),
  customers: z.coerce.number().int().min(10).max(MAX_SHOP_CUSTOMERS).optional().describe('Generated shop size (shop/… only), at most 50,000'),
};

export const PreviewQuery = z.object({ limit: z.coerce.number().int().min(0).max(1000).default(100), ...shopQuery });

export const RowsQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(0).optional().describe('Default: every row from offset'),
  ...shopQuery,
});

export const DatasetRef = z.object({ dataset: z.string().min(1), options: ShopOptions.optional() }).strict();

export const RunRequest = z
  .object({
    inputs: z.record(z.string(), z.union([z.array(Row), DatasetRef])).default({}).describe('Each input table: inline rows, or {dataset: name}'),
    params: z.record(z.string(), z.unknown()).default({}).describe("The recipe's parameters (see its JSON Schema in GET /api/recipes)"),
  })
  .strict();

export const RecipeId = z.object({ id: z.string() });

export const RecipeDescriptor = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  inputs: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      roles: z.array(z.object({ role: z.string(), description: z.string(), required: z.boolean().optional() })),
      alternative: z.string().optional(),
      optional: z.boolean().optional(),
    }),
  ),
  params: z.record(z.string(), z.unknown()).describe('JSON Schema (2020-12) of the parameters'),
  pushdown: z.boolean().describe('true when the recipe aggregates in SQL where its inputs live (an uploaded dataset is read in place)'),
});

export const RecipeResultJson = z.object({
  recipe: z.string(),
  params: z.record(z.string(), z.unknown()),
  metrics: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  tables: z.record(z.string(), z.array(Row)),
  charts: z.array(z.object({ id: z.string(), title: z.string(), marks: z.array(z.unknown()) }).passthrough()),
  notes: z.array(z.string()),
  engine: z
    .object({
      source: z.string(),
      kind: z.enum(['duckdb', 'postgres', 'clickhouse']),
      pushdown: z.boolean(),
      rows_read: z.number().nullable(),
      rows_fetched: z.number(),
      ms: z.number(),
    })
    .nullable()
    .describe('Where the data was read and aggregated (source, engine kind, whether the aggregation ran there, rows scanned and fetched, milliseconds); null for in-memory rows given as they were.'),
});
