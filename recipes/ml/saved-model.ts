import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { z } from 'zod';
import { RecipeInputError } from '../errors.js';
import type { EncoderState } from './encoder.js';
import type { Network } from './network.js';

/**
 * A trained model as one JSON document: the encoder state (imputation, levels, scaling) and the
 * network weights, plus what the recipe needs to rebuild its inputs. A recipe returns it as a
 * one-row table `model` (column `model` holding the JSON), so it travels with the other tables —
 * `liftbook run … --json`, the API, a notebook variable — and comes back as the optional input
 * table `model` to score new customers without training.
 */

export interface SavedModel {
  format: 'liftbook-model';
  version: 1;
  recipe: string;
  model: string;
  encoder: EncoderState;
  network: Network;
  /** Recipe-specific settings needed to score (label, source, window, …) and training facts. */
  meta: Record<string, unknown>;
}

const layer = z.object({
  inputs: z.number().int().positive(),
  units: z.number().int().positive(),
  kernel: z.array(z.number()),
  bias: z.array(z.number()),
  activation: z.enum(['relu', 'sigmoid', 'linear']),
});
const feature = z.union([
  z.object({ name: z.string(), kind: z.literal('numeric'), fill: z.number(), indicator: z.boolean() }),
  z.object({ name: z.string(), kind: z.literal('categorical'), levels: z.array(z.string()) }),
]);
const schema = z.object({
  format: z.literal('liftbook-model'),
  version: z.literal(1),
  recipe: z.string(),
  model: z.string(),
  encoder: z.object({
    features: z.array(feature),
    columns: z.array(z.object({ name: z.string(), feature: z.number().int(), mean: z.number(), sd: z.number() })),
  }),
  network: z.object({ layers: z.array(layer).min(1) }),
  meta: z.record(z.string(), z.unknown()),
});

/**
 * The one-row table that carries a saved model.
 *
 * @example
 * const table = modelTable(saved); table.get('model', 0); // → '{"format":"liftbook-model",…}'
 */
export function modelTable(saved: SavedModel): ColumnTable {
  return aq.table({ model: [JSON.stringify(saved)] });
}

function invalid(recipe: string, why: string): RecipeInputError {
  return new RecipeInputError(
    `The "model" input is not a saved ${recipe} model: ${why}. Pass the "model" table a previous ${recipe} run returned (one row, column "model" with its JSON).`,
  );
}

/**
 * Reads and checks a saved model from a `model` table (or its JSON text / object).
 *
 * @example
 * const saved = readSavedModel(previous.tables.model, 'churn');
 */
export function readSavedModel(source: ColumnTable | string | object, recipe: string): SavedModel {
  let value: unknown = source;
  if (value && typeof value === 'object' && 'numRows' in value && typeof (value as ColumnTable).numRows === 'function') {
    const table = value as ColumnTable;
    if (!table.columnNames().includes('model') || table.numRows() !== 1) throw invalid(recipe, 'it needs exactly one row and a column "model"');
    value = table.get('model', 0);
  }
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw invalid(recipe, 'its text is not JSON');
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(recipe, parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).slice(0, 3).join('; '));
  const saved = parsed.data as SavedModel;
  if (saved.recipe !== recipe) throw invalid(recipe, `it was trained by the ${saved.recipe} recipe`);
  const layers = saved.network.layers;
  const fits =
    layers[0].inputs === saved.encoder.columns.length &&
    layers.every((l, i) => l.kernel.length === l.inputs * l.units && l.bias.length === l.units && (i === 0 || l.inputs === layers[i - 1].units)) &&
    layers[layers.length - 1].units === 1;
  if (!fits) throw invalid(recipe, 'its layer sizes do not fit together');
  return saved;
}
