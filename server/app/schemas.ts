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

export const Notebook = NotebookSummary.extend({ source: z.string().describe('The notebook file (Markdown with fenced cells)') });

export const NotebookId = z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'is not a notebook id') });

export const NotebookCreate = z
  .object({
    title: z.string().trim().min(1).max(200).optional().describe('Sets the front-matter title'),
    template: z.string().optional().describe('An example notebook id from GET /api/templates, or "blank" (the default)'),
    source: z.string().optional().describe('The whole notebook text; wins over template'),
  })
  .strict();

export const NotebookSave = z.object({ source: z.string() }).strict();

export const Conflict = ErrorBody.extend({ version: z.number().int().describe('The current version') });

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
  .object({ seed: z.number().int().optional(), customers: z.number().int().min(10).max(200_000).optional() })
  .strict()
  .describe('Options of the generated shop (shop/… datasets only)');

// The same options as query parameters (`?seed=7&customers=1000`), for preview and rows.
const shopQuery = {
  seed: z.coerce.number().int().optional().describe('Generated shop seed (shop/… only)'),
  customers: z.coerce.number().int().min(10).max(200_000).optional().describe('Generated shop size (shop/… only)'),
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
});

export const RecipeResultJson = z.object({
  recipe: z.string(),
  params: z.record(z.string(), z.unknown()),
  metrics: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  tables: z.record(z.string(), z.array(Row)),
  charts: z.array(z.object({ id: z.string(), title: z.string(), marks: z.array(z.unknown()) }).passthrough()),
  notes: z.array(z.string()),
});
