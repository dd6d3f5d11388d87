import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runNotebookFile } from '../../server/cli/notebook-host.js';
import { notebookReportHtml } from '../../server/report/notebook-report.js';

// SQL cells in `liftbook run`: a file next to the notebook and a bundled dataset as tables, ${…}
// bound as parameters, a JS cell reading the result, and the errors a notebook author can meet.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'liftbook-sql-run-'));
  await writeFile(path.join(dir, 'orders.csv'), 'id,amount,day\n1,9.5,2025-01-02\n2,3,2025-01-03\n3,12.25,2025-01-05\n4,1,2025-01-09\n');
  await writeFile(
    path.join(dir, 'sql.md'),
    [
      '---',
      'params:',
      '  min: 2',
      '---',
      '```sql id=big',
      'SELECT id, amount FROM "orders.csv"',
      'WHERE amount > ${min} -- ${not_a_param}',
      'ORDER BY id',
      '```',
      '',
      '```js id=total',
      'big.rollup({ s: op.sum("amount") }).get("s", 0)',
      '```',
      '',
      '```sql id=arms',
      'SELECT "VisitorType", count(*) AS n FROM "open/online_shoppers_intention" WHERE "VisitorType" = ${big.numRows() > 0 ? "New_Visitor" : "none"} GROUP BY 1',
      '```',
      '',
      '```sql id=sneaky',
      "SELECT * FROM read_csv('/etc/passwd')",
      '```',
      '',
      '```sql id=remote source=wh',
      'SELECT 1',
      '```',
      '',
      '```sql id=down source=pg',
      'SELECT 1',
      '```',
      '',
    ].join('\n'),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('liftbook run with SQL cells', () => {
  it('runs SQL on the files next to the notebook and the bundled datasets, feeding JS cells', async () => {
    const run = await runNotebookFile(path.join(dir, 'sql.md'), { min: '3' }, undefined, { sources: { pg: 'postgres://reader:Run-pw4@127.0.0.1:1/shop' } });
    const cell = (id: string) => run.cells.find((c) => c.id === id)!;
    expect(cell('big')).toMatchObject({ status: 'done', value: { kind: 'table', columns: ['id', 'amount'], numRows: 2, rows: [{ id: 1, amount: 9.5 }, { id: 3, amount: 12.25 }] } });
    expect(cell('total')).toMatchObject({ status: 'done', value: { kind: 'json', json: 21.75 } });
    expect(cell('arms')).toMatchObject({ status: 'done', value: { kind: 'table', numRows: 1, rows: [{ VisitorType: 'New_Visitor', n: expect.any(Number) }] } });
    expect(cell('sneaky')).toMatchObject({ status: 'error', error: { message: expect.stringMatching(/read_csv\(\) is not allowed/) } });
    expect(cell('remote')).toMatchObject({ status: 'error', error: { message: 'There is no source "wh": run with --source wh=URL or set LIFTBOOK_SOURCE_WH=URL (e.g. clickhouse://user:password@host:8123/database).' } });
    expect(cell('down')).toMatchObject({ status: 'error', error: { message: expect.stringMatching(/^Source "pg" \(postgres:\/\/reader:\*\*\*@127\.0\.0\.1:1\/shop\) cannot be reached/) } });
    expect(JSON.stringify(run.cells)).not.toContain('Run-pw4');
    const html = await notebookReportHtml(run.doc, Object.fromEntries(run.cells.map((c) => [c.id, c])));
    expect(html).toContain('big · SQL on local · done');
    expect(html).toContain('12.25');
  }, 120_000);
});
