// A liftbook app over a temporary data directory, the fixture recipes in a small worker pool,
// and a fake built client, for the API tests (Hono's app.request: no sockets).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import { expect } from 'vitest';
import { describeRecipe } from '../../recipes/define-recipe.js';
import { SignInLimiter } from '../../server/auth/sign-in-limiter.js';
import { createApp } from '../../server/app/create-app.js';
import type { SqlLimits } from '../../server/sql/run-sql.js';
import type { AppDeps } from '../../server/app/deps.js';
import { RecipePool } from '../../server/runner/pool.js';
import { openStorage } from '../../server/storage/storage.js';
import { recipes } from './fixtures/recipes.js';

export interface Harness extends ReturnType<typeof createApp> {
  deps: AppDeps;
  dir: string;
  /** Every run the app started, settled to its output or error. */
  runs: Promise<unknown>[];
  /** The admin `admin`'s API token. */
  token: string;
  /** A request as `as` (default the admin: a user name made with `user()`, or null for no credentials). */
  request(path: string, init?: RequestInit, as?: string | null): Promise<Response>;
  /** Adds a user (member unless told) and returns their token; `request(…, name)` then acts as them. */
  user(name: string, role?: 'admin' | 'member'): string;
  /** `Authorization` header of a user made here. */
  auth(as?: string): Record<string, string>;
  close(): Promise<void>;
}

/**
 * Builds a test app. `client: false` leaves the client unbuilt.
 *
 * @example
 * const h = harness(); const res = await h.app.request('/api/recipes'); await h.close();
 */
export function harness(options: { uploadLimit?: number; notebookLimit?: number; client?: boolean; signInLimiter?: SignInLimiter; sqlLimits?: SqlLimits } = {}): Harness {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'liftbook-api-'));
  const examples = path.join(dir, 'examples');
  mkdirSync(examples);
  writeFileSync(path.join(examples, 'did-it-work.md'), '---\ntitle: Did it work?\n---\n# Did it work?\n\n```js id=a\nconst x = 1\n```\n');
  const clientDir = path.join(dir, 'client');
  if (options.client !== false) {
    mkdirSync(path.join(clientDir, 'assets'), { recursive: true });
    writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>liftbook</title><div id="app"></div>');
    writeFileSync(path.join(clientDir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(path.join(clientDir, 'assets', 'sandbox-worker-abc123.js'), 'self.onmessage = () => {}');
  }
  const storage = openStorage(path.join(dir, 'data'), { examplesDir: examples });
  const pool = new RecipePool({ size: 2, registry: new URL('./fixtures/recipes.ts', import.meta.url), cancelGraceMs: 300 });
  const runs: Promise<unknown>[] = [];
  const deps: AppDeps = {
    storage,
    runRecipe: (id, inputs, params, runOptions) => {
      const run = pool.run(id, inputs, params, runOptions);
      runs.push(run.catch((error: unknown) => error));
      return run;
    },
    describeRecipes: () => recipes.map(describeRecipe),
    clientDir,
    uploadLimit: options.uploadLimit ?? 1024 * 1024,
    notebookLimit: options.notebookLimit,
    signInLimiter: options.signInLimiter ?? new SignInLimiter(),
    ...(options.sqlLimits ? { sqlLimits: options.sqlLimits } : {}),
  };
  const tokens = new Map<string, string>([['admin', storage.users.add('admin', 'admin').token]]);
  const auth = (as = 'admin'): Record<string, string> => {
    const token = tokens.get(as);
    if (!token) throw new Error(`harness: no user "${as}" (make one with h.user("${as}"))`);
    return { Authorization: `Bearer ${token}` };
  };
  const built = createApp(deps);
  return {
    ...built,
    deps,
    dir,
    runs,
    token: tokens.get('admin')!,
    auth,
    user(name, role = 'member') {
      const { token } = storage.users.add(name, role);
      tokens.set(name, token);
      return token;
    },
    request(url, init = {}, as = 'admin') {
      const headers = new Headers(init.headers);
      if (as !== null && !headers.has('authorization')) for (const [k, v] of Object.entries(auth(as))) headers.set(k, v);
      return Promise.resolve(built.app.request(url, { ...init, headers }));
    },
    async close() {
      await pool.close();
      storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A JSON request's init (a string body is sent as it is, to test malformed JSON).
 *
 * @example
 * await app.request('/api/notebooks', json('POST', { title: 'Q3' }));
 */
export function json(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } };
}

/**
 * Reads a JSON response, checks its status and that it matches the schema the route declares.
 *
 * @example
 * const list = await expectJson(await app.request('/api/notebooks'), 200, z.array(NotebookSummary));
 */
export async function expectJson<T extends z.ZodType>(res: Response, status: number, schema?: T): Promise<z.output<T>> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = JSON.parse(text) as unknown;
  if (schema) {
    const parsed = schema.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  }
  return body as z.output<T>;
}

/**
 * Parses a whole SSE body into events.
 *
 * @example
 * sseEvents('event: result\ndata: {"a":1}\n\n'); // → [{ event: 'result', data: { a: 1 } }]
 */
export function sseEvents(text: string): { event: string; data: unknown }[] {
  return text
    .split('\n\n')
    .filter((block) => block.includes('data:'))
    .map((block) => {
      const event = /^event: ?(.*)$/m.exec(block)?.[1] ?? 'message';
      const data = block
        .split('\n')
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.replace(/^data: ?/, ''))
        .join('\n');
      return { event, data: JSON.parse(data) as unknown };
    });
}
