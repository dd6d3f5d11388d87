// The command line as one cached bundle. Loading ~400 TypeScript files through tsx costs about two
// seconds per command; esbuild bundles them (and the small packages they use) once, into
// node_modules/.cache, and every later command loads that in a fraction of a second. A bundle is
// rebuilt when any file it was built from changes, and never used when it cannot be checked.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const ENTRY = path.join(ROOT, 'server', 'cli', 'main.ts');
// Packages bundled with our code: pure JavaScript made of many small modules, where loading is
// what costs. Everything else (native addons, the compiler, packages that find files next to
// themselves) stays where npm put it.
const BUNDLED = /^(arquero|zod|hono|@hono\/[^/]+|seedrandom|@stdlib\/[^/]+|@observablehq\/plot|acorn|acorn-walk|yaml|marked|fmin|cli-progress|hyparquet)(\/|$)/;
// Files outside the sources that change what a bundle holds.
const ALSO = ['package.json', 'package-lock.json', 'bin/cli-bundle.js'];
// Builds of other checkouts sharing these node_modules (a git worktree) live apart.
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'liftbook-cli', createHash('sha1').update(ROOT).digest('hex').slice(0, 10));
const CURRENT = path.join(CACHE, 'current.json');
// A command loads parts of its bundle as it goes: an old build stays while one may still be running.
const KEEP_OLD_MS = 60 * 60 * 1000;

/**
 * The file URL of a current bundle of the CLI, building one when there is none or a source changed
 * since; null when bundling is off (`LIFTBOOK_NO_BUNDLE=1`) or fails, and the CLI is loaded
 * through tsx instead.
 *
 * @example
 * const url = await cliBundle(); // → 'file:///…/node_modules/.cache/liftbook-cli/…/main.js'
 */
export async function cliBundle() {
  if (process.env.LIFTBOOK_NO_BUNDLE) return null;
  const current = readCurrent();
  if (current && isFresh(current.stamp)) return pathToFileURL(path.join(CACHE, current.build, 'main.js')).href;
  try {
    return await build();
  } catch (error) {
    if (process.env.LIFTBOOK_DEBUG) process.stderr.write(`liftbook: could not bundle the command line (${error.message}); loading it through tsx.\n`);
    return null;
  }
}

function readCurrent() {
  try {
    return JSON.parse(readFileSync(CURRENT, 'utf8'));
  } catch {
    return null;
  }
}

function fingerprint(file) {
  try {
    const s = statSync(path.join(ROOT, file));
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

function isFresh(stamp) {
  for (const [file, print] of Object.entries(stamp)) if (fingerprint(file) !== print) return false;
  return true;
}

async function build() {
  const esbuild = await import('esbuild');
  mkdirSync(CACHE, { recursive: true });
  const id = `${Date.now().toString(36)}-${process.pid}`;
  const outdir = path.join(CACHE, id);
  // Stamped before building: a file saved during the build makes the next command build again.
  const stamp = {};
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    absWorkingDir: ROOT,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    metafile: true,
    logLevel: 'silent',
    // Bundled CommonJS packages call require; ESM output has none of its own.
    banner: { js: "import { createRequire as __liftbookRequire } from 'node:module'; const require = __liftbookRequire(import.meta.url);" },
    plugins: [onlyBundled, sourceUrls(stamp)],
  });
  for (const file of ALSO) stamp[file] = fingerprint(file);
  for (const input of Object.keys(result.metafile.inputs)) {
    if (!input.startsWith('node_modules/') && !input.includes('/node_modules/') && !(input in stamp)) stamp[input] = fingerprint(input);
  }
  const next = path.join(CACHE, `current.${id}.json`);
  writeFileSync(next, JSON.stringify({ build: id, stamp }));
  renameSync(next, CURRENT);
  removeOldBuilds(id);
  return pathToFileURL(path.join(outdir, 'main.js')).href;
}

/** Bare imports of our code stay external unless BUNDLED; a bundled package's own imports come along. */
const onlyBundled = {
  name: 'liftbook-only-bundled',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || args.importer.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      return BUNDLED.test(args.path) ? undefined : { path: args.path, external: true };
    });
  },
};

/**
 * Our modules find their files (datasets, workers, the client) from `import.meta.url`: in the
 * bundle each keeps its own source file's URL, so those paths resolve as they do unbundled.
 */
function sourceUrls(stamp) {
  return {
    name: 'liftbook-source-urls',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const rel = path.relative(ROOT, args.path);
        stamp[rel] = fingerprint(rel);
        const url = JSON.stringify(pathToFileURL(args.path).href);
        const source = readFileSync(args.path, 'utf8');
        return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
      });
    },
  };
}

/** Builds older than the current one, once no command can still be loading them. */
function removeOldBuilds(keep) {
  const now = Date.now();
  for (const entry of readdirSync(CACHE, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === keep) continue;
    const dir = path.join(CACHE, entry.name);
    try {
      if (now - statSync(dir).mtimeMs > KEEP_OLD_MS) rmSync(dir, { recursive: true, force: true });
    } catch {
      // another command removed it first
    }
  }
}
