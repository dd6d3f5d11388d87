import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { ResultColumns } from './duckdb-chunk.js';
import { jsValues } from './duckdb-values.js';

const SQL = `SELECT i,
  CASE WHEN i % 7 = 0 THEN NULL ELSE i / 3 END::DOUBLE AS d,
  (i * 0.5)::FLOAT AS f,
  CASE WHEN i % 5 = 0 THEN NULL ELSE i - 2500 END::INTEGER AS n32,
  (i % 100 - 50)::TINYINT AS n8,
  (i % 60000)::USMALLINT AS u16,
  CASE WHEN i % 11 = 0 THEN NULL ELSE i * 1000000007 END::BIGINT AS n64,
  (i * 3)::UBIGINT AS u64,
  CASE WHEN i % 3 = 0 THEN NULL ELSE 'c' || i END AS text,
  DATE '2025-01-01' + (i % 365)::INTEGER AS day
  FROM range(5000) t(i)`;

describe('ResultColumns', () => {
  it('reads every type as convertColumns(jsValues) does, nulls and all, over several chunks', async () => {
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    const read = await connection.stream(SQL);
    const names = read.deduplicatedColumnNames();
    const fast = new ResultColumns(names.length);
    const slow: unknown[][] = names.map(() => []);
    let converted = 0;
    for (let chunk; (chunk = await read.fetchChunk()) && chunk.rowCount > 0; ) {
      const convert = chunk.convertColumnValues.bind(chunk);
      chunk.convertColumnValues = (c, converter) => {
        converted++;
        return convert(c, converter);
      };
      fast.append(chunk, chunk.rowCount);
      chunk.convertColumnValues = convert;
      chunk.convertColumns(jsValues).forEach((column, c) => slow[c]!.push(...column));
    }
    expect(fast.rows).toBe(5000);
    const columns = fast.arrays();
    names.forEach((name, c) => expect({ [name]: columns[c] }).toEqual({ [name]: slow[c] }));
    expect(columns[1]![7]).toBeNull();
    expect(columns[6]![12]).toBe(12 * 1000000007);
    // Only the text and date columns went value by value (once per chunk each).
    expect(converted).toBe(2 * Math.ceil(5000 / 2048));
    // Emptied for the next batch.
    expect([fast.rows, fast.arrays()[0]!.length]).toEqual([0, 0]);
    connection.closeSync();
  });

  it('takes only the first rows of a chunk when told to', async () => {
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    const read = await connection.stream('SELECT i::DOUBLE AS x, CASE WHEN i = 1 THEN NULL ELSE i END::DOUBLE AS y, i::VARCHAR AS s FROM range(10) t(i)');
    const columns = new ResultColumns(3);
    columns.append((await read.fetchChunk())!, 3);
    expect(columns.arrays()).toEqual([[0, 1, 2], [0, null, 2], ['0', '1', '2']]);
    connection.closeSync();
  });
});
