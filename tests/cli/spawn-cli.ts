import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The project root, where `bin/liftbook.js` lives. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/liftbook.js', import.meta.url));

/** Per-test timeout for tests that spawn the CLI: generous, since a busy machine slows every start-up. */
export const SPAWN_TIMEOUT = 240_000;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node bin/liftbook.js …args` as a child process (as a user would) and resolves with its
 * exit code and output; never rejects on a non-zero exit.
 *
 * @example
 * const { code, stdout } = await liftbook(['recipes', '--json']);
 */
export function liftbook(args: string[], options: { cwd?: string } = {}): Promise<CliResult> {
  return limited(() => spawnOnce(args, options));
}

// Each CLI process loads its bundle and DuckDB; on a 2-core machine more than two at a time only
// makes each slower.
const MAX_RUNNING = 2;
let running = 0;
const waiting: (() => void)[] = [];
async function limited<T>(task: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING) await new Promise<void>((go) => waiting.push(go));
  running++;
  try {
    return await task();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function spawnOnce(args: string[], options: { cwd?: string }): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LIFTBOOK_DEBUG: '' } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
