import type { ColumnTable } from 'arquero';
import { requireColumn, toNumber } from '../columns.js';
import { RecipeInputError } from '../errors.js';

/**
 * Reads the churn label: 0/1, true/false or yes/no (any case). Anything else — a third value,
 * an empty cell — is an error naming the row, because guessing which value means "churned"
 * would silently flip the model.
 *
 * @example
 * readLabel(aq.table({ churn: ['Yes', 'No'] }), 'customers', 'churn'); // → Float64Array [1, 0]
 */
export function readLabel(table: ColumnTable, input: string, column: string): Float64Array {
  requireColumn(table, input, column, 'label');
  const values = table.array(column) as ArrayLike<unknown>;
  const y = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = toNumber(values[i]);
    if (v !== 0 && v !== 1) {
      throw new RecipeInputError(
        `${input}.${column} (the label column) has ${JSON.stringify(values[i]) ?? 'an empty value'} in row ${i + 1}; churn needs a binary label: 0/1, true/false or yes/no. ` +
          `Fix or drop that row, or name another column with the "label" parameter.`,
      );
    }
    y[i] = v;
  }
  return y;
}

/**
 * Throws unless both classes occur: a model cannot learn churn from churners alone.
 *
 * @example
 * requireBothClasses(Float64Array.of(0, 1), 'customers.churn');
 */
export function requireBothClasses(y: ArrayLike<number>, where: string): void {
  let positives = 0;
  for (let i = 0; i < y.length; i++) positives += y[i];
  if (positives === 0 || positives === y.length) {
    throw new RecipeInputError(
      `${where} is ${positives ? 1 : 0} for all ${y.length} customers: the model needs both churners (1) and customers who stayed (0). ` +
        `Use more customers, another cutoff/window, or check the label column.`,
    );
  }
}
