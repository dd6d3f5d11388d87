import { describe, expect, it } from 'vitest';
import { analyzeCell } from './analyze.js';
import { cellSources, parseNotebook, serializeNotebook } from './format.js';
import { setCellAttrs, updateCellCode } from './edit.js';
import { cellHash } from './snapshot.js';
import { isResultName, sqlTemplate } from './sql-cell.js';
import type { CellBlock } from './types.js';

const NOTEBOOK = `# Weekly units

\`\`\`sql id=by_week source=wh
SELECT date_trunc('week', day) AS week, count(*) AS n
FROM units
WHERE day >= \${since} -- \${not_a_param}
GROUP BY 1
\`\`\`

\`\`\`sql id=everything
SELECT * FROM "shop/units"
\`\`\`

\`\`\`js id=c1
by_week.numRows()
\`\`\`
`;

describe('SQL cells in the file format', () => {
  it('reads ```sql id=… source=… as a cell; a SQL cell without source= runs on local', () => {
    const doc = parseNotebook(NOTEBOOK);
    expect(doc.diagnostics).toEqual([]);
    const cells = doc.blocks.filter((b): b is CellBlock => b.kind === 'cell');
    expect(cells.map((c) => [c.id, c.lang, c.attrs])).toEqual([
      ['by_week', 'sql', { source: 'wh' }],
      ['everything', 'sql', {}],
      ['c1', 'js', {}],
    ]);
    expect(cellSources(doc).map((c) => c.source)).toEqual(['wh', 'local', undefined]);
  });

  it('parse → serialize is lossless with SQL cells, and edits re-render only the edited cell', () => {
    expect(serializeNotebook(parseNotebook(NOTEBOOK))).toBe(NOTEBOOK);
    const crlf = NOTEBOOK.replace(/\n/g, '\r\n');
    expect(serializeNotebook(parseNotebook(crlf))).toBe(crlf);
    const moved = setCellAttrs(parseNotebook(NOTEBOOK), 'everything', { source: 'pg' });
    expect(serializeNotebook(moved)).toBe(NOTEBOOK.replace('```sql id=everything', '```sql id=everything source=pg'));
    const edited = updateCellCode(parseNotebook(NOTEBOOK), 'everything', 'SELECT 1');
    expect(serializeNotebook(edited)).toBe(NOTEBOOK.replace('SELECT * FROM "shop/units"', 'SELECT 1'));
    expect(serializeNotebook(parseNotebook(serializeNotebook(edited)))).toBe(serializeNotebook(edited));
  });

  it('a SQL cell with an id that cannot name its result is still a cell, with an error on it', () => {
    const doc = parseNotebook('```sql id=by-week\nSELECT 1\n```\n');
    const [cell] = cellSources(doc);
    expect(cell.lang).toBe('sql');
    expect(analyzeCell(cell.code, 'sql', cell).error?.message).toMatch(/"by-week" is not a valid name.*e\.g\. by_week/);
    expect(isResultName('class')).toBe(false);
    expect(isResultName('_x$1')).toBe(true);
  });

  it('the code hash covers the source: the same SQL on another source is another result', () => {
    const doc = parseNotebook(NOTEBOOK);
    const before = cellHash(doc.blocks[3] as CellBlock);
    const after = cellHash(setCellAttrs(doc, 'everything', { source: 'pg' }).blocks[3] as CellBlock);
    expect(after).not.toBe(before);
    expect(cellHash(cellSources(doc)[1])).toBe(before);
  });
});

describe('sqlTemplate', () => {
  it('turns each ${…} into the next $n placeholder and keeps the expression to bind', () => {
    expect(sqlTemplate('SELECT * FROM t WHERE a = ${x} AND b IN (${ y.map((v) => v * 2) }, ${x})')).toEqual({
      sql: 'SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)',
      params: [
        { expr: 'x', line: 1 },
        { expr: ' y.map((v) => v * 2)', line: 1 },
        { expr: 'x', line: 1 },
      ],
    });
  });

  it('leaves ${…} in comments alone and refuses it inside quotes, naming the fix', () => {
    expect(sqlTemplate('SELECT 1 -- ${a}\n/* ${b} */').params).toEqual([]);
    const quoted = sqlTemplate("SELECT 1\nWHERE s = 'it''s ${name}'");
    expect(quoted.error).toMatchObject({ line: 2, column: 18 });
    expect(quoted.error?.message).toMatch(/inside a string is not substituted: write it without the quotes/);
    expect(sqlTemplate('SELECT "${col}"').error?.message).toMatch(/inside a quoted name/);
  });

  it('a value that looks like SQL is never spliced: it only becomes a parameter', () => {
    const t = sqlTemplate("SELECT * FROM t WHERE name = ${\"x'; DROP TABLE t; --\"}");
    expect(t.sql).toBe('SELECT * FROM t WHERE name = $1');
    expect(t.params[0].expr).toContain('DROP TABLE');
  });

  it('reports a broken interpolation with its line', () => {
    expect(sqlTemplate('SELECT\n${a +}').error).toMatchObject({ line: 2 });
    expect(sqlTemplate('SELECT ${a b}').error?.message).toMatch(/not closed/);
  });
});

describe('analyzing a SQL cell', () => {
  it('defines its id and reads the names in its interpolations (so it depends on them)', () => {
    const a = analyzeCell('SELECT *\nFROM t\nWHERE n > ${min} AND arm = ${arms[0]}', 'sql', { id: 'big', source: 'wh' });
    expect(a.error).toBeUndefined();
    expect(a.defines).toEqual(['big']);
    expect(a.references.filter((n) => !n.startsWith('__lb'))).toEqual(['min', 'arms']);
    expect(a.body).toContain('"wh"');
    expect(a.body).toContain('"SELECT *\\nFROM t\\nWHERE n > $1 AND arm = $2"');
  });
});
