import { describe, expect, it } from 'vitest';
import { RecipeInputError } from '../errors.js';
import { dialects } from './dialects.js';
import * as aq from 'arquero';
import { withLocalEngine } from '../../server/engine/test-engine.js';
import { aliases, aliasPrefix, badRows, countWhere, momentSums, numeric, optionalRelationColumn, relationColumn } from './relation.js';
import type { SqlRelation } from '../types.js';

const units: SqlRelation = {
  from: '"units"',
  columns: [
    { name: 'arm', type: 'string' },
    { name: 'revenue', type: 'number' },
    { name: 'clicked', type: 'boolean' },
    { name: 'day', type: 'date' },
  ],
};
const sql = dialects.duckdb;

describe('relation roles', () => {
  it('a missing column names the role, the columns there are and the fix, as in memory', () => {
    expect(() => relationColumn(units, 'units', 'variant', 'variant')).toThrow(RecipeInputError);
    expect(() => relationColumn(units, 'units', 'variant', 'variant')).toThrow(/units has no column "variant" \(the variant column\)\. Its columns are "arm", "revenue", "clicked", "day"\. .*--param variant=<column>/);
    expect(relationColumn(units, 'units', 'arm', 'variant')).toEqual({ name: 'arm', type: 'string' });
  });

  it('an optional role must exist when named and is skipped when its default is absent', () => {
    expect(optionalRelationColumn(units, 'units', 'clv', undefined, 'clv')).toBeNull();
    expect(optionalRelationColumn(units, 'units', 'revenue', undefined, 'revenue')?.name).toBe('revenue');
    expect(() => optionalRelationColumn(units, 'units', 'clv', 'ltv', 'clv')).toThrow(/units has no column "ltv" \(the clv column\)/);
  });

  it('numbers are doubles, booleans 0/1, text is parsed, and dates are refused before any query runs', () => {
    expect(numeric(sql, units.columns[1]!, 'units', 'revenue')).toBe('CAST("revenue" AS DOUBLE)');
    expect(numeric(sql, units.columns[2]!, 'units', 'converted')).toBe('(CASE WHEN "clicked" THEN 1.0 WHEN NOT "clicked" THEN 0.0 ELSE NULL END)');
    expect(numeric(sql, units.columns[0]!, 'units', 'revenue')).toBe(sql.number('"arm"'));
    expect(() => numeric(sql, units.columns[3]!, 'units', 'revenue')).toThrow(/units\.day \(the revenue column\) holds dates, not numbers\. .*point "revenue" at another column/);
  });

  it('quotes every name it writes, whatever the name holds', () => {
    const evil = { name: 'x"; DROP TABLE units; --', type: 'number' as const };
    expect(numeric(sql, evil, 'units', 'revenue')).toBe('CAST("x""; DROP TABLE units; --" AS DOUBLE)');
    expect(numeric(dialects.clickhouse, { name: 'a`b', type: 'number' }, 'units', 'revenue')).toBe('toFloat64(`a\\`b`)');
    expect(countWhere(dialects.postgres, '"x" IS NULL')).toBe('CAST(sum(CASE WHEN "x" IS NULL THEN 1 ELSE 0 END) AS DOUBLE PRECISION)');
  });

  it('aggregate names cannot be shadowed by an input column (ClickHouse resolves aliases anywhere)', () => {
    expect(aliases(dialects.clickhouse, units)('n')).toBe('`lb_n`');
    const shadow = { from: 't', columns: [{ name: 'lb_sum', type: 'number' as const }, { name: 'LB1_x', type: 'number' as const }] };
    expect(aliasPrefix([shadow])).toBe('lb2_');
    expect(aliases(sql, units, shadow)('n')).toBe('"lb2_n"');
  });

  it('a validation count reads as the in-memory row error, with a count instead of a row number', () => {
    expect(badRows('units', 'revenue', 'revenue', null, 1, 'a number').message).toBe('units.revenue (the revenue column) has null in 1 row, which is not a number. Fix or remove that row, or point "revenue" at another column.');
    expect(badRows('units', 'converted', 'converted', 2, 3, '0 or 1').message).toMatch(/has 2 in 3 rows, which is not 0 or 1\. Fix or remove those rows/);
  });

  it('moment sums are n, Σy and Σy² per group, on the embedded DuckDB', async () => {
    const table = aq.table({ arm: ['a', 'a', 'b', 'a', 'b'], revenue: [1, 2, 10, 4, 0.5] });
    const rows = await withLocalEngine({ t: table }, async (engine) => {
      const d = engine.dialect;
      const rel: SqlRelation = { from: '"t"', columns: [{ name: 'arm', type: 'string' }, { name: 'revenue', type: 'number' }] };
      const as = aliases(d, rel);
      const y = numeric(d, rel.columns[1]!, 't', 'revenue');
      const out = await engine.query(`SELECT "arm", ${momentSums(d, as, y).join(', ')} FROM ${rel.from} GROUP BY "arm" ORDER BY "arm"`);
      return out.table.objects();
    });
    expect(rows).toEqual([
      { arm: 'a', lb_n: 3, lb_sum: 7, lb_sum_squares: 21 },
      { arm: 'b', lb_n: 2, lb_sum: 10.5, lb_sum_squares: 100.25 },
    ]);
  });
});
