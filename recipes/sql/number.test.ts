import { describe, expect, it } from 'vitest';
import { toNumber } from '../columns.js';
import { withLocalEngine } from '../../server/engine/test-engine.js';

/** Text values and what the in-memory reader makes of them (undefined: not a number). */
const NUMBER_TEXTS = [' 12', '1e3', 'lots', '', 'YES', 'no', '-.5', '3.', '+4E-2', 'True', '1,5', 'Infinity', '\t7\n', 'x"; DROP TABLE t; --'];

describe('Dialect.number', () => {
  it('reads text as the in-memory reader does, on the embedded DuckDB', async () => {
    const got = await withLocalEngine({}, async (engine) => {
      const d = engine.dialect;
      const rows = NUMBER_TEXTS.map((v, i) => `SELECT ${i} AS i, ${d.number(d.literal(v))} AS x`).join(' UNION ALL ');
      const out = await engine.query(`SELECT x FROM (${rows}) AS t ORDER BY i`);
      return Array.from(out.table.array('x') as ArrayLike<number | null>);
    });
    expect(got).toEqual(NUMBER_TEXTS.map((v) => toNumber(v) ?? null));
  });
});
