import { z } from 'zod';
import type { ApiRoutes } from '../api-route.js';
import type { AppDeps } from '../deps.js';
import { etag } from '../if-match.js';
import { HttpError } from '../http-error.js';
import { notebookView } from '../notebook-view.js';
import { ErrorBody, Notebook, NotebookId, TrashedNotebook } from '../schemas.js';

/**
 * The trash: deleted notebooks you own (admins: also the unowned ones), and restoring one with its
 * whole history. Nothing is ever purged by the API.
 *
 * @example
 * trashRoutes(api, deps);
 */
export function trashRoutes(api: ApiRoutes, deps: AppDeps): void {
  const { storage } = deps;

  api.add({
    method: 'get',
    path: '/api/trash',
    tag: 'trash',
    summary: 'Your deleted notebooks, most recently deleted first',
    responses: { 200: { description: 'The trash', schema: z.array(TrashedNotebook) } },
    handler: (c) => {
      const me = c.get('user');
      return c.json(storage.notebooks.trash().filter((n) => storage.shares.roleOf(me, n.id, { deleted: true }) === 'owner'));
    },
  });

  api.add({
    method: 'post',
    path: '/api/trash/:id/restore',
    tag: 'trash',
    summary: 'Take a notebook out of the trash (its owner)',
    params: NotebookId,
    responses: { 200: { description: 'Restored', schema: Notebook }, 404: { description: 'Not in your trash', schema: ErrorBody } },
    handler: (c, { params }) => {
      // Someone else's trash is not yours to see into: anything but the owner gets the 404.
      if (storage.shares.roleOf(c.get('user'), params.id, { deleted: true }) !== 'owner') throw new HttpError(404, `There is no notebook "${params.id}" in your trash.`);
      storage.notebooks.restore(params.id);
      storage.audit.record(c.get('user').name, 'restore', params.id);
      const notebook = notebookView(storage, params.id, 'owner');
      c.header('ETag', etag(notebook.version));
      return c.json(notebook);
    },
  });
}
