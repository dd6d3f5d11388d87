// Speed of the experiment and business recipes on synthetic data the size of a busy shop:
// engagement on page views, segments and roi on units, context on sessions (rolling lift + PSI),
// each against a plain pass over the same columns (Σ of one numeric column) so the ratio is
// comparable across machines.
// Run: node bin/run-ts.js tests/bench/experiment-recipes-bench.ts [rows]
import os from 'node:os';
import * as aq from 'arquero';
import seedrandom from 'seedrandom';
import { runRecipe, setDefaultExecutor } from '../../recipes/define-recipe.js';
import { inlineExecutor } from '../../server/engine/inline-executor.js';
import { engagement } from '../../recipes/engagement/index.js';
import { segments } from '../../recipes/segments/index.js';
import { roi } from '../../recipes/roi/index.js';
import { context } from '../../recipes/context/index.js';
import type { Recipe } from '../../recipes/types.js';

// The aggregation phase runs in the embedded DuckDB, as in the server's recipe workers.
setDefaultExecutor(inlineExecutor);

const rows = Number(process.argv[2] ?? 1_000_000);
const rng = seedrandom('experiment-bench');
const pickOf = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
const DAY = 86_400_000;
const start = Date.UTC(2025, 0, 1);

function plainPass(table: aq.ColumnTable, column: string): number {
  const values = table.array(column) as ArrayLike<number>;
  const t0 = performance.now();
  let s = 0;
  for (let i = 0; i < values.length; i++) s += Number(values[i]);
  if (Number.isNaN(s)) throw new Error('unreachable');
  return performance.now() - t0;
}

async function bench(label: string, recipe: Recipe, inputs: Record<string, aq.ColumnTable>, params: Record<string, unknown>, column: string) {
  const table = Object.values(inputs)[0]!;
  const ref = plainPass(table, column);
  const t0 = performance.now();
  await runRecipe(recipe, { inputs, params });
  const ms = performance.now() - t0;
  console.log(`  ${label.padEnd(34)} ${ms.toFixed(0).padStart(7)} ms for ${table.numRows().toLocaleString('en-US')} rows = ${(ms / Math.max(ref, 0.01)).toFixed(0)}× a plain Σ (${ref.toFixed(1)} ms)`);
}

console.log(`experiment recipes bench; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}, Node ${process.version}`);

const sessions = Math.floor(rows / 3);
const pv = { session_id: [] as string[], variant: [] as string[], timestamp: [] as number[], scroll_depth: [] as number[], interacted: [] as number[] };
for (let s = 0; s < sessions; s++) {
  const variant = rng() < 0.5 ? 'control' : 'personalized';
  let t = start + Math.floor(rng() * 84 * DAY);
  for (let p = 0, pages = 1 + Math.floor(rng() * 5); p < pages; p++) {
    pv.session_id.push(`s${s}`);
    pv.variant.push(variant);
    pv.timestamp.push(t);
    pv.scroll_depth.push(rng());
    pv.interacted.push(+(rng() < 0.3));
    t += Math.floor(rng() * 90_000);
  }
}
await bench('engagement (page views)', engagement, { pageviews: aq.table(pv) }, {}, 'scroll_depth');

const units = {
  segment: Array.from({ length: rows }, () => pickOf(['a', 'b', 'c', 'd', 'e'])),
  variant: Array.from({ length: rows }, () => (rng() < 0.5 ? 'control' : 'personalized')),
  exposed: Array.from({ length: rows }, () => 1),
  engaged: Array.from({ length: rows }, () => +(rng() < 0.4)),
  converted: Array.from({ length: rows }, () => +(rng() < 0.2)),
  orders: Array.from({ length: rows }, () => Math.floor(rng() * 2)),
  revenue: Array.from({ length: rows }, () => (rng() < 0.2 ? 30 * rng() : 0)),
  pre_revenue: Array.from({ length: rows }, () => (rng() < 0.2 ? 30 * rng() : 0)),
  cost: Array.from({ length: rows }, () => 0.1),
};
const unitTable = aq.table(units);
await bench('segments (5 segments, 6 metrics)', segments, { units: unitTable }, { margin: 0.3 }, 'revenue');
await bench('roi (CUPED)', roi, { units: unitTable }, { covariate: 'pre_revenue', margin: 0.3, cost_fixed: 1000 }, 'revenue');

const ctx = {
  variant: units.variant,
  converted: units.converted,
  device: Array.from({ length: rows }, () => pickOf(['mobile', 'desktop', 'tablet'])),
  hour: Array.from({ length: rows }, () => Math.floor(rng() * 24)),
  weekday: Array.from({ length: rows }, () => pickOf(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])),
  timestamp: Array.from({ length: rows }, () => new Date(start + Math.floor(rng() * 84 * DAY))),
};
await bench('context (3 contexts, rolling + PSI)', context, { units: aq.table(ctx) }, { window: 7 }, 'converted');
