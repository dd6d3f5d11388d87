import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { RecipeInputError } from '../../recipes/errors.js';
import { parseDelimited, sniffDelimiter } from './parse-delimited.js';
import { inferColumn } from './infer-column.js';

/**
 * Reads CSV/TSV text with a header row into a typed table. The delimiter is sniffed unless given.
 * A row with more or fewer fields than the header is an error naming its record number.
 *
 * @example
 * readDelimited('variant;converted\nA;1\nB;0\n', 'units.csv').numRows(); // → 2
 */
export function readDelimited(text: string, file: string, delimiter = sniffDelimiter(text)): ColumnTable {
  const records = parseDelimited(text, delimiter, file);
  if (records.length === 0) throw new RecipeInputError(`${file} is empty: it needs a header row and at least one data row.`);
  // pandas writes its index column with an empty name; give it one rather than refuse the file.
  const header = records[0].map((h, i) => h.trim() || `column_${i + 1}`);
  if (records.length === 1) throw new RecipeInputError(`${file} has a header row but no data rows.`);
  header.forEach((name, i) => {
    if (header.indexOf(name) !== i) throw new RecipeInputError(`${file}: the header names the column "${name}" twice. Column names must be unique.`);
  });
  for (let r = 1; r < records.length; r++) {
    if (records[r].length !== header.length) {
      const shown = delimiter === '\t' ? 'tab' : `"${delimiter}"`;
      throw new RecipeInputError(
        `${file}: data row ${r} (record ${r + 1} counting the header) has ${records[r].length} fields but the header has ${header.length} (delimiter ${shown}). ` +
          'Quote fields that contain the delimiter or line breaks, or fix the row.',
      );
    }
  }
  const columns: Record<string, unknown[]> = {};
  header.forEach((name, c) => {
    columns[name] = inferColumn(records.slice(1).map((row) => row[c]));
  });
  return aq.table(columns);
}
