import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDate } from '../columns.js';
import { dialects } from './dialects.js';
import { dateValue, isMissing } from './values.js';

const sql = dialects.duckdb;
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
afterAll(() => connection.closeSync());

async function column(values: (string | number | null)[], type: 'VARCHAR' | 'DOUBLE', expr: (c: string) => string): Promise<unknown[]> {
  const rows = values.map((v, i) => `(${i}, CAST(${sql.literal(v)} AS ${type}))`).join(', ');
  const result = await connection.runAndReadAll(`SELECT ${expr('v')} AS out FROM (VALUES ${rows}) AS t(i, v) ORDER BY i`);
  return result.getRowObjectsJS().map((r) => r.out);
}

describe('SQL reads column values as the JS row readers do', () => {
  it('dates from text: ISO-8601 with or without a zone, YYYY-MM-DD HH:MM:SS and YYYYMMDD; anything else is NULL', async () => {
    const texts = ['2020-06-10T05:00:00.000Z', '2024-01-01', ' 2024-01-01 ', '2024-01-01 10:20:30', '2024-01-01T00:00:00+02:00', '2024-01-01T10:20+0130', '19970101', 'soon', '2024', '', '2024-01-01Z', null];
    const got = await column(texts, 'VARCHAR', (c) => `${sql.epochSeconds(dateValue(sql, { name: c, type: 'string' }))} * 1000`);
    expect(got).toEqual(texts.map((t) => parseDate(t) ?? null));
  });

  it('dates from numbers: YYYYMMDD integers and epoch milliseconds', async () => {
    const numbers = [19970101, 20241231, 1591765200000, 0];
    const got = await column(numbers, 'DOUBLE', (c) => `${sql.epochSeconds(dateValue(sql, { name: c, type: 'number' }))} * 1000`);
    expect(got).toEqual(numbers.map((n) => parseDate(n)));
  });

  it('missing text is empty or NULL', async () => {
    expect(await column(['a', '', null], 'VARCHAR', (c) => isMissing(sql, { name: c, type: 'string' }))).toEqual([false, true, true]);
  });
});
