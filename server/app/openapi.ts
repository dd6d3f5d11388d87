import { z } from 'zod';
import type { ResponseSpec, RouteSpec } from './api-route.js';

/** The OpenAPI 3.1 document (a plain JSON object). */
export type OpenApiDocument = Record<string, unknown> & { paths: Record<string, Record<string, Record<string, unknown>>> };

/**
 * Builds the OpenAPI 3.1 document from the registered routes: parameters, request bodies and
 * responses are the JSON Schemas of the very zod schemas the routes validate with.
 *
 * @example
 * openApiDocument(api.routes, { title: 'liftbook', version: '0.1.0' }).paths['/api/recipes'].get;
 */
export function openApiDocument(routes: RouteSpec[], info: { title: string; version: string; description?: string }): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z_]\w*)(\{[^}]*\})?/g, '{$1}');
    const parameters = [
      ...objectParameters(route.params, 'path'),
      ...objectParameters(route.query, 'query'),
      ...Object.entries(route.headers ?? {}).map(([name, description]) => ({ name, in: 'header', required: false, description, schema: { type: 'string' } })),
    ];
    const operation: Record<string, unknown> = {
      operationId: operationId(route),
      summary: route.summary,
      tags: [route.tag],
      ...(parameters.length ? { parameters } : {}),
      responses: Object.fromEntries(Object.entries(route.responses).map(([status, spec]) => [status, response(spec)])),
    };
    if (route.public) operation.security = [];
    if (route.body) operation.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } };
    if (route.form) operation.requestBody = { required: true, content: { 'multipart/form-data': { schema: jsonSchema(route.form, 'input') } } };
    (paths[path] ??= {})[route.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info,
    components: {
      securitySchemes: {
        token: { type: 'http', scheme: 'bearer', description: 'An API token (lb_…): liftbook user add / user token, or POST /api/tokens' },
        session: { type: 'apiKey', in: 'cookie', name: 'liftbook_session', description: 'Set by POST /api/session (the workbench signs in this way)' },
      },
    },
    security: [{ token: [] }, { session: [] }],
    paths,
  };
}

function objectParameters(schema: z.ZodObject<z.ZodRawShape> | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, field]) => {
    const fieldSchema = jsonSchema(field as z.ZodType, 'input');
    const { description, ...rest } = fieldSchema;
    return {
      name,
      in: where,
      required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

function response(spec: ResponseSpec): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  if (spec.schema) content[spec.contentType ?? 'application/json'] = { schema: jsonSchema(spec.schema, 'output') };
  for (const [type, description] of Object.entries(spec.alternatives ?? {})) {
    content[type] = { schema: { type: 'string', description } };
  }
  return { description: spec.description, ...(Object.keys(content).length ? { content } : {}) };
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function operationId(route: RouteSpec): string {
  const words = route.path
    .replace(/^\/api\//, '')
    .split(/[/.-]/)
    .filter(Boolean)
    .map((w) => (w.startsWith(':') ? `by-${w.slice(1)}` : w));
  return [route.method, ...words].map((w, i) => (i === 0 ? w : w.replace(/(^|-)(\w)/g, (_, __, ch: string) => ch.toUpperCase()))).join('');
}
