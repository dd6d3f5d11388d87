import { z } from 'zod';
import { blankNotebook, listExamples } from '../../storage/examples.js';
import type { NotebookRole } from '../../storage/share-store.js';
import { withTitle } from '../../storage/notebook-title.js';
import type { ApiRoutes } from '../api-route.js';
import { DEFAULT_NOTEBOOK_LIMIT, type AppDeps } from '../deps.js';
import { HttpError } from '../http-error.js';
import { etag, ifMatchVersion } from '../if-match.js';
import { checkCellCount } from '../notebook-limits.js';
import { notebookView } from '../notebook-view.js';
import { requireRole } from '../require-role.js';
import { Conflict, ErrorBody, Notebook, NotebookCreate, NotebookId, NotebookSave, NotebookScope, Template, VisibleNotebook } from '../schemas.js';

const notFound = { description: 'No such notebook, or not shared with you (the two look the same)', schema: ErrorBody };
const forbidden = { description: 'Your role does not allow it (the message says who can grant more)', schema: ErrorBody };

/**
 * Notebook routes: list what you may see, open, save (If-Match required; 412 with the current
 * text on a stale version; 403 for viewers), create (you own it), delete (owners; to the trash);
 * plus GET /api/templates.
 *
 * @example
 * notebookRoutes(api, deps);
 */
export function notebookRoutes(api: ApiRoutes, deps: AppDeps): void {
  const { notebooks, shares } = deps.storage;
  const view = (id: string, role: NotebookRole) => notebookView(deps.storage, id, role);
  const bodyLimit = { bytes: deps.notebookLimit ?? DEFAULT_NOTEBOOK_LIMIT, hint: "A notebook is text: keep data in datasets, split the notebook, or raise the server's limit (--max-notebook-mb)" };
  const tooLarge = { description: 'The notebook is over the server\'s notebook limit (5 MB unless set with --max-notebook-mb) or has more than 5,000 cells', schema: ErrorBody };

  api.add({
    method: 'get',
    path: '/api/notebooks',
    tag: 'notebooks',
    summary: 'The notebooks you can see (yours and those shared with you), most recently updated first',
    query: NotebookScope,
    responses: { 200: { description: 'The notebooks, each with your role', schema: z.array(VisibleNotebook) } },
    handler: (c, { query }) => {
      const visible = shares.visible(c.get('user'));
      return c.json(query.scope === undefined ? visible : visible.filter((n) => (n.role === 'owner') === (query.scope === 'mine')));
    },
  });

  api.add({
    method: 'get',
    path: '/api/notebooks/:id',
    tag: 'notebooks',
    summary: 'Open a notebook (ETag: its version)',
    params: NotebookId,
    responses: { 200: { description: 'The notebook', schema: Notebook }, 404: notFound },
    handler: (c, { params }) => {
      const notebook = view(params.id, requireRole(c, deps.storage, params.id, 'viewer'));
      c.header('ETag', etag(notebook.version));
      return c.json(notebook);
    },
  });

  api.add({
    method: 'put',
    path: '/api/notebooks/:id',
    tag: 'notebooks',
    summary: 'Save a notebook over the version you opened (If-Match): a new version and revision',
    params: NotebookId,
    body: NotebookSave,
    bodyLimit,
    headers: { 'If-Match': 'Required: the ETag from GET. The save happens only if the notebook is still at that version' },
    responses: {
      200: { description: 'Saved (ETag: the new version)', schema: Notebook },
      400: { description: 'Bad body or If-Match', schema: ErrorBody },
      403: forbidden,
      404: notFound,
      413: tooLarge,
      412: { description: 'Someone saved since: nothing was written; the body has the current version and text to merge with', schema: Conflict },
      428: { description: 'No If-Match: a save must say which version it is based on', schema: ErrorBody },
    },
    handler: (c, { params, body }) => {
      const role = requireRole(c, deps.storage, params.id, 'editor');
      const header = c.req.header('if-match');
      const expectedVersion = ifMatchVersion(header);
      // A blind save could silently drop someone's work; "*" is the explicit "I mean to overwrite".
      if (header === undefined) throw new HttpError(428, `Send If-Match with the version you opened (the ETag of GET /api/notebooks/${params.id}), or "*" to overwrite whatever is there.`);
      checkCellCount(body.source);
      const saved = notebooks.save(params.id, body.source, { expectedVersion, author: c.get('user').name });
      c.header('ETag', etag(saved.version));
      return c.json(view(saved.id, role));
    },
  });

  api.add({
    method: 'post',
    path: '/api/notebooks',
    tag: 'notebooks',
    summary: 'Create a notebook: blank, from an example template, or from source',
    body: NotebookCreate,
    bodyLimit,
    responses: { 201: { description: 'Created (Location: its URL)', schema: Notebook }, 400: { description: 'Unknown template or bad body', schema: ErrorBody }, 413: tooLarge },
    handler: (c, { body }) => {
      let source = body.source;
      if (source === undefined && body.template && body.template !== 'blank') {
        const examples = listExamples(deps.storage.examplesDir);
        const example = examples.find((e) => e.id === body.template);
        if (!example) throw new HttpError(400, `There is no template "${body.template}". Templates: blank, ${examples.map((e) => e.id).join(', ')}.`);
        source = example.source;
      }
      source ??= blankNotebook(body.title);
      checkCellCount(source);
      if (body.title) source = withTitle(source, body.title);
      const me = c.get('user').name;
      const created = notebooks.create({ source, owner: me, author: me });
      c.header('ETag', etag(created.version));
      c.header('Location', `/api/notebooks/${created.id}`);
      return c.json(view(created.id, 'owner'), 201);
    },
  });

  api.add({
    method: 'delete',
    path: '/api/notebooks/:id',
    tag: 'notebooks',
    summary: 'Delete a notebook (owners only): it moves to the trash with its history',
    params: NotebookId,
    responses: { 204: { description: 'Deleted' }, 403: forbidden, 404: notFound },
    handler: (c, { params }) => {
      requireRole(c, deps.storage, params.id, 'owner');
      notebooks.remove(params.id);
      deps.storage.audit.record(c.get('user').name, 'delete', params.id);
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
