import type { ColumnTable } from 'arquero';
import { numberColumn, requireRows, stringColumn } from '../columns.js';
import { RecipeInputError } from '../errors.js';

/**
 * The brand profile as a vector over `dims`, from the `brand` table (dimension, weight) or the
 * `brand` parameter; null when neither is given. Unknown dimensions are an error, not ignored,
 * because a typo would silently lower every alignment score.
 *
 * @example
 * readBrand(undefined, { collecting: 2, prestige: 1 }, ['collecting', 'prestige', 'value']); // → [2, 1, 0]
 */
export function readBrand(table: ColumnTable | undefined, param: Record<string, number> | undefined, dims: string[]): number[] | null {
  if (table && param) throw new RecipeInputError('Give the brand profile once: either the "brand" table or the "brand" parameter, not both.');
  let entries: [string, number][];
  if (table) {
    requireRows(table, 'brand');
    const names = stringColumn(table, 'brand', 'dimension', 'dimension');
    const weights = numberColumn(table, 'brand', 'weight', 'weight');
    entries = names.map((n, i) => [n, weights[i]!]);
  } else if (param) entries = Object.entries(param);
  else return null;
  const vec = dims.map(() => 0);
  for (const [d, w] of entries) {
    const i = dims.indexOf(d);
    if (i < 0) throw new RecipeInputError(`The brand profile names dimension "${d}", which is not among the dimensions used (${dims.join(', ')}). Fix the name or add it to "dimensions".`);
    if (!(w >= 0)) throw new RecipeInputError(`The brand weight of "${d}" is ${w}; brand weights must be numbers ≥ 0.`);
    vec[i]! += w;
  }
  if (vec.every((w) => w === 0)) throw new RecipeInputError('The brand profile has no positive weight; give at least one dimension a weight above 0.');
  return vec;
}
