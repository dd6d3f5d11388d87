import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Context } from 'hono';
import { z } from 'zod';
import { tableRows } from '../../../recipes/result-json.js';
import { isBundledDataset, listBundledDatasets, type ShopOptions } from '../../datasets/bundled.js';
import { describeColumns, type ColumnInfo } from '../../storage/column-types.js';
import { checkDatasetName, nameFromFilename } from '../../storage/dataset-names.js';
import type { ApiRoutes } from '../api-route.js';
import type { AppDeps } from '../deps.js';
import { formatBytes } from '../format-bytes.js';
import { HttpError } from '../http-error.js';
import { loadDataset } from '../load-dataset.js';
import { parseMultipart, type FormPart } from '../multipart.js';
import { Dataset, DatasetName, DatasetUpload, ErrorBody, PreviewQuery, RowsQuery, TablePage } from '../schemas.js';

const ARROW = 'application/vnd.apache.arrow.stream';
const notFound = { description: 'No such dataset', schema: ErrorBody };
const badName = { description: 'Invalid dataset name', schema: ErrorBody };
const columnCache = new WeakMap<ColumnTable, ColumnInfo[]>();

/**
 * Dataset routes: list (bundled + uploaded), upload (multipart), preview, rows (JSON pages or
 * Arrow IPC), delete. Names may contain one slash only for bundled datasets (`shop/units`).
 *
 * @example
 * datasetRoutes(api, deps);
 */
export function datasetRoutes(api: ApiRoutes, deps: AppDeps): void {
  const { storage } = deps;
  const table = async (name: string, options: ShopOptions = {}): Promise<ColumnTable> => {
    const loading = loadDataset(storage, name, { seed: options.seed, customers: options.customers });
    if (!loading) throw new HttpError(404, `There is no dataset "${name}".`);
    return loading;
  };
  // Every signed-in user reads every uploaded dataset (a team's shared data); changing one is its uploader's or an admin's.
  const mayChange = (c: Context, name: string, what: 'replace' | 'delete') => {
    const owner = storage.datasets.get(name)?.owner;
    const me = c.get('user');
    if (owner && owner !== me.name && me.role !== 'admin') throw new HttpError(403, `"${name}" was uploaded by ${owner}: only they or an admin can ${what} it. Upload yours under another name.`);
  };
  const page = (name: string, t: ColumnTable, offset: number, limit: number) => ({
    name,
    total: t.numRows(),
    offset,
    columns: columns(t),
    rows: tableRows(t.slice(offset, offset + limit)),
  });

  api.add({
    method: 'get',
    path: '/api/datasets',
    tag: 'datasets',
    summary: 'Bundled and uploaded datasets',
    responses: { 200: { description: 'The datasets', schema: z.array(Dataset) } },
    handler: (c) =>
      c.json([
        ...listBundledDatasets().map((d) => ({ ...d, bundled: true })),
        ...storage.datasets.list().map((d) => ({ ...d, bundled: false })),
      ]),
  });

  api.add({
    method: 'post',
    path: '/api/datasets',
    tag: 'datasets',
    summary: 'Upload a dataset (multipart/form-data: file, optional name, optional replace=true)',
    form: DatasetUpload,
    responses: {
      201: { description: 'Stored', schema: Dataset },
      400: { description: 'No file, unreadable file or bad name', schema: ErrorBody },
      403: { description: 'Replacing a dataset someone else uploaded (only they or an admin may)', schema: ErrorBody },
      409: { description: 'The name is taken (send replace=true to replace it)', schema: ErrorBody },
      413: { description: 'The file is over the upload limit, expands past it (.gz), or has more rows or cells than liftbook reads (5 million, 50 million)', schema: ErrorBody },
    },
    handler: async (c) => {
      const form = await readForm(c);
      const file = form.get('file');
      if (file?.kind !== 'file') throw new HttpError(400, 'Send the dataset as a multipart form field named "file".');
      if (file.bytes.byteLength > deps.uploadLimit) {
        throw new HttpError(413, `${file.filename} is ${file.bytes.byteLength} bytes, over the ${formatBytes(deps.uploadLimit)} limit for uploads. Send a smaller file, or raise the server's limit (LIFTBOOK_UPLOAD_LIMIT, in MB).`);
      }
      const field = (key: string) => {
        const part = form.get(key);
        return part?.kind === 'field' ? part.value : undefined;
      };
      const name = field('name')?.trim() || nameFromFilename(file.filename);
      const replace = field('replace') === 'true';
      if (replace) mayChange(c, name, 'replace');
      const record = await storage.datasets.add({ name, filename: file.filename, bytes: file.bytes, replace, owner: c.get('user').name, limits: { maxBytes: deps.uploadLimit } });
      return c.json({ ...record, bundled: false }, 201);
    },
  });

  api.add({
    method: 'get',
    path: '/api/datasets/:name{.+}/preview',
    tag: 'datasets',
    summary: 'The first rows of a dataset with its column types',
    params: DatasetName,
    query: PreviewQuery,
    responses: { 200: { description: 'Columns and first rows', schema: TablePage }, 400: badName, 404: notFound },
    handler: async (c, { params, query }) => c.json(page(params.name, await table(params.name, query), 0, query.limit)),
  });

  api.add({
    method: 'get',
    path: '/api/datasets/:name{.+}/rows',
    tag: 'datasets',
    summary: 'Rows of a dataset: JSON pages, or Arrow IPC (stream format) with Accept: ' + ARROW,
    params: DatasetName,
    query: RowsQuery,
    headers: { Accept: `${ARROW} for Arrow IPC bytes (X-Total-Rows gives the dataset's size)` },
    responses: {
      200: { description: 'The rows', schema: TablePage, alternatives: { [ARROW]: 'Arrow IPC stream of the requested rows' } },
      400: badName,
      404: notFound,
    },
    handler: async (c, { params, query }) => {
      const t = await table(params.name, query);
      const limit = query.limit ?? t.numRows();
      if ((c.req.header('accept') ?? '').includes(ARROW)) {
        const bytes = arrowBytes(t.slice(query.offset, query.offset + limit));
        if (bytes) return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': ARROW, 'X-Total-Rows': String(t.numRows()) });
      }
      return c.json(page(params.name, t, query.offset, limit));
    },
  });

  api.add({
    method: 'delete',
    path: '/api/datasets/:name{.+}',
    tag: 'datasets',
    summary: 'Delete an uploaded dataset and its file',
    params: DatasetName,
    responses: {
      204: { description: 'Deleted' },
      400: { description: 'Bad name, or a bundled dataset', schema: ErrorBody },
      403: { description: 'Someone else uploaded it (only they or an admin may delete it)', schema: ErrorBody },
      404: notFound,
    },
    handler: async (c, { params }) => {
      if (isBundledDataset(params.name)) throw new HttpError(400, `"${params.name}" is bundled with liftbook and cannot be deleted.`);
      checkDatasetName(params.name);
      mayChange(c, params.name, 'delete');
      if (!(await storage.datasets.remove(params.name))) throw new HttpError(404, `There is no dataset "${params.name}".`);
      return c.body(null, 204);
    },
  });
}

async function readForm(c: Context): Promise<Map<string, FormPart>> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) {
    throw new HttpError(415, 'Upload datasets as multipart/form-data with the file in a field named "file".');
  }
  return parseMultipart(new Uint8Array(await c.req.arrayBuffer()), type);
}

function columns(t: ColumnTable): ColumnInfo[] {
  let info = columnCache.get(t);
  if (!info) columnCache.set(t, (info = describeColumns(t)));
  return info;
}

// Mixed-type columns have no Arrow type; the caller then answers with JSON (check Content-Type).
function arrowBytes(t: ColumnTable): Uint8Array | undefined {
  try {
    return aq.toArrowIPC(t, { format: 'stream' }) as Uint8Array;
  } catch {
    return undefined;
  }
}

