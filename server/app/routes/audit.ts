import { z } from 'zod';
import type { ApiRoutes } from '../api-route.js';
import type { AppDeps } from '../deps.js';
import { requireAdmin } from '../require-role.js';
import { AuditEntry, AuditQuery, ErrorBody } from '../schemas.js';

/**
 * GET /api/audit (admins): who shared, deleted, restored, added users or tokens, newest first.
 *
 * @example
 * auditRoutes(api, deps);
 */
export function auditRoutes(api: ApiRoutes, deps: AppDeps): void {
  api.add({
    method: 'get',
    path: '/api/audit',
    tag: 'audit',
    summary: 'The audit log: shares, deletes, restores, users and tokens (admins only)',
    query: AuditQuery,
    responses: { 200: { description: 'Entries, newest first', schema: z.array(AuditEntry) }, 403: { description: 'Not an admin', schema: ErrorBody } },
    handler: (c, { query }) => {
      requireAdmin(c, 'read the audit log');
      return c.json(deps.storage.audit.list({ notebook: query.notebook, limit: query.limit }));
    },
  });
}
