import * as aq from 'arquero';
import { defineRecipe } from '../define-recipe.js';
import { RecipeInputError, throwIfAborted } from '../errors.js';
import { encode } from '../ml/encoder.js';
import { forward } from '../ml/network.js';
import { topReasons } from '../ml/reasons.js';
import { modelTable, readSavedModel, type SavedModel } from '../ml/saved-model.js';
import type { RecipeResult } from '../types.js';
import { addAttributes } from './attributes.js';
import { calibrationChart, gainsChart, importanceChart } from './charts.js';
import { fromCustomers, fromTransactions, type ChurnData } from './dataset.js';
import { evaluateChurn } from './evaluate.js';
import { fitChurn } from './fit.js';
import { churnNotes } from './notes.js';
import { churnParams, type ChurnParams } from './params.js';
import { roles } from '../column.js';

function buildData(inputs: Record<string, aq.ColumnTable>, params: ChurnParams, signal: AbortSignal, saved?: SavedModel): ChurnData {
  const source = inputs.transactions ? 'transactions' : 'customers';
  if (saved && saved.meta.source !== source) {
    throw new RecipeInputError(`This model was trained on a ${String(saved.meta.source)} table; score it with a ${String(saved.meta.source)} table.`);
  }
  const features = saved?.encoder.features.map((f) => f.name);
  if (source === 'customers') return fromCustomers(inputs.customers, params, !saved, features);
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
  if (attributes.length) addAttributes(data, inputs.customers, params.customer, attributes);
  return data;
}

function gatherRows(X: Float32Array, d: number, rows: ArrayLike<number>): Float32Array {
  const out = new Float32Array(rows.length * d);
  for (let k = 0; k < rows.length; k++) out.set(X.subarray(rows[k] * d, rows[k] * d + d), k * d);
  return out;
}

function shown(value: unknown): string {
  if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value)) || (typeof value === 'string' && value.trim() === '')) return 'missing';
  if (typeof value === 'number') return String(Math.round(value * 100) / 100);
  return String(value);
}

export const churn = defineRecipe({
  id: 'churn',
  title: 'Churn: who is likely to leave, and why?',
  description:
    'Trains a logistic regression or small neural network (TensorFlow.js) on a customers table with a churn label, or on features derived from transactions at a cutoff ' +
    '(label: no order within `window` days). Reports held-out AUC, PR-AUC, log loss, Brier and accuracy against a recency baseline, calibration and gains by decile, ' +
    'permutation importance, and each customer\'s churn probability with its top reasons. Returns the trained model as the table "model"; pass it back as the input "model" to score new customers without training.',
  inputs: [
    {
      name: 'customers',
      description: 'one row per customer: id, feature columns and a 0/1 (yes/no) churn label; given with transactions, only its "attributes" columns are used',
      alternative: 'data',
      roles: roles(churnParams, ['customer', 'label', 'features']),
    },
    {
      name: 'transactions',
      description: 'one row per order: customer, timestamp, amount, category',
      alternative: 'data',
      roles: roles(churnParams, ['customer', 'timestamp', 'amount', 'category']),
    },
    {
      name: 'model',
      description: 'a model a previous churn run returned (its "model" table): score without training',
      optional: true,
      roles: [],
    },
  ],
  params: churnParams,
  async run({ inputs, params, progress, signal, train }): Promise<RecipeResult> {
    const given = inputs.model ? readSavedModel(inputs.model, 'churn') : undefined;
    const data = buildData(inputs, params, signal, given);
    const fitted = given ? undefined : await fitChurn(data, params, { progress, signal, train });
    const saved = given ?? fitted!.saved;
    throwIfAborted(signal);
    progress(0.78, 'scoring customers');
    const n = data.ids.length;
    const d = saved.encoder.columns.length;
    const X = encode(saved.encoder, data.columns);
    const predict = (M: Float32Array) => forward(saved.network, M, M.length / d);
    const p = predict(X);
    const groups = saved.encoder.features.map((_, g) => saved.encoder.columns.flatMap((c, j) => (c.feature === g ? [j] : [])));
    const names = saved.encoder.features.map((f) => f.name);

    const all = Int32Array.from({ length: n }, (_, i) => i);
    const evalRows = fitted ? fitted.split.test : data.y ? all : new Int32Array(0);
    const shownRows = fitted && data.fixedTrain !== undefined ? fitted.split.test : all;
    const testSet = new Set(fitted ? fitted.split.test : []);

    let evaluation;
    if (data.y && evalRows.length) {
      progress(0.8, 'permutation importance');
      const Xe = gatherRows(X, d, evalRows);
      evaluation = evaluateChurn({
        y: Float64Array.from(evalRows, (i) => data.y![i]),
        p: Float64Array.from(evalRows, (i) => p[i]),
        baseline: data.baseline ? Float64Array.from(evalRows, (i) => data.baseline![i]) : undefined,
        pAlive: data.pAlive ? Float64Array.from(evalRows, (i) => data.pAlive![i]) : undefined,
        importance: { X: Xe, n: evalRows.length, d, groups, names, predict },
        seed: params.seed,
        repeats: params.importance_repeats,
        signal,
      });
    }
    throwIfAborted(signal);
    progress(0.92, 'top reasons per customer');
    const reasons = params.reasons
      ? topReasons({
          X: gatherRows(X, d, shownRows),
          n: shownRows.length,
          d,
          groups,
          predict,
          top: params.reasons,
          signal,
          describe: (g, k) => `${names[g]}=${shown(data.columns[names[g]][shownRows[k]])}`,
        })
      : [];
    const predictions: Record<string, unknown[]> = {
      customer: Array.from(shownRows, (i) => data.ids[i]),
      p_churn: Array.from(shownRows, (i) => p[i]),
    };
    if (data.y) predictions.churned = Array.from(shownRows, (i) => data.y![i]);
    if (data.pAlive) predictions.p_alive_bgnbd = Array.from(shownRows, (i) => data.pAlive![i]);
    predictions.set = Array.from(shownRows, (i) => (!fitted ? 'scored' : testSet.has(i) ? 'test' : 'train'));
    for (let r = 0; r < params.reasons; r++) predictions[`reason_${r + 1}`] = reasons.map((row) => row[r]);

    const metrics = {
      model: saved.model,
      n_train: fitted ? fitted.split.train.length : null,
      ...(evaluation?.metrics ?? { n_test: 0 }),
      backend: fitted?.backend ?? null,
    };
    const tables: RecipeResult['tables'] = { predictions: aq.table(predictions) };
    if (evaluation) {
      tables.calibration = aq.from(evaluation.calibration);
      tables.gains = aq.from(evaluation.gains);
      tables.importance = aq.from(evaluation.importance);
    }
    tables.model = modelTable(saved);
    progress(1, 'done');
    return {
      metrics,
      tables,
      charts: evaluation ? [calibrationChart(evaluation.calibration), gainsChart(evaluation.gains), importanceChart(evaluation.importance)] : [],
      notes: [...data.notes, ...churnNotes({ metrics, evaluation, trained: !!fitted, source: data.source, window: params.window })],
    };
  },
});
