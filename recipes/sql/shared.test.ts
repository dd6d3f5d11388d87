import { describe, expect, it } from 'vitest';
import { dialects } from './dialects.js';
import { sharedRelations } from './shared.js';

const body = 'SELECT c, b FROM events GROUP BY c, b';
const join = (s: ReturnType<typeof sharedRelations>) => s.query(`SELECT count(*) FROM ${s.from('lb_pairs')} AS x JOIN ${s.from('lb_pairs')} AS y USING (c)`);

describe('sharedRelations', () => {
  it('on DuckDB: a table the engine builds once, read by name', () => {
    const s = sharedRelations(dialects.duckdb, { lb_pairs: body });
    expect(join(s)).toBe('SELECT count(*) FROM "lb_pairs" AS x JOIN "lb_pairs" AS y USING (c)');
    expect(s.tables).toEqual({ lb_pairs: body });
  });

  it('on Postgres: a materialized CTE in each query that reads it, and no table', () => {
    const s = sharedRelations(dialects.postgres, { lb_pairs: body, lb_other: 'SELECT 1' });
    expect(join(s)).toBe(`WITH "lb_pairs" AS MATERIALIZED (${body}) SELECT count(*) FROM "lb_pairs" AS x JOIN "lb_pairs" AS y USING (c)`);
    expect(s.query('SELECT 1')).toBe('SELECT 1');
    expect(s.tables).toBeUndefined();
  });

  it('on ClickHouse (18.16 has no table CTEs): the subquery inline wherever it is read', () => {
    const s = sharedRelations(dialects.clickhouse, { lb_pairs: body });
    expect(join(s)).toBe(`SELECT count(*) FROM (${body}) AS x JOIN (${body}) AS y USING (c)`);
    expect(s.tables).toBeUndefined();
  });
});
