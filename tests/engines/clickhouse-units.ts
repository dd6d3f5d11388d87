// A large seeded `units` table generated inside ClickHouse itself, half on each shard, for the
// benchmark: making 10M rows in JS and sending them would time the loader, not the recipe.
// Every value is a function of the row number (cityHash64 with a fixed salt), so each run and each
// machine gets the same table.
import { dialects } from '../../recipes/sql/dialects.js';
import { CLUSTER, type ClickHouseCluster } from './clickhouse-cluster.js';

/** A uniform draw in (0, 1) from the row number and a salt. */
const uniform = (salt: number) => `((cityHash64(number, ${salt}) % 1000000007) + 0.5) / 1000000007`;

/**
 * Creates `name` (Distributed) over `name_local` (MergeTree) with `rows` rows: `customer_id`,
 * `variant` ('control' | 'personalized', 50/50), `converted` (10% vs 12%), `orders`, `revenue`
 * (exponential order values when converted) and `pre_revenue` (correlated with revenue, for CUPED).
 */
export async function generateClickHouseUnits(cluster: ClickHouseCluster, name: string, rows: number): Promise<void> {
  const d = dialects.clickhouse;
  const local = d.ident(`${name}_local`);
  const half = Math.ceil(rows / 2);
  for (const [s, shard] of cluster.shards.entries()) {
    await shard.exec(`DROP TABLE IF EXISTS ${d.ident(name)}`);
    await shard.exec(`DROP TABLE IF EXISTS ${local}`);
    await shard.exec(
      `CREATE TABLE ${local} (customer_id String, variant String, converted Float64, orders Float64, revenue Float64, pre_revenue Float64) ENGINE = MergeTree() ORDER BY tuple()`,
    );
    await shard.exec(`CREATE TABLE ${d.ident(name)} AS ${local} ENGINE = Distributed(${CLUSTER}, default, ${local})`);
    const count = s === 0 ? half : rows - half;
    const treated = `(cityHash64(number, 1) % 2 = 1)`;
    const converted = `(${uniform(2)} < if(${treated}, 0.12, 0.10))`;
    const pre = `-log(${uniform(4)}) * 30`;
    await shard.exec(
      `INSERT INTO ${local} SELECT
         concat('C', toString(number)), if(${treated}, 'personalized', 'control'),
         toFloat64(${converted}), if(${converted}, toFloat64(1 + cityHash64(number, 5) % 3), 0),
         if(${converted}, -log(${uniform(3)}) * 40 + 0.3 * (${pre}), 0), ${pre}
       FROM (SELECT number + ${s * half} AS number FROM system.numbers LIMIT ${count})`,
    );
  }
}
