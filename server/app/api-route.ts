import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { HttpError } from './http-error.js';

type Method = 'get' | 'post' | 'put' | 'delete';
type AnyObject = z.ZodObject<z.ZodRawShape>;

/** One documented response of a route. */
export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Default `application/json` when there is a schema. */
  contentType?: string;
  /** Extra content types the same status may answer with (e.g. Arrow, SSE), documented as binary/text. */
  alternatives?: Record<string, string>;
}

/** Everything about a route: how it validates, what it answers, and so what OpenAPI says of it. */
export interface RouteSpec<P extends AnyObject = AnyObject, Q extends AnyObject = AnyObject, B extends z.ZodType = z.ZodType> {
  method: Method;
  /** Hono path, `:name` for parameters. */
  path: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  /** A JSON request body. */
  body?: B;
  /** A multipart/form-data body, documented only (the handler reads it). */
  form?: AnyObject;
  /** Callable without signing in (the API's description, signing in itself). */
  public?: boolean;
  /** Request headers the route reads, documented only. */
  headers?: Record<string, string>;
  responses: Record<number, ResponseSpec>;
  handler(c: Context, input: { params: z.output<P>; query: z.output<Q>; body: z.output<B> }): Response | Promise<Response>;
}

/**
 * Routes registered through one helper, so the validation the code does and the OpenAPI document
 * come from the same zod schemas and cannot drift apart.
 *
 * @example
 * const api = new ApiRoutes(app);
 * api.add({ method: 'get', path: '/api/things/:id', summary: 'A thing', tag: 'things',
 *   params: z.object({ id: z.string() }), responses: { 200: { description: 'The thing', schema: Thing } },
 *   handler: (c, { params }) => c.json(getThing(params.id)) });
 */
export class ApiRoutes {
  readonly routes: RouteSpec[] = [];
  constructor(private readonly app: Hono) {}

  /** True for a public route's exact method and path (public routes have no path parameters). */
  isPublic(method: string, path: string): boolean {
    return this.routes.some((r) => r.public && r.method.toUpperCase() === method && r.path === path);
  }

  add<P extends AnyObject, Q extends AnyObject, B extends z.ZodType>(spec: RouteSpec<P, Q, B>): void {
    this.routes.push(spec as unknown as RouteSpec);
    this.app.on(spec.method.toUpperCase(), spec.path, async (c) => {
      const params = validate(spec.params, c.req.param(), 'path parameter');
      const query = validate(spec.query, c.req.query(), 'query parameter');
      const body = spec.body ? validate(spec.body, await readJson(c), 'request body') : undefined;
      return spec.handler(c, { params, query, body } as never);
    });
  }
}

async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  // An empty body means "no fields", so schemas with defaults (a run with no params) accept it.
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `The request body is not valid JSON: ${(error as Error).message}.`);
  }
}

function validate(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return value;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const at = issue.path.length ? `"${issue.path.join('.')}"` : '';
    return `${where} ${at}${at ? ': ' : ''}${issue.message}`.replace(/\s+/g, ' ');
  });
  throw new HttpError(400, `Invalid request: ${problems.join('; ')}.`);
}
