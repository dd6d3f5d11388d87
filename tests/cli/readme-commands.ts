// The README's shell commands, and a way to run them as a reader would (from a scratch directory
// laid out like a clone). Used by tests/cli/readme-commands.test.ts (the quick ones, in npm test)
// and tests/bench/readme-commands-bench.ts (every one: recipes and notebook runs take minutes).
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './spawn-cli.js';

/**
 * Every `npx liftbook …` line in the README's ```sh blocks (continuation lines joined, trailing
 * comments dropped), split into arguments as a POSIX shell would for these simple cases.
 */
export function readmeCommands(readme: string): string[][] {
  return allCommands(readme)
    .filter((c) => !c.warehouse && !needsWarehouse(c.args))
    .map((c) => c.args);
}

/**
 * README commands that read from a warehouse the reader names (`--input units=wh:units`, with
 * `--source` or `LIFTBOOK_SOURCE_WH`): they show the form and cannot run here (the engines' own
 * tests run those against real servers).
 */
export function warehouseCommands(readme: string): string[][] {
  return allCommands(readme)
    .filter((c) => c.warehouse || needsWarehouse(c.args))
    .map((c) => c.args);
}

function needsWarehouse(args: string[]): boolean {
  return args.includes('--source') || args.some((a, i) => args[i - 1] === '--input' && /^[^=]+=[a-z][\w-]*:/i.test(a));
}

// A block that exports LIFTBOOK_SOURCE_<NAME> shows commands against the reader's own warehouse.
function allCommands(readme: string): { args: string[]; warehouse: boolean }[] {
  const commands: { args: string[]; warehouse: boolean }[] = [];
  for (const block of readme.matchAll(/```sh\n([\s\S]*?)```/g)) {
    const warehouse = /^export LIFTBOOK_SOURCE_/m.test(block[1]!);
    const lines = block[1]!.replace(/\\\n\s*/g, ' ').split('\n');
    for (const line of lines) {
      if (!line.startsWith('npx liftbook ')) continue;
      commands.push({ args: shellWords(line).slice(2), warehouse });
    }
  }
  return commands;
}

function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | null = null;
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      started = true;
    } else if (ch === '#' && !started) break; // a comment
    else if (/\s/.test(ch)) {
      if (started) words.push(word);
      word = '';
      started = false;
    } else {
      word += ch;
      started = true;
    }
  }
  if (started) words.push(word);
  return words;
}

export const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
// A scratch directory stands in for the reader's: the repository's files are reachable as in a
// clone, and what the commands write (shop-data/, report.html, /srv/liftbook) lands here.
export const work = mkdtempSync(path.join(tmpdir(), 'liftbook-readme-'));
// Notebooks are copied, not linked: `run --snapshot` writes its sidecar next to the notebook.
cpSync(path.join(ROOT, 'notebooks'), path.join(work, 'notebooks'), { recursive: true });
for (const dir of ['docs', 'datasets']) symlinkSync(path.join(ROOT, dir), path.join(work, dir));
const dataDir = path.join(work, 'srv');
export const adapt = (args: string[]) => {
  const out = args.map((a) => a.replace('/srv/liftbook', dataDir));
  // Notebook runs use a smaller sample so the suite stays fast; the command is otherwise as shown.
  if (out[0] === 'run') out.push('--param', 'customers=400');
  return out;
};

/** `serve` runs until stopped: it passes when it prints its address, then gets Ctrl-C. */
export function serveUntilListening(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const withFreePort = args.map((a, i) => (args[i - 1] === '--port' ? '0' : a));
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/liftbook.js'), ...withFreePort], { cwd: work });
    let stdout = '';
    let stderr = '';
    let stopping = false;
    let fallback: ReturnType<typeof setTimeout> | undefined;
    child.stdout.on('data', (d) => {
      stdout += d;
      // One Ctrl-C once start-up has finished (the sign-in line is its last), else 3 s after listening.
      if (stopping) return;
      if (/sign in as/.test(stdout)) {
        stopping = true;
        clearTimeout(fallback);
        setTimeout(() => child.kill('SIGINT'), 300);
      } else if (/workbench at http/.test(stdout) && !fallback) {
        fallback = setTimeout(() => {
          stopping = true;
          child.kill('SIGINT');
        }, 3000);
      }
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Runs one command in this process (the CLI's own `main`), output captured: thirty commands would
 * otherwise pay thirty start-ups. Paths resolve against the scratch directory, as from a shell there.
 */
export async function runInProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { main } = await import('../../server/cli/cli.js');
  const out = { stdout: '', stderr: '' };
  const write = { stdout: process.stdout.write, stderr: process.stderr.write };
  const capture = (key: 'stdout' | 'stderr') =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      out[key] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof process.stdout.write;
  const cwd = process.cwd();
  process.chdir(work);
  process.stdout.write = capture('stdout');
  process.stderr.write = capture('stderr');
  try {
    const code = await main(args);
    return { code, ...out };
  } finally {
    process.stdout.write = write.stdout;
    process.stderr.write = write.stderr;
    process.chdir(cwd);
  }
}

/**
 * Runs one README command (serve until it listens, anything else in process); exit code and output.
 *
 * @example
 * const { code } = await runReadmeCommand(['recipes', '--json']);
 */
export function runReadmeCommand(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const adapted = adapt(args);
  return adapted[0] === 'serve' ? serveUntilListening(adapted) : runInProcess(adapted);
}
