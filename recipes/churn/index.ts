import * as aq from 'arquero';
import { roles } from '../column.js';
import { defineRecipe } from '../define-recipe.js';
import { throwIfAborted } from '../errors.js';
import { modelTable, readSavedModel } from '../ml/saved-model.js';
import type { RecipeResult } from '../types.js';
import { buildData } from './build-data.js';
import { calibrationChart, gainsChart, importanceChart } from './charts.js';
import { customerReasons } from './customer-reasons.js';
import { fitChurn } from './fit.js';
import { heldOutEvaluation } from './held-out.js';
import { churnNotes } from './notes.js';
import { churnParams } from './params.js';
import { predictionColumns } from './predictions.js';
import { scoreAll } from './scoring.js';

/**
 * The `churn` recipe: trains (or scores with a saved model) a churn classifier on customers or on
 * features derived from transactions, with held-out scores, importance and reasons per customer.
 *
 * @example
 * const { result } = await runRecipe(churn, { inputs: { customers }, params: { customer: 'customerID', label: 'Churn' } });
 */
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
    const scored = scoreAll(saved, data);
    const all = Int32Array.from({ length: data.ids.length }, (_, i) => i);
    const evalRows = fitted ? fitted.split.test : data.y ? all : new Int32Array(0);
    const shownRows = fitted && data.fixedTrain !== undefined ? fitted.split.test : all;
    if (data.y && evalRows.length) progress(0.8, 'permutation importance');
    const evaluation = heldOutEvaluation(scored, data, evalRows, params, signal);
    throwIfAborted(signal);
    progress(0.92, 'top reasons per customer');
    const reasons = customerReasons(scored, data, shownRows, params.reasons, signal);
    const sets = { trained: !!fitted, test: new Set(fitted ? fitted.split.test : []) };
    const metrics = {
      model: saved.model,
      n_train: fitted ? fitted.split.train.length : null,
      ...(evaluation?.metrics ?? { n_test: 0 }),
      backend: fitted?.backend ?? null,
    };
    const tables: RecipeResult['tables'] = { predictions: aq.table(predictionColumns(data, scored.p, shownRows, sets, reasons, params.reasons)) };
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
