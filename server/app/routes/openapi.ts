import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ApiRoutes } from '../api-route.js';
import { openApiDocument } from '../openapi.js';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string; description: string };

/**
 * GET /api/openapi.json: the OpenAPI 3.1 document of every route registered through `api`
 * (itself included), built on each request from the routes' own schemas.
 *
 * @example
 * openApiRoute(api); // register last, after every other route
 */
export function openApiRoute(api: ApiRoutes): void {
  api.add({
    method: 'get',
    path: '/api/openapi.json',
    tag: 'meta',
    summary: 'This document',
    public: true,
    responses: { 200: { description: 'OpenAPI 3.1', schema: z.record(z.string(), z.unknown()) } },
    handler: (c) => c.json(openApiDocument(api.routes, { title: 'liftbook API', version: pkg.version, description: pkg.description })),
  });
}
