import { z } from 'zod';
import type { NotebookRecord } from '../../storage/notebook-store.js';
import { blankNotebook, listExamples } from '../../storage/examples.js';
import { withTitle } from '../../storage/notebook-title.js';
import type { ApiRoutes } from '../api-route.js';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../http-error.js';
import { etag, ifMatchVersion } from '../if-match.js';
import { Conflict, ErrorBody, Notebook, NotebookCreate, NotebookId, NotebookSave, NotebookSummary, Template } from '../schemas.js';

const notFound = { description: 'No such notebook (or it was deleted)', schema: ErrorBody };

/**
 * Notebook routes: list, open, save (If-Match → 412 on a stale version), create from a template,
 * delete (to the trash); plus GET /api/templates.
 *
 * @example
 * notebookRoutes(api, deps);
 */
export function notebookRoutes(api: ApiRoutes, deps: AppDeps): void {
  const { notebooks } = deps.storage;
  const open = (id: string): NotebookRecord => {
    const notebook = notebooks.get(id);
    if (!notebook) throw new HttpError(404, `There is no notebook "${id}".`);
    return notebook;
  };

  api.add({
    method: 'get',
    path: '/api/notebooks',
    tag: 'notebooks',
    summary: 'Saved notebooks, most recently updated first',
    responses: { 200: { description: 'The notebooks', schema: z.array(NotebookSummary) } },
    handler: (c) => c.json(notebooks.list()),
  });

  api.add({
    method: 'get',
    path: '/api/notebooks/:id',
    tag: 'notebooks',
    summary: 'Open a notebook (ETag: its version)',
    params: NotebookId,
    responses: { 200: { description: 'The notebook', schema: Notebook }, 404: notFound },
    handler: (c, { params }) => {
      const notebook = open(params.id);
      c.header('ETag', etag(notebook.version));
      return c.json(notebook);
    },
  });

  api.add({
    method: 'put',
    path: '/api/notebooks/:id',
    tag: 'notebooks',
    summary: 'Save a notebook: a new version and revision; with If-Match only over that version',
    params: NotebookId,
    body: NotebookSave,
    headers: { 'If-Match': 'The ETag from GET: save only if the notebook is still at that version' },
    responses: {
      200: { description: 'Saved (ETag: the new version)', schema: Notebook },
      400: { description: 'Bad body or If-Match', schema: ErrorBody },
      404: notFound,
      412: { description: 'Someone saved since: nothing was written; `version` is the current one', schema: Conflict },
    },
    handler: (c, { params, body }) => {
      const expectedVersion = ifMatchVersion(c.req.header('if-match'));
      if (!notebooks.get(params.id)) throw new HttpError(404, `There is no notebook "${params.id}".`);
      const saved = notebooks.save(params.id, body.source, { expectedVersion });
      c.header('ETag', etag(saved.version));
      return c.json(saved);
    },
  });

  api.add({
    method: 'post',
    path: '/api/notebooks',
    tag: 'notebooks',
    summary: 'Create a notebook: blank, from an example template, or from source',
    body: NotebookCreate,
    responses: { 201: { description: 'Created (Location: its URL)', schema: Notebook }, 400: { description: 'Unknown template or bad body', schema: ErrorBody } },
    handler: (c, { body }) => {
      let source = body.source;
      if (source === undefined && body.template && body.template !== 'blank') {
        const examples = listExamples(deps.storage.examplesDir);
        const example = examples.find((e) => e.id === body.template);
        if (!example) throw new HttpError(400, `There is no template "${body.template}". Templates: blank, ${examples.map((e) => e.id).join(', ')}.`);
        source = example.source;
      }
      source ??= blankNotebook(body.title);
      if (body.title) source = withTitle(source, body.title);
      const created = notebooks.create({ source });
      c.header('ETag', etag(created.version));
      c.header('Location', `/api/notebooks/${created.id}`);
      return c.json(created, 201);
    },
  });

  api.add({
    method: 'delete',
    path: '/api/notebooks/:id',
    tag: 'notebooks',
    summary: 'Delete a notebook (kept in the trash with its history)',
    params: NotebookId,
    responses: { 204: { description: 'Deleted' }, 404: notFound },
    handler: (c, { params }) => {
      if (!notebooks.remove(params.id)) throw new HttpError(404, `There is no notebook "${params.id}".`);
      return c.body(null, 204);
    },
  });

  api.add({
    method: 'get',
    path: '/api/templates',
    tag: 'notebooks',
    summary: 'Templates for new notebooks: "blank" and the example notebooks',
    responses: { 200: { description: 'The templates', schema: z.array(Template) } },
    handler: (c) => c.json([{ id: 'blank', title: 'Blank notebook' }, ...listExamples(deps.storage.examplesDir).map(({ id, title }) => ({ id, title }))]),
  });
}
