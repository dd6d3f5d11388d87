import { z } from 'zod';
import { diffInWorker } from '../../runner/diff-in-worker.js';
import type { ApiRoutes } from '../api-route.js';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../http-error.js';
import { etag } from '../if-match.js';
import { notebookView } from '../notebook-view.js';
import { requireRole } from '../require-role.js';
import { Diff, DiffQuery, ErrorBody, Notebook, NotebookId, Revision, RevisionId, RevisionSummary } from '../schemas.js';

const notFound = { description: 'No such notebook or version, or not shared with you', schema: ErrorBody };

/**
 * A notebook's history: every save is a revision; list them, open one, diff two at cell level,
 * and restore one (as a new revision on top, so the history itself never loses anything).
 *
 * @example
 * historyRoutes(api, deps);
 */
export function historyRoutes(api: ApiRoutes, deps: AppDeps): void {
  const { storage } = deps;
  const revision = (id: string, version: number) => {
    const found = storage.notebooks.revision(id, version);
    if (!found) throw new HttpError(404, `Notebook "${id}" has no version ${version}: GET /api/notebooks/${id}/revisions lists them.`);
    return found;
  };

  api.add({
    method: 'get',
    path: '/api/notebooks/:id/revisions',
    tag: 'history',
    summary: 'Every saved version, newest first',
    params: NotebookId,
    responses: { 200: { description: 'The revisions', schema: z.array(RevisionSummary) }, 404: notFound },
    handler: (c, { params }) => {
      requireRole(c, storage, params.id, 'viewer');
      return c.json(storage.notebooks.history(params.id));
    },
  });

  api.add({
    method: 'get',
    path: '/api/notebooks/:id/revisions/:version',
    tag: 'history',
    summary: 'One saved version, with its text',
    params: RevisionId,
    responses: { 200: { description: 'The revision', schema: Revision }, 404: notFound },
    handler: (c, { params }) => {
      requireRole(c, storage, params.id, 'viewer');
      const { version, title, author, created_at, source } = revision(params.id, params.version);
      return c.json({ version, title, author, created_at, source });
    },
  });

  api.add({
    method: 'get',
    path: '/api/notebooks/:id/diff',
    tag: 'history',
    summary: 'What changed between two versions, cell by cell',
    params: NotebookId,
    query: DiffQuery,
    responses: { 200: { description: 'The changes, in the order of the newer version', schema: Diff }, 404: notFound },
    handler: async (c, { params, query }) => {
      requireRole(c, storage, params.id, 'viewer');
      const to = query.to ?? storage.notebooks.get(params.id)!.version;
      const before = revision(params.id, query.from).source;
      const after = revision(params.id, to).source;
      // Off the event loop: a diff of two large versions takes a moment, and everyone else's requests go on meanwhile.
      return c.json({ from: query.from, to, changes: await diffInWorker(before, after) });
    },
  });

  api.add({
    method: 'post',
    path: '/api/notebooks/:id/revisions/:version/restore',
    tag: 'history',
    summary: 'Make an old version current again, as a new revision (editors and owners)',
    params: RevisionId,
    responses: { 200: { description: 'The notebook at its new version', schema: Notebook }, 403: { description: 'Viewers cannot restore', schema: ErrorBody }, 404: notFound },
    handler: (c, { params }) => {
      const role = requireRole(c, storage, params.id, 'editor');
      const old = revision(params.id, params.version);
      const me = c.get('user').name;
      const saved = storage.notebooks.save(params.id, old.source, { author: me });
      storage.audit.record(me, 'restore-revision', params.id, { version: params.version, new_version: saved.version });
      c.header('ETag', etag(saved.version));
      return c.json(notebookView(storage, saved.id, role));
    },
  });
}
