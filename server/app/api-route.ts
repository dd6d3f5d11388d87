import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { formatBytes } from './format-bytes.js';
import { HttpError } from './http-error.js';
import { parseStrictJson } from './strict-json.js';

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
  /** A JSON request body (Content-Type application/json; strict: no duplicate keys, bounded depth). */
  body?: B;
  /** Largest JSON body in bytes with the hint a 413 gives; default the server's upload limit. */
  bodyLimit?: { bytes: number; hint: string };
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
  /** `jsonLimit`: the largest JSON body of a route that sets none (inline rows count against the upload limit). */
  constructor(
    private readonly app: Hono,
    private readonly jsonLimit = Infinity,
  ) {}

  /** True for a public route's exact method and path (public routes have no path parameters). */
  isPublic(method: string, path: string): boolean {
    return this.routes.some((r) => r.public && r.method.toUpperCase() === method && r.path === path);
  }

  add<P extends AnyObject, Q extends AnyObject, B extends z.ZodType>(spec: RouteSpec<P, Q, B>): void {
    this.routes.push(spec as unknown as RouteSpec);
    this.app.on(spec.method.toUpperCase(), spec.path, async (c) => {
      const params = validate(spec.params, c.req.param(), 'path parameter');
      const query = validate(spec.query, c.req.query(), 'query parameter');
      const body = spec.body ? validate(spec.body, await readJson(c, spec.bodyLimit ?? { bytes: this.jsonLimit, hint: "Send less, or raise the server's limit (LIFTBOOK_UPLOAD_LIMIT, in MB)" }), 'request body') : undefined;
      return spec.handler(c, { params, query, body } as never);
    });
  }
}

async function readJson(c: Context, limit: { bytes: number; hint: string }): Promise<unknown> {
  // Refused before reading when the request says its size.
  if (Number(c.req.header('content-length')) > limit.bytes) throw tooLarge(limit);
  const text = await c.req.text();
  // An empty body means "no fields", so schemas with defaults (a run with no params) accept it.
  if (text.trim() === '') return {};
  // A form or text/plain body is what a cross-site page can send without a CORS preflight.
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && !/^application\/[\w.+-]+\+json$/.test(type)) {
    throw new HttpError(415, `Send the request body as JSON with "Content-Type: application/json"${type ? `, not ${type}` : ''}.`);
  }
  if (Buffer.byteLength(text) > limit.bytes) throw tooLarge(limit);
  return parseStrictJson(text);
}

function tooLarge(limit: { bytes: number; hint: string }): HttpError {
  return new HttpError(413, `The request body is over the ${formatBytes(limit.bytes)} limit. ${limit.hint}.`);
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
