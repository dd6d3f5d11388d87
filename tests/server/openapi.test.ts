import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectJson, harness } from './harness.js';

const h = harness();
afterAll(() => h.close());
type Operation = { operationId: string; summary: string; parameters?: { name: string; in: string; required: boolean; schema: object }[]; requestBody?: { content: Record<string, { schema: object }> }; responses: Record<string, { description: string; content?: Record<string, { schema: object }> }> };
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

async function document() {
  const doc = await expectJson(await h.request('/api/openapi.json'), 200);
  return doc as { openapi: string; info: { title: string; version: string }; paths: Record<string, Record<string, Operation>> };
}

describe('GET /api/openapi.json', () => {
  it('documents every API route the app answers, and nothing else', async () => {
    const doc = await document();
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)).sort();
    const served = h.app.routes
      .filter((r) => r.path.startsWith('/api/') && r.path !== '/api/*' && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`)
      .sort();
    expect(documented).toEqual(served);
    expect(documented).toEqual([
      'DELETE /api/datasets/{name}',
      'DELETE /api/notebooks/{id}',
      'DELETE /api/session',
      'DELETE /api/sources/{name}',
      'DELETE /api/tokens/{id}',
      'GET /api/audit',
      'GET /api/datasets',
      'GET /api/datasets/{name}/preview',
      'GET /api/datasets/{name}/rows',
      'GET /api/notebooks',
      'GET /api/notebooks/{id}',
      'GET /api/notebooks/{id}/diff',
      'GET /api/notebooks/{id}/revisions',
      'GET /api/notebooks/{id}/revisions/{version}',
      'GET /api/notebooks/{id}/shares',
      'GET /api/openapi.json',
      'GET /api/recipes',
      'GET /api/session',
      'GET /api/sources',
      'GET /api/sources/{name}/schema',
      'GET /api/templates',
      'GET /api/tokens',
      'GET /api/trash',
      'GET /api/users',
      'POST /api/datasets',
      'POST /api/notebooks',
      'POST /api/notebooks/{id}/revisions/{version}/restore',
      'POST /api/notebooks/{id}/share',
      'POST /api/recipes/{id}/run',
      'POST /api/session',
      'POST /api/sources',
      'POST /api/sources/{name}/test',
      'POST /api/sql',
      'POST /api/tokens',
      'POST /api/trash/{id}/restore',
      'POST /api/users',
      'POST /api/users/{name}/disable',
      'POST /api/users/{name}/enable',
      'PUT /api/notebooks/{id}',
    ]);
  });

  it('is a well-formed OpenAPI 3.1 document', async () => {
    const doc = await document();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'liftbook API', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    const ids = new Set<string>();
    for (const [p, operations] of Object.entries(doc.paths)) {
      expect(p).toMatch(/^\/api\/[\w/{}.-]+$/);
      const templated = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(operations)) {
        expect(METHODS).toContain(method);
        expect(op.summary.length).toBeGreaterThan(3);
        expect(ids.has(op.operationId), op.operationId).toBe(false);
        ids.add(op.operationId);
        const pathParams = (op.parameters ?? []).filter((q) => q.in === 'path');
        expect(pathParams.map((q) => q.name).sort()).toEqual([...templated].sort());
        expect(pathParams.every((q) => q.required)).toBe(true);
        for (const q of op.parameters ?? []) expect(['path', 'query', 'header']).toContain(q.in);
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
        const schemas = [...Object.values(op.requestBody?.content ?? {}), ...Object.values(op.responses).flatMap((r) => Object.values(r.content ?? {}))].map((c) => c.schema);
        for (const [status, response] of Object.entries(op.responses)) {
          expect(status).toMatch(/^[1-5]\d\d$/);
          expect(response.description.length).toBeGreaterThan(0);
        }
        // Each schema is valid JSON Schema: zod reads it back without complaint.
        for (const schema of [...schemas, ...(op.parameters ?? []).map((q) => q.schema)]) {
          expect(() => z.fromJSONSchema(schema as never)).not.toThrow();
          expect(JSON.stringify(schema)).not.toContain('$schema');
        }
      }
    }
  });

  it('gives the schemas the routes validate with', async () => {
    const doc = await document();
    const run = doc.paths['/api/recipes/{id}/run'].post;
    const body = run.requestBody!.content['application/json'].schema as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(body.properties)).toEqual(['inputs', 'params']);
    expect(body.additionalProperties).toBe(false);
    expect(Object.keys(run.responses)).toEqual(['200', '400', '404', '413']);
    expect(Object.keys(run.responses['200'].content!)).toEqual(['application/json', 'text/event-stream']);
    const put = doc.paths['/api/notebooks/{id}'].put;
    expect(put.parameters!.map((q) => `${q.in}:${q.name}`)).toEqual(['path:id', 'header:If-Match']);
    expect(Object.keys(put.responses)).toContain('412');
    const rows = doc.paths['/api/datasets/{name}/rows'].get;
    expect(rows.parameters!.filter((q) => q.in === 'query').map((q) => [q.name, q.required])).toEqual([
      ['offset', false],
      ['limit', false],
      ['seed', false],
      ['customers', false],
    ]);
    expect(Object.keys(doc.paths['/api/datasets'].post.requestBody!.content)).toEqual(['multipart/form-data']);
  });

  it('says how to authenticate: a Bearer token or the session cookie, except on the public routes', async () => {
    const doc = (await document()) as unknown as { security: object[]; components: { securitySchemes: Record<string, { type: string; scheme?: string; in?: string; name?: string }> }; paths: Record<string, Record<string, { security?: object[] }>> };
    expect(doc.security).toEqual([{ token: [] }, { session: [] }]);
    expect(doc.components.securitySchemes.token).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'liftbook_session' });
    const open = Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).filter(([, op]) => op.security?.length === 0).map(([m]) => `${m.toUpperCase()} ${p}`));
    expect(open.sort()).toEqual(['GET /api/openapi.json', 'POST /api/session']);
    expect((await h.request('/api/openapi.json', {}, null)).status).toBe(200);
    expect((await h.request('/api/recipes', {}, null)).status).toBe(401);
  });
});
