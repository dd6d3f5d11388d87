import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** The encodings the server can send, best first, with the suffix of their precompressed file. */
export const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
export type Encoding = (typeof ENCODINGS)[number]['name'];

/** Text-like files worth compressing; images and archives are compressed already. */
export const COMPRESSIBLE = /\.(?:m?js|css|html|json|map|svg|txt|ttf|otf|wasm|xml|md)$/i;

/** Files smaller than this are sent as they are: the saving would not cover the headers. */
export const MIN_BYTES = 1024;

/**
 * Compresses one file's bytes: `best` at build time, `fast` while a request waits. Brotli's best
 * here is quality 9, not 11: on the client's ~7 MB chunks 11 takes about a minute per file for
 * ~8% less, and the tests build the client often. Quality 5 takes a second for 5 MB.
 *
 * @example
 * const body = await compressBytes(readFileSync('app.js'), 'br');
 */
export function compressBytes(bytes: Buffer, encoding: Encoding, effort: 'best' | 'fast' = 'best'): Promise<Buffer> {
  if (encoding === 'gzip') return gzip(bytes, { level: effort === 'best' ? 9 : 6 });
  return brotli(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: effort === 'best' ? 9 : 5,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

/**
 * Writes `x.js.br` and `x.js.gz` beside every compressible file of `dir` (recursively) of at
 * least MIN_BYTES, so the server sends them without compressing per request. A variant that
 * would not be smaller is not written (and a stale one is removed). Returns the files written.
 *
 * @example
 * await precompressDir('dist/client'); // → ['dist/client/assets/index-3f2a.js.br', …]
 */
export async function precompressDir(dir: string): Promise<string[]> {
  const written: string[] = [];
  await Promise.all(
    compressibleFiles(dir).map(async (file) => {
      const bytes = readFileSync(file);
      for (const { name, suffix } of ENCODINGS) {
        const packed = await compressBytes(bytes, name);
        if (packed.length < bytes.length) {
          writeFileSync(file + suffix, packed);
          written.push(file + suffix);
        } else {
          rmSync(file + suffix, { force: true });
        }
      }
    }),
  );
  return written.sort();
}

function compressibleFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...compressibleFiles(full));
    else if (COMPRESSIBLE.test(entry.name) && statSync(full).size >= MIN_BYTES) files.push(full);
  }
  return files;
}

/**
 * A Vite plugin that precompresses the build output (see precompressDir) once it is written.
 *
 * @example
 * export default defineConfig({ plugins: [precompress()] });
 */
export function precompress(): { name: string; apply: 'build'; writeBundle: (options: { dir?: string }) => Promise<void> } {
  return {
    name: 'liftbook-precompress',
    apply: 'build',
    async writeBundle(options) {
      if (options.dir) await precompressDir(options.dir);
    },
  };
}
