// Attribution speed: every model (Markov orders 1–3) on 10,000 synthetic aggregated paths, and on
// ChannelAttribution's example data when the eval-only folder is present. The reference is a
// plain pass in the same process that splits every path and counts its touches, so the ratio
// says how many "reads of the data" a model costs, whatever the machine.
// Run: node bin/run-ts.js tests/bench/attribution-bench.ts [paths]
import * as aq from 'arquero';
import os from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import seedrandom from 'seedrandom';
import type { ColumnTable } from 'arquero';
import { runRecipe, setDefaultExecutor } from '../../recipes/define-recipe.js';
import { attribution } from '../../recipes/attribution/index.js';
import { inlineExecutor } from '../../server/engine/inline-executor.js';

// Paths are built in SQL (the embedded DuckDB), as the server's recipe workers run them.
setDefaultExecutor(inlineExecutor);

const n = Number(process.argv[2] ?? 10_000);
const rng = seedrandom('attribution-bench');
const channels = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mi'];
const synthetic = aq.from(Array.from({ length: n }, () => {
  const length = 1 + Math.floor(-Math.log(1 - rng()) * 3);
  const path = Array.from({ length }, () => channels[Math.floor(rng() ** 2 * channels.length)]).join(' > ');
  return { path, conversions: Math.floor(rng() * 4), value: Math.round(rng() * 5000) / 100, nulls: Math.floor(rng() * 8) };
}));

function plainPass(table: ColumnTable, column: string): number {
  let touches = 0;
  for (const p of table.array(column) as string[]) touches += p.split('>').map((s) => s.trim()).length;
  return touches;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;
function time(fn: () => unknown, repeats = 5): number {
  fn(); // warm-up (JIT)
  return median(Array.from({ length: repeats }, () => { const t = performance.now(); fn(); return performance.now() - t; }));
}
async function timeAsync(fn: () => Promise<unknown>, repeats = 5): Promise<number> {
  await fn();
  const runs: number[] = [];
  for (let i = 0; i < repeats; i++) { const t = performance.now(); await fn(); runs.push(performance.now() - t); }
  return median(runs);
}

async function bench(label: string, paths: ColumnTable, params: Record<string, unknown>) {
  const reference = time(() => plainPass(paths, (params.path as string) ?? 'path'));
  console.log(`${label}: ${paths.numRows().toLocaleString('en')} paths; plain pass ${reference.toFixed(2)} ms`);
  const cases: [string, Record<string, unknown>][] = [
    ['heuristics (first, last, linear, position)', { models: ['first', 'last', 'linear', 'position'] }],
    ['shapley', { models: ['shapley'] }],
    ['markov order 1', { models: ['markov'], order: 1 }],
    ['markov order 2', { models: ['markov'], order: 2 }],
    ['markov order 3', { models: ['markov'], order: 3 }],
    ['all models (markov order 1)', {}],
  ];
  for (const [name, extra] of cases) {
    const ms = await timeAsync(() => runRecipe(attribution, { inputs: { paths }, params: { ...params, ...extra } }));
    console.log(`  ${name.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms  (${(ms / reference).toFixed(1)}× the plain pass)`);
  }
}

console.log(`attribution bench; ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}, Node ${process.version}`);
await bench('synthetic', synthetic, {});
const FILE = new URL('../../../shared/datasets/eval-only/channelattribution_Data.csv', import.meta.url);
if (existsSync(FILE)) {
  const lines = readFileSync(FILE, 'utf8').trim().split(/\r?\n/);
  const header = lines[0]!.split(';');
  const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(';').map((v, i) => [header[i]!, i === 0 ? v : Number(v)])));
  await bench('ChannelAttribution Data (eval-only)', aq.from(rows), { conversions: 'total_conversions', value: 'total_conversion_value', nulls: 'total_null' });
} else console.log('ChannelAttribution example data: ../shared/datasets/eval-only/ is absent; skipped.');
