import { TEAM } from '../../storage/share-store.js';
import type { ApiRoutes } from '../api-route.js';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../http-error.js';
import { requireRole } from '../require-role.js';
import { ErrorBody, NotebookId, ShareRequest, Shares } from '../schemas.js';

const notFound = { description: 'No such notebook, or not shared with you', schema: ErrorBody };

/**
 * Who has a notebook: GET its shares (anyone who can see it), POST a share (its owner): a user or
 * the whole team (`*`) as viewer or editor, or `none` to take it away. Every change is audited.
 *
 * @example
 * sharingRoutes(api, deps);
 */
export function sharingRoutes(api: ApiRoutes, deps: AppDeps): void {
  const { storage } = deps;

  api.add({
    method: 'get',
    path: '/api/notebooks/:id/shares',
    tag: 'sharing',
    summary: 'The owner, the team-wide default and each user\'s role',
    params: NotebookId,
    responses: { 200: { description: 'The shares', schema: Shares }, 404: notFound },
    handler: (c, { params }) => {
      requireRole(c, storage, params.id, 'viewer');
      return c.json(storage.shares.shares(params.id));
    },
  });

  api.add({
    method: 'post',
    path: '/api/notebooks/:id/share',
    tag: 'sharing',
    summary: 'Share a notebook with a user or the team ("*"), or take a share away (role "none"); owners only',
    params: NotebookId,
    body: ShareRequest,
    responses: {
      200: { description: 'The shares after the change', schema: Shares },
      400: { description: 'Unknown user, or the owner themself', schema: ErrorBody },
      403: { description: 'Only the owner shares', schema: ErrorBody },
      404: notFound,
    },
    handler: (c, { params, body }) => {
      requireRole(c, storage, params.id, 'owner');
      const { owner } = storage.shares.shares(params.id);
      if (body.user !== TEAM) {
        if (!storage.users.get(body.user)) {
          throw new HttpError(400, `There is no user "${body.user}". Users: ${storage.users.list().map((u) => u.name).join(', ')} (or "*" for the whole team).`);
        }
        if (body.user === owner) throw new HttpError(400, `"${body.user}" owns this notebook already.`);
      }
      storage.shares.set(params.id, body.user, body.role);
      storage.audit.record(c.get('user').name, 'share', params.id, { user: body.user, role: body.role });
      return c.json(storage.shares.shares(params.id));
    },
  });
}
