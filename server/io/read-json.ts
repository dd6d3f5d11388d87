import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { RecipeInputError } from '../../recipes/errors.js';
import { parseDate } from '../../recipes/columns.js';
import { ISO_DATE } from './infer-column.js';


/**
 * Reads a JSON array of row objects (as `liftbook generate --format json` writes). Columns are the
 * union of the rows' keys; a key missing from a row is null. String columns that hold only ISO
 * dates become Dates, as in CSV files.
 *
 * @example
 * readJsonRows('[{"variant":"A","converted":1}]', 'units.json').numRows(); // → 1
 */
export function readJsonRows(text: string, file: string): ColumnTable {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new RecipeInputError(`${file} is not valid JSON (${(error as Error).message}).`);
  }
  if (!Array.isArray(data)) {
    throw new RecipeInputError(`${file} must hold a JSON array of row objects, like [{"variant": "A", "converted": 1}, …].`);
  }
  if (data.length === 0) throw new RecipeInputError(`${file} has no rows (an empty array).`);
  return rowsToTable(data, file);
}

/**
 * Builds a table from row objects: columns are the union of the rows' keys (missing → null);
 * string columns holding only ISO dates become Dates.
 *
 * @example
 * rowsToTable([{ day: '2025-01-01', n: 3 }], 'rows').get('day', 0); // → Date(2025-01-01T00:00:00Z)
 */
export function rowsToTable(data: unknown[], file: string): ColumnTable {
  const names = new Set<string>();
  data.forEach((row, i) => {
    if (!row || typeof row !== 'object' || Array.isArray(row)) {
      throw new RecipeInputError(`${file}: row ${i + 1} is not an object. Every element of the array must be an object of column: value.`);
    }
    for (const key of Object.keys(row)) names.add(key);
  });
  const rows = data as Record<string, unknown>[];
  const columns: Record<string, unknown[]> = {};
  for (const name of names) {
    const values = rows.map((r) => (r[name] === undefined ? null : r[name]));
    const present = values.filter((v) => v !== null);
    const dates = present.length > 0 && present.every((v) => typeof v === 'string' && ISO_DATE.test(v) && parseDate(v) !== undefined);
    columns[name] = dates ? values.map((v) => (v === null ? null : new Date(parseDate(v) as number))) : values;
  }
  return aq.table(columns);
}
