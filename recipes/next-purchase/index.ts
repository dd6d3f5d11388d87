import * as aq from 'arquero';
import { roles } from '../column.js';
import { defineRecipe } from '../define-recipe.js';
import { throwIfAborted } from '../errors.js';
import { readLog } from '../churn/read-log.js';
import { DAY_MS } from '../churn/transaction-features.js';
import type { MetricValue, RecipeResult } from '../types.js';
import { naiveBaseline } from './baseline.js';
import { bgnbdColumns } from './bgnbd-columns.js';
import { daysChart, errorChart } from './charts.js';
import { nextPurchaseMetrics } from './evaluation.js';
import { fitNextPurchase, predictNextPurchase } from './fit.js';
import { nextPurchaseNotes } from './notes.js';
import { nextPurchaseParams } from './params.js';
import { predictionColumns } from './predictions.js';
import { checkWindow, nextPurchaseSnapshots } from './snapshots.js';

/**
 * The `next-purchase` recipe: days to each customer's next order, its value and the chance of an
 * order within `window` days, checked on the orders after the cutoff against a naive baseline.
 *
 * @example
 * const { result } = await runRecipe(nextPurchase, { inputs: { transactions }, params: { horizon: 90, window: 30 } });
 */
export const nextPurchase = defineRecipe({
  id: 'next-purchase',
  title: 'Next purchase: when will each customer order again, and for how much?',
  description:
    'From a transaction log: per customer, predicted days to the next order, its value and the probability of an order within `window` days, from TensorFlow.js models ' +
    'trained on the horizon before the cutoff. Scored on the orders after the cutoff (mae_days, mae_value) against the naive baseline (median gap between orders, mean order value).',
  inputs: [
    {
      name: 'transactions',
      description: 'one row per order: customer, timestamp, amount (category optional)',
      roles: roles(nextPurchaseParams, ['customer', 'timestamp', 'amount', 'category']),
    },
  ],
  params: nextPurchaseParams,
  async run({ inputs, params, progress, signal, train: trainer }): Promise<RecipeResult> {
    checkWindow(params);
    const log = readLog(inputs.transactions, params);
    const { end, cutoff, horizonMs, train, now } = nextPurchaseSnapshots(log, params);
    progress(0.03, 'features');
    const models = await fitNextPurchase(log, cutoff, train, params, { progress, signal, train: trainer });
    throwIfAborted(signal);
    progress(0.92, 'scoring customers');
    const predicted = predictNextPurchase(models, log, now, params.horizon);
    const base = naiveBaseline(now);
    const observed = Math.min(end, cutoff + horizonMs) - cutoff;
    const bgNotes: string[] = [];
    const bg = bgnbdColumns(log, cutoff, now.customers, signal, bgNotes);
    const bgExpected = bg?.expected(params.window);
    const withinKnown = cutoff + params.window * DAY_MS <= end;
    const metrics: Record<string, MetricValue> = {
      ...nextPurchaseMetrics({ now, predicted, base, bgExpected, window: params.window, withinKnown }),
      n_train: train.customers.length,
      backend: models.backend,
    };
    progress(1, 'done');
    return {
      metrics,
      tables: { predictions: aq.table(predictionColumns(now, predicted, base, bg, bgExpected, params.window)) },
      charts: metrics.n_evaluated
        ? [
            errorChart(metrics as { mae_days: number; baseline_mae_days: number; mae_value: number; baseline_mae_value: number }),
            daysChart(
              Array.from(now.nextDays).flatMap((a, i) => (Number.isFinite(a) ? [{ actual: a, predicted: predicted.days[i] }] : [])),
              params.horizon,
            ),
          ]
        : [],
      notes: [...bgNotes, ...nextPurchaseNotes({ metrics, cutoff, observed, horizonMs, window: params.window })],
    };
  },
});
