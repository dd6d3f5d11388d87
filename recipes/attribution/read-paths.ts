import type { ColumnTable } from 'arquero';
import { RecipeInputError } from '../errors.js';
import { numberColumn, requireRows, stringColumn } from '../columns.js';
import { optionalColumn } from '../stats/roles.js';
import { channelIndex, type Journeys } from './journeys.js';
import type { AttributionParams } from './params.js';
import { columnName, defaultColumn } from '../column.js';
import { attributionParams } from './params.js';

/**
 * Reads aggregated paths ("a > b > c", conversions, value, nulls). The separator is matched with
 * or without the spaces around it, and channel names are trimmed, as ChannelAttribution does.
 * `value` and `nulls` are optional (0 when absent).
 *
 * @example
 * readPaths(aq.from([{ path: 'email > search', conversions: 2, nulls: 5 }]), params).journeys;
 */
export function readPaths(table: ColumnTable, p: AttributionParams): Journeys {
  requireRows(table, 'paths');
  const pathCol = columnName(attributionParams, p, 'path');
  const paths = stringColumn(table, 'paths', pathCol, 'path');
  const conversions = numberColumn(table, 'paths', columnName(attributionParams, p, 'conversions'), 'conversions');
  const valueCol = optionalColumn(table, 'paths', 'value', p.value, defaultColumn(attributionParams, 'value'));
  const nullsCol = optionalColumn(table, 'paths', 'nulls', p.nulls, defaultColumn(attributionParams, 'nulls'));
  const value = valueCol ? numberColumn(table, 'paths', valueCol, 'value', { missing: 'nan' }) : null;
  const nulls = nullsCol ? numberColumn(table, 'paths', nullsCol, 'nulls', { missing: 'nan' }) : null;
  const sep = p.separator.trim() || p.separator;
  const ids = channelIndex();
  const journeys = paths.map((path, i) => {
    const names = path.split(sep).map((s) => s.trim());
    if (names.some((n) => n === '')) {
      throw new RecipeInputError(`paths.${pathCol} has an empty channel in row ${i + 1} ("${path}"): check the "separator" parameter (now "${p.separator}").`);
    }
    const c = conversions[i]!;
    const n = nulls ? (Number.isNaN(nulls[i]!) ? 0 : nulls[i]!) : 0;
    if (c < 0 || n < 0) throw new RecipeInputError(`paths row ${i + 1} has a negative count (conversions ${c}, nulls ${n}); counts cannot be negative.`);
    const v = value ? (Number.isNaN(value[i]!) ? 0 : value[i]!) : 0;
    return { touches: names.map((name) => ids.id(name)), conversions: c, value: v, nulls: n };
  });
  return { channels: ids.channels, journeys };
}
