// Puts one Arquero table into the test databases with the same column types everywhere: numbers
// as 64-bit floats, text, booleans, and timestamps (Date values, UTC, whole seconds as
// ClickHouse 18.16's DateTime keeps them). On ClickHouse the rows alternate between the two
// shards' MergeTree tables and a Distributed table of the given name spans both.
import type { ColumnTable } from 'arquero';
import { dialects } from '../../recipes/sql/dialects.js';
import { CLUSTER, type ClickHouseCluster } from './clickhouse-cluster.js';
import type { PostgresServer } from './postgres-server.js';

type Kind = 'number' | 'string' | 'boolean' | 'date';

interface Column {
  name: string;
  kind: Kind;
  nullable: boolean;
  values: unknown[];
}

function columnsOf(table: ColumnTable): Column[] {
  return table.columnNames().map((name) => {
    const values = table.array(name) as unknown[];
    let kind: Kind | null = null;
    let nullable = false;
    for (const v of values) {
      if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) {
        nullable = true;
        continue;
      }
      const k: Kind = v instanceof Date ? 'date' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string';
      if (kind && kind !== k) throw new Error(`Column ${name} mixes ${kind} and ${k} values; give it one type.`);
      kind = k;
    }
    return { name, kind: kind ?? 'string', nullable, values };
  });
}

const isNull = (v: unknown) => v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));

const chType = (c: Column) => {
  const base = { number: 'Float64', string: 'String', boolean: 'UInt8', date: 'DateTime' }[c.kind];
  return c.nullable ? `Nullable(${base})` : base;
};
const pgType = (c: Column) => ({ number: 'DOUBLE PRECISION', string: 'TEXT', boolean: 'BOOLEAN', date: 'TIMESTAMP' })[c.kind];

const chDateTime = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');

function tsvValue(c: Column, v: unknown): string {
  if (isNull(v)) return '\\N';
  if (c.kind === 'date') return chDateTime(v as Date);
  if (c.kind === 'boolean') return v ? '1' : '0';
  if (c.kind === 'number') return String(v);
  return String(v).replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n').replaceAll('\r', '\\r');
}

/** Creates `name` on both shards (MergeTree `name_local` + Distributed `name`) and inserts the rows. */
export async function loadClickHouse(cluster: ClickHouseCluster, name: string, table: ColumnTable): Promise<void> {
  const d = dialects.clickhouse;
  const columns = columnsOf(table);
  const local = `${name}_local`;
  const defs = columns.map((c) => `${d.ident(c.name)} ${chType(c)}`).join(', ');
  const rows = table.numRows();
  for (const [s, shard] of cluster.shards.entries()) {
    await shard.exec(`DROP TABLE IF EXISTS ${d.ident(name)}`);
    await shard.exec(`DROP TABLE IF EXISTS ${d.ident(local)}`);
    await shard.exec(`CREATE TABLE ${d.ident(local)} (${defs}) ENGINE = MergeTree() ORDER BY tuple()`);
    await shard.exec(`CREATE TABLE ${d.ident(name)} AS ${d.ident(local)} ENGINE = Distributed(${CLUSTER}, default, ${d.ident(local)})`);
    const batch = 200_000;
    for (let start = s; start < rows; start += batch * 2) {
      const lines: string[] = [];
      for (let i = start; i < Math.min(rows, start + batch * 2); i += 2) {
        lines.push(columns.map((c) => tsvValue(c, c.values[i])).join('\t'));
      }
      if (lines.length) await shard.exec(`INSERT INTO ${d.ident(local)} FORMAT TabSeparated`, lines.join('\n') + '\n');
    }
  }
}

/** Creates `name` in the `shop` database, owned by the engine tests' user, and inserts the rows. */
export async function loadPostgres(server: PostgresServer, name: string, table: ColumnTable): Promise<void> {
  const d = dialects.postgres;
  const columns = columnsOf(table);
  await server.exec(`DROP TABLE IF EXISTS ${d.ident(name)}`);
  await server.exec(`CREATE TABLE ${d.ident(name)} (${columns.map((c) => `${d.ident(c.name)} ${pgType(c)}`).join(', ')})`);
  await server.exec(`ALTER TABLE ${d.ident(name)} OWNER TO liftbook`);
  const rows = table.numRows();
  const perBatch = Math.max(1, Math.floor(30_000 / Math.max(1, columns.length)));
  for (let start = 0; start < rows; start += perBatch) {
    const end = Math.min(rows, start + perBatch);
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (let i = start; i < end; i++) {
      tuples.push(`(${columns.map((c) => {
        const v = c.values[i];
        params.push(isNull(v) ? null : c.kind === 'date' ? chDateTime(v as Date) : v);
        return `$${params.length}`;
      }).join(', ')})`);
    }
    await server.exec(`INSERT INTO ${d.ident(name)} VALUES ${tuples.join(', ')}`, params);
  }
}
