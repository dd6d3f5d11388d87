/**
 * Loads TensorFlow.js with the fastest backend this host has, once per thread:
 * `tensorflow` (native, when the user's machine has @tensorflow/tfjs-node), else `wasm`
 * (about 37× the plain JavaScript backend here), else `cpu`. The WASM binary is always read from
 * the installed package: in Node from node_modules, in other hosts only from a folder the host
 * names with `setWasmDirectory` — never fetched from a CDN, which tfjs would do by default.
 */

export type Tf = typeof import('@tensorflow/tfjs');

/** `auto` picks the best available; the others force one (the benchmark compares them). */
export type BackendName = 'auto' | 'tensorflow' | 'wasm' | 'cpu';

let wasmDirectory: string | undefined;
let wasmPathsSet = false;
const loaded = new Map<BackendName, Promise<{ tf: Tf; backend: string }>>();

/**
 * Where a non-Node host serves the tfjs WASM files (a URL folder ending in `/`).
 *
 * @example
 * setWasmDirectory('/assets/tfjs-wasm/');
 */
export function setWasmDirectory(url: string): void {
  wasmDirectory = url;
}

function isNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

async function nodeWasmDirectory(): Promise<string> {
  const { createRequire } = await import('node:module');
  const path = await import('node:path');
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep;
}

async function tryNative(tf: Tf): Promise<boolean> {
  const name = '@tensorflow/tfjs-node';
  try {
    // Optional: absent on most machines, so the import is dynamic and its failure expected.
    await import(/* @vite-ignore */ name);
    return await tf.setBackend('tensorflow');
  } catch {
    return false;
  }
}

async function tryWasm(tf: Tf): Promise<boolean> {
  const directory = isNode() ? await nodeWasmDirectory() : wasmDirectory;
  if (!directory) return false;
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  if (!wasmPathsSet) wasm.setWasmPaths(directory);
  wasmPathsSet = true;
  try {
    return await tf.setBackend('wasm');
  } catch {
    return false;
  }
}

async function load(preferred: BackendName): Promise<{ tf: Tf; backend: string }> {
  const tf = await import('@tensorflow/tfjs');
  const order: BackendName[] = preferred === 'auto' ? ['tensorflow', 'wasm', 'cpu'] : [preferred];
  for (const name of order) {
    const ok = name === 'tensorflow' ? await tryNative(tf) : name === 'wasm' ? await tryWasm(tf) : await tf.setBackend('cpu');
    if (ok) {
      await tf.ready();
      return { tf, backend: tf.getBackend() };
    }
  }
  throw new Error(`The TensorFlow.js backend "${preferred}" is not available on this host.`);
}

/**
 * TensorFlow.js with the requested backend active (cached per backend and thread).
 *
 * @example
 * const { tf, backend } = await loadTf(); // backend → 'wasm' on a plain Node install
 */
export function loadTf(preferred: BackendName = 'auto'): Promise<{ tf: Tf; backend: string }> {
  let promise = loaded.get(preferred);
  if (!promise) {
    promise = load(preferred);
    loaded.set(preferred, promise);
  }
  return promise.then(async (r) => {
    // Another caller may have switched the global backend since; switch back.
    if (r.tf.getBackend() !== r.backend) await r.tf.setBackend(r.backend);
    return r;
  });
}
