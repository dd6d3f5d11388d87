/**
 * Writes row objects as CSV (RFC 4180): a header of every key in first-seen order, fields quoted
 * when they hold a comma, quote or line break, null/undefined as empty, Dates as ISO strings.
 *
 * @example
 * rowsToCsv([{ a: 1, b: 'x, y' }]); // → 'a,b\n1,"x, y"\n'
 */
export function rowsToCsv(rows: Record<string, unknown>[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c])).join(','));
  return lines.join('\n') + '\n';
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
