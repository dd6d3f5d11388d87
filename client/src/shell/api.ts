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

/** Your role on a notebook; the owner created it (admins own the unowned examples). */
export type NotebookRole = 'owner' | 'editor' | 'viewer';
/** A role someone else is given on a notebook; `none` removes it. */
export type ShareRole = 'viewer' | 'editor' | 'none';

export interface NotebookSummary {
  id: string; title: string; version?: number; updatedAt?: string; updated_at?: string; created_at?: string;
  owner?: string | null; role?: NotebookRole; team_role?: 'viewer' | 'editor' | null;
}
export interface NotebookDoc extends NotebookSummary { source: string; version: number }
/** `PUT` answered 412: someone saved since; the body carries the current text for a merge. */
export interface SaveConflict { error: string; version: number; source: string; updated_at?: string; author?: string | null }
export interface SessionUser { name: string; role: 'admin' | 'member' }
export interface TeamUser { name: string; role: 'admin' | 'member'; created_at?: string }
export interface Shares { owner: string | null; team: 'viewer' | 'editor' | null; users: { user: string; role: 'viewer' | 'editor' }[] }
export interface Revision { version: number; title?: string; author?: string | null; created_at: string; bytes?: number }
export interface TrashedNotebook { id: string; title: string; version: number; owner?: string | null; deleted_at: string }
export interface DatasetInfo { name: string; rows?: number; columns?: { name: string; type?: string }[] | string[]; size?: number; bytes?: number; format?: string; bundled?: boolean; [k: string]: unknown }
export interface DatasetPreview { columns: { name: string; type?: string }[]; rows: Record<string, unknown>[]; total: number }

/** An API failure with the server's message (recipes' 400s name the column or parameter to fix); `body` is the parsed JSON, when there was one. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly body?: unknown) {
    super(message);
  }
}

let unauthorized: (() => void) | null = null;

/**
 * Registers what happens when the session ends while the page is in use (any API call answers
 * 401): the app shows the sign-in page. Sign-in's own calls do not count, they report their errors.
 *
 * @example
 * onUnauthorized(() => showSignIn());
 */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorized = handler;
}

/**
 * Tells the app a response said 401 (used by the few modules that call `fetch` themselves).
 *
 * @example
 * if (response.status === 401) reportUnauthorized();
 */
export function reportUnauthorized(): void {
  unauthorized?.();
}

/**
 * Turns a failed response into an {@link ApiError} and, on 401, reports the ended session.
 *
 * @example
 * if (!response.ok) throw await failure(response);
 */
export async function failure(response: Response): Promise<ApiError> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const error = new ApiError(response.status, messageOf(body, text, response), body);
  // The session endpoint answers 401 for "not signed in" and for a bad token: the sign-in page shows those itself.
  if (response.status === 401 && !new URL(response.url || '/', location.href).pathname.startsWith('/api/session')) reportUnauthorized();
  return error;
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
  if (!response.ok) throw await failure(response);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

function messageOf(body: unknown, text: string, response: Response): string {
  const { error, message } = (body ?? {}) as { error?: unknown; message?: unknown };
  const found = error ?? message;
  if (typeof found === 'string') return found;
  if (found && typeof found === 'object' && 'message' in found) return String((found as { message: unknown }).message);
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
