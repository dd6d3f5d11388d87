import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (where package.json, vite.config.ts, client/ and dist/ are). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Builds the client with Vite (the repo's vite.config.ts) when dist/client is missing or older
 * than any client source, and says what it did. A failed or impossible build is reported and
 * returns false: the server still starts, and the API works without the client.
 *
 * @example
 * await ensureClientBuilt({ log: console.log });
 */
export async function ensureClientBuilt(options: { root?: string; log?: (line: string) => void } = {}): Promise<boolean> {
  const root = options.root ?? REPO_ROOT;
  const log = options.log ?? (() => {});
  const sources = path.join(root, 'client');
  const index = path.join(root, 'dist', 'client', 'index.html');
  if (!existsSync(path.join(sources, 'index.html'))) {
    log('liftbook: no client sources (client/index.html) to build; serving the API only.');
    return false;
  }
  const newest = Math.max(newestMtime(sources), ...['vite.config.ts', 'package.json'].map((f) => newestMtime(path.join(root, f))));
  if (existsSync(index) && statSync(index).mtimeMs >= newest) return true;
  log('liftbook: building the client (vite build)…');
  try {
    const { build } = await import('vite');
    await build({ configFile: path.join(root, 'vite.config.ts'), root: sources, logLevel: 'warn' });
    log('liftbook: client built.');
    return true;
  } catch (error) {
    log(`liftbook: the client build failed (${(error as Error).message.split('\n')[0]}); serving the API only.`);
    return false;
  }
}

function newestMtime(file: string): number {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(file)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(file, entry)));
  }
  return newest;
}
