// The only module that talks to the server: the page calls the API with its own credentials
// (cookies/tokens stay here); cell code in the sandbox worker never sees them.

/** A recipe as `GET /api/recipes` lists it. */
export interface RecipeInfo {
  id: string;
  title: string;
  description: string;
  inputs: { name: string; description: string; roles: { role: string; description: string; required?: boolean }[]; alternative?: string; optional?: boolean }[];
  params: JsonSchema;
}

/** The subset of JSON Schema the recipe forms draw. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  description?: string;
  title?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  additionalProperties?: boolean | JsonSchema;
}

export interface NotebookSummary { id: string; title: string; version?: number; updatedAt?: string; updated_at?: string }
export interface NotebookDoc { id: string; title: string; source: string; version: number }
export interface DatasetInfo { name: string; rows?: number; columns?: { name: string; type?: string }[] | string[]; size?: number; bytes?: number; format?: string; bundled?: boolean; [k: string]: unknown }
export interface DatasetPreview { columns: { name: string; type?: string }[]; rows: Record<string, unknown>[]; total: number }

/** An API failure with the server's message (recipes' 400s name the column or parameter to fix). */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/**
 * Calls the JSON API and returns the parsed body, or throws an {@link ApiError} with the server's message.
 *
 * @example
 * const recipes = await api<RecipeInfo[]>('GET', '/api/recipes');
 */
export async function api<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const init: RequestInit = { method, headers: { accept: 'application/json', ...headers }, credentials: 'same-origin' };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const response = await fetch(path, init);
  if (!response.ok) throw new ApiError(response.status, await errorMessage(response));
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

/**
 * The human message of a failed response: `{error}`, `{message}` or the text itself.
 *
 * @example
 * await errorMessage(new Response(JSON.stringify({ error: 'no column x' }), { status: 400 })); // → 'no column x'
 */
export async function errorMessage(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    const error = body.error ?? body.message;
    if (typeof error === 'string') return error;
    if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  } catch {
    // not JSON: fall through to the raw text
  }
  return text || `${response.status} ${response.statusText}`;
}

/**
 * Unwraps list endpoints that answer either `[...]` or `{ key: [...] }`.
 *
 * @example
 * listOf({ recipes: [1] }, 'recipes'); // → [1]
 */
export function listOf<T>(body: unknown, key: string): T[] {
  if (Array.isArray(body)) return body as T[];
  const inner = (body as Record<string, unknown> | null)?.[key];
  return Array.isArray(inner) ? (inner as T[]) : [];
}

/**
 * A dataset name as a URL path: bundled names keep their slash (`shop/units`), each part encoded.
 *
 * @example
 * datasetPath('shop/units'); // → '/api/datasets/shop/units'
 */
export function datasetPath(name: string): string {
  return `/api/datasets/${name.split('/').map(encodeURIComponent).join('/')}`;
}
