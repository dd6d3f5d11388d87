// `lift` pushed down to a 2-shard ClickHouse cluster on 10M seeded rows: only the aggregates
// (arms × metrics rows) cross into liftbook, and the whole recipe is timed against ClickHouse's
// own hand-written aggregation of the same sums over the same Distributed table, in the same run.
// Run: nice node bin/run-ts.js tests/bench/clickhouse-lift-bench.ts [rows]
import os from 'node:os';
import { resolveParams, runRecipe } from '../../recipes/define-recipe.js';
import { getRecipe } from '../../recipes/registry.js';
import { openSource } from '../../server/engine/open-source.js';
import { startClickHouseCluster } from '../engines/clickhouse-cluster.js';
import { generateClickHouseUnits } from '../engines/clickhouse-units.js';
import { clickhouseInstalled } from '../engines/servers.js';
import { tableExecutor } from '../engines/source-executor.js';

const rows = Number(process.argv[2] ?? 10_000_000);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;

console.log(`clickhouse lift bench; ${rows.toLocaleString('en')} rows on 2 shards; ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`);
if (!clickhouseInstalled) {
  console.log('ClickHouse is not installed (apt-get install clickhouse-server): skipped.');
  process.exit(0);
}

const cluster = await startClickHouseCluster();
const engine = openSource('wh', cluster.url);
let failed = false;
try {
  const t0 = performance.now();
  await generateClickHouseUnits(cluster, 'units', rows);
  console.log(`  generated in ClickHouse: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const lift = getRecipe('lift');
  const params = { metrics: ['converted', 'revenue'], covariates: { revenue: 'pre_revenue' } };
  const own = `SELECT variant, count() AS n, sum(converted), sum(converted * converted), sum(revenue), sum(revenue * revenue),
    sum(pre_revenue), sum(pre_revenue * pre_revenue), sum(revenue * pre_revenue) FROM units GROUP BY variant`;

  // The SQL lift sends (its sums plus the validation counts: missing and non-0/1 values), timed
  // alone, shows how much of the gap is the checks and how much is liftbook's own work.
  const from = engine.dialect.ident('units');
  const plan = lift.aggregate!({ params: resolveParams(lift, params), inputs: { units: { from, columns: await engine.columns(from) } }, sql: engine.dialect });
  const generated = Object.values(plan.queries);

  const liftMs: number[] = [];
  const ownMs: number[] = [];
  const sqlMs: number[] = [];
  let report = null;
  for (let i = 0; i < 4; i++) {
    // Alternate, so load on the machine falls on both alike; the first round warms both up.
    let t = performance.now();
    const run = await runRecipe(lift, { inputs: { units: 'units' }, params, executor: tableExecutor(engine) });
    if (i > 0) liftMs.push(performance.now() - t);
    report = run.engine;
    t = performance.now();
    await cluster.shards[0].exec(own);
    if (i > 0) ownMs.push(performance.now() - t);
    t = performance.now();
    for (const sql of generated) await cluster.shards[0].exec(sql);
    if (i > 0) sqlMs.push(performance.now() - t);
  }
  const ours = median(liftMs);
  const theirs = median(ownMs);
  console.log(`  lift on wh:units          ${ours.toFixed(0).padStart(6)} ms (median of ${liftMs.length}) | rows_read ${report?.rows_read?.toLocaleString('en')} | rows_fetched ${report?.rows_fetched} | pushdown ${report?.pushdown}`);
  console.log(`  ClickHouse's own query    ${theirs.toFixed(0).padStart(6)} ms (the sums lift needs, by hand) | lift / own ${(ours / theirs).toFixed(2)}×`);
  console.log(`  lift's SQL alone          ${median(sqlMs).toFixed(0).padStart(6)} ms (sums + validation counts) | lift / its SQL ${(ours / median(sqlMs)).toFixed(2)}×`);
  if (!report || report.rows_fetched > 10 || !report.pushdown) {
    console.log('  FAIL: lift must push down and fetch at most 10 rows');
    failed = true;
  }
} finally {
  await engine.close();
  await cluster.close();
}
process.exit(failed ? 1 : 0);
