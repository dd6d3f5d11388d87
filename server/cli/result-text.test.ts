import { describe, expect, it } from 'vitest';
import { resultText } from './result-text.js';
import { textTable } from './text-table.js';

describe('resultText', () => {
  it('says how many rows a table has when it was given only the first ones', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ customer: `c${i}`, clv: i / 3 }));
    const text = resultText({ recipe: 'clv', params: {}, metrics: { customers: 467384 }, tables: { customers: rows }, charts: [], notes: [] }, { customers: 467384 });
    expect(text).toContain('Table customers (467384 rows)');
    expect(text).toContain('… 467364 more rows (467384 in all; use --format json for every row)');
    expect(text).toMatch(/c19\s+6\.333/);
  });

  it('counts the rows it was given when no count is known', () => {
    const rows = Array.from({ length: 25 }, (_, i) => ({ n: i }));
    expect(textTable(rows)).toContain('… 5 more rows (25 in all');
    expect(textTable(rows.slice(0, 3))).not.toContain('more rows');
  });
});
