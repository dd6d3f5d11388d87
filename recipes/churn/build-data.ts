import type { ColumnTable } from 'arquero';
import { RecipeInputError } from '../errors.js';
import type { SavedModel } from '../ml/saved-model.js';
import { addAttributes } from './attributes.js';
import { fromCustomers, fromTransactions, type ChurnData } from './dataset.js';
import type { ChurnParams } from './params.js';

/**
 * The modelling table from the customers or the transactions input (with customer attributes
 * added when named), checked against the source and features of a saved model when scoring one.
 *
 * @example
 * buildData({ transactions }, params, signal);
 */
export function buildData(inputs: Record<string, ColumnTable>, params: ChurnParams, signal: AbortSignal, saved?: SavedModel): ChurnData {
  const source = inputs.transactions ? 'transactions' : 'customers';
  if (saved && saved.meta.source !== source) {
    throw new RecipeInputError(`This model was trained on a ${String(saved.meta.source)} table; score it with a ${String(saved.meta.source)} table.`);
  }
  const features = saved?.encoder.features.map((f) => f.name);
  if (source === 'customers') return fromCustomers(inputs.customers!, params, !saved, features);
  const attributes = saved ? ((saved.meta.attributes as string[] | undefined) ?? []) : params.attributes;
  if (inputs.customers && !attributes.length) {
    throw new RecipeInputError(
      'Given both "customers" and "transactions", churn derives features from the transactions and adds the customers columns named in "attributes" (e.g. ["segment","device"]). Name them, or give only one table.',
    );
  }
  if (attributes.length && !inputs.customers) {
    throw new RecipeInputError(`The attributes ${attributes.map((a) => `"${a}"`).join(', ')} come from a customers table; give the "customers" input too.`);
  }
  const derived = (features ?? params.features)?.filter((f) => !attributes.includes(f));
  const categories = saved ? (saved.meta.categories as string[]) : undefined;
  const data = fromTransactions(inputs.transactions, params, { needLabel: !saved, categories, features: derived, signal });
  if (attributes.length) addAttributes(data, inputs.customers!, params.customer, attributes);
  return data;
}
