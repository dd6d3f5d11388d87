// Same recipe, same numbers: each recipe with an SQL aggregation phase runs on the embedded
// engine (DuckDB, from the tables in memory), on Postgres and on the 2-shard ClickHouse cluster
// (from tables there), and every metric, table and note agrees to 1e-9 relative, with only the
// aggregates crossing into JavaScript.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runRecipe } from '../../recipes/define-recipe.js';
import { getRecipe } from '../../recipes/registry.js';
import type { EngineReport, RecipeResult } from '../../recipes/types.js';
import { openSource } from '../../server/engine/open-source.js';
import type { Engine } from '../../server/engine/types.js';
import { startClickHouseCluster, type ClickHouseCluster } from './clickhouse-cluster.js';
import { caseRecipe, readyCases } from './equality-cases.js';
import { loadClickHouse, loadPostgres } from './load-table.js';
import { startPostgres, type PostgresServer } from './postgres-server.js';
import { differences } from './same-numbers.js';
import { clickhouseInstalled, postgresInstalled } from './servers.js';
import { engineShop } from './shop-tables.js';
import { tableExecutor } from './source-executor.js';

const { tables } = engineShop(1500);
const cases = readyCases();
const needed = [...new Set(cases.flatMap((c) => Object.values(c.inputs)))];

// A units table whose arm column and arm values read like SQL: they must stay data everywhere.
const EVIL = 'x"; DROP TABLE units; --';
const evilUnits = tables.units!.derive({ [EVIL]: aq.escape((d: { variant: string }) => (d.variant === 'control' ? "control'); DROP TABLE units; --" : 'personalized`\\')) }).select(aq.not('variant'));

let cluster: ClickHouseCluster | undefined;
let postgres: PostgresServer | undefined;
const engines: Record<string, Engine> = {};

const liftPushesDown = Boolean(getRecipe('lift').aggregate);

beforeAll(async () => {
  if (cases.length === 0 && !liftPushesDown) return;
  [cluster, postgres] = await Promise.all([clickhouseInstalled ? startClickHouseCluster() : undefined, postgresInstalled ? startPostgres() : undefined]);
  // The two servers load at once; each takes its tables one at a time.
  const all: [string, ColumnTable][] = [...needed.map((name): [string, ColumnTable] => [name, tables[name]!]), ['evil_units', evilUnits]];
  await Promise.all([
    (async () => {
      for (const [name, table] of all) if (cluster) await loadClickHouse(cluster, name, table);
    })(),
    (async () => {
      for (const [name, table] of all) if (postgres) await loadPostgres(postgres, name, table);
    })(),
  ]);
  if (cluster) engines.clickhouse = openSource('wh', cluster.url);
  if (postgres) engines.postgres = openSource('pg', postgres.url);
});

afterAll(async () => {
  await Promise.all(Object.values(engines).map((e) => e.close()));
  await Promise.all([cluster?.close(), postgres?.close()]);
});

const kinds = [...(clickhouseInstalled ? ['clickhouse'] : []), ...(postgresInstalled ? ['postgres'] : [])];

type Run = { result: RecipeResult; engine: EngineReport | null };

async function onSource(kind: string, recipeId: string, inputs: Record<string, string>, params: Record<string, unknown>): Promise<Run> {
  return runRecipe(getRecipe(recipeId), { inputs, params, executor: tableExecutor(engines[kind]!) });
}

function comparable(result: RecipeResult) {
  return { metrics: result.metrics, tables: result.tables, notes: result.notes, charts: result.charts };
}

describe.skipIf(kinds.length === 0 || cases.length === 0).each(cases)('$recipe on every engine', (c) => {
  let local: Run;
  beforeAll(async () => {
    const recipe = caseRecipe(c);
    const inputs = Object.fromEntries(Object.entries(c.inputs).map(([input, table]) => [input, tables[table]!]));
    local = await runRecipe(recipe, { inputs, params: c.params });
  });

  test('the embedded run pushes its aggregation into DuckDB', () => {
    expect(local.engine).toMatchObject({ source: 'local', kind: 'duckdb', pushdown: true });
    if (c.rowsFetched !== undefined) expect(local.engine!.rows_fetched).toBe(c.rowsFetched);
  });

  test.each(kinds)('on %s: the same numbers, with only the aggregates fetched', async (kind) => {
    const remote = await onSource(kind, c.recipe, c.inputs, c.params);
    expect(differences(comparable(remote.result), comparable(local.result))).toEqual([]);
    expect(remote.engine).toMatchObject({ kind, pushdown: true, rows_fetched: local.engine!.rows_fetched });
    if (kind === 'clickhouse') {
      const read = Object.values(c.inputs).reduce((n, t) => n + tables[t]!.numRows(), 0);
      // ClickHouse counts every row each query scanned, on both shards: at least the whole input
      // once, more for a self-join (retention reads its events twice).
      expect(remote.engine!.rows_read).toBeGreaterThanOrEqual(read);
      expect(remote.engine!.rows_read).toBeLessThanOrEqual(4 * read);
    }
  });
});

describe.skipIf(kinds.length === 0 || !liftPushesDown)('generated SQL on every engine', () => {
  test.each(kinds)('on %s: a column named and valued like SQL is data in lift', async (kind) => {
    const params = { variant: EVIL, control: "control'); DROP TABLE units; --", metrics: ['converted', 'revenue'] };
    const local = await runRecipe(getRecipe('lift'), { inputs: { units: evilUnits }, params });
    const remote = await onSource(kind, 'lift', { units: 'evil_units' }, params);
    expect(differences(comparable(remote.result), comparable(local.result))).toEqual([]);
    expect(remote.engine!.rows_fetched).toBe(2);
    const count = await engines[kind]!.query(`SELECT count(*) AS n FROM ${engines[kind]!.dialect.ident('units')}`);
    expect(Number(count.table.get('n', 0))).toBe(tables.units!.numRows());
  });
});
