import * as aq from 'arquero';
import { defineRecipe } from '../define-recipe.js';
import { RecipeInputError, throwIfAborted } from '../errors.js';
import { dataEnd, isoDay, parseCutoff, readLog } from '../churn/read-log.js';
import { DAY_MS, snapshotAt, topCategories } from '../churn/transaction-features.js';
import { bgnbdScores, type BgNbdScores } from '../churn/bgnbd-baseline.js';
import { auc, brier } from '../ml/metrics.js';
import type { MetricValue, RecipeResult } from '../types.js';
import { maeKnown, naiveBaseline } from './baseline.js';
import { daysChart, errorChart } from './charts.js';
import { fitNextPurchase, predictNextPurchase } from './fit.js';
import { nextPurchaseParams } from './params.js';
import { finiteOrNull } from '../format.js';
import { roles } from '../column.js';

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
    if (params.window > params.horizon) {
      throw new RecipeInputError(
        `"window" (${params.window} days) must not exceed "horizon" (${params.horizon} days): the models learn from one horizon of data.`,
      );
    }
    const log = readLog(inputs.transactions, params);
    const end = dataEnd(log);
    const horizonMs = params.horizon * DAY_MS;
    const cutoff = params.cutoff ? parseCutoff(params.cutoff) : end - horizonMs;
    const categories = topCategories(log, cutoff);
    const options = (until: number) => ({ window: params.horizon, until, categories });
    const train = snapshotAt(log, cutoff - horizonMs, options(cutoff));
    if (!train.customers.length) {
      throw new RecipeInputError(
        `No customer ordered before ${isoDay(cutoff - horizonMs)} (cutoff − horizon), so there is nothing to learn from. Use a later "cutoff" or a shorter "horizon".`,
      );
    }
    const now = snapshotAt(log, cutoff, options(cutoff + horizonMs));
    progress(0.03, 'features');
    const models = await fitNextPurchase(log, cutoff, train, params, { progress, signal, train: trainer });
    throwIfAborted(signal);
    progress(0.92, 'scoring customers');
    const predicted = predictNextPurchase(models, log, now, params.horizon);
    const base = naiveBaseline(now);
    const observed = Math.min(end, cutoff + horizonMs) - cutoff;
    const evaluated = Array.from(now.nextDays).filter(Number.isFinite).length;
    const withinKnown = cutoff + params.window * DAY_MS <= end;
    const withinActual = now.nextDays.map((d) => (d < params.window ? 1 : 0));
    const pName = `p_purchase_within_${params.window}`;
    const notes: string[] = [];
    let bg: BgNbdScores | undefined;
    try {
      bg = bgnbdScores(log, cutoff, now.customers, signal);
      if (!bg.converged) notes.push('The BG/NBD fit did not fully converge; read its columns with care.');
    } catch (error) {
      if (error instanceof Error && error.name === 'RecipeCancelledError') throw error;
      notes.push(`No BG/NBD columns: ${error instanceof Error ? error.message : String(error)}`);
    }
    const bgExpected = bg?.expected(params.window);

    const metrics: Record<string, MetricValue> = {
      n_customers: now.customers.length,
      n_evaluated: evaluated,
      mae_days: finiteOrNull(maeKnown(predicted.days, now.nextDays)),
      baseline_mae_days: finiteOrNull(maeKnown(base.days, now.nextDays)),
      mae_value: finiteOrNull(maeKnown(predicted.value, now.nextValue)),
      baseline_mae_value: finiteOrNull(maeKnown(base.value, now.nextValue)),
      [`auc_within_${params.window}`]: withinKnown ? finiteOrNull(auc(withinActual, predicted.within)) : null,
      [`brier_within_${params.window}`]: withinKnown ? finiteOrNull(brier(withinActual, predicted.within)) : null,
      [`bgnbd_auc_within_${params.window}`]: withinKnown && bgExpected ? finiteOrNull(auc(withinActual, bgExpected)) : null,
      n_train: train.customers.length,
      backend: models.backend,
    };
    const rows = {
      customer: now.customers,
      expected_days_to_next: Array.from(predicted.days),
      expected_next_value: Array.from(predicted.value),
      [pName]: Array.from(predicted.within),
      ...(bg && bgExpected
        ? { bgnbd_p_alive: Array.from(bg.pAlive), [`bgnbd_expected_orders_${params.window}`]: Array.from(bgExpected) }
        : {}),
      baseline_days_to_next: Array.from(base.days),
      baseline_next_value: Array.from(base.value),
      actual_days_to_next: Array.from(now.nextDays, finiteOrNull),
      actual_next_value: Array.from(now.nextValue, finiteOrNull),
    };
    const m = metrics as Record<string, number | null>;
    if (evaluated && m.mae_days !== null && m.baseline_mae_days !== null && m.mae_value !== null && m.baseline_mae_value !== null) {
      notes.push(
        `For the ${evaluated} customers who ordered within ${Math.round(observed / DAY_MS)} days after ${isoDay(cutoff)}, the model's days-to-next-order are off by ${m.mae_days.toFixed(1)} days on average ` +
          `(naive baseline ${m.baseline_mae_days.toFixed(1)}), and its order values by ${m.mae_value.toFixed(2)} (baseline ${m.baseline_mae_value.toFixed(2)}).`,
      );
      if (m.mae_days >= m.baseline_mae_days || m.mae_value >= m.baseline_mae_value)
        notes.push('The model does not beat the naive baseline on every target: prefer the baseline there.');
    } else notes.push(`No orders after the cutoff ${isoDay(cutoff)} in the data, so the predictions cannot be checked yet.`);
    if (observed < horizonMs)
      notes.push(
        `The data ends ${Math.round((horizonMs - observed) / DAY_MS)} days before cutoff + horizon; errors cover the orders seen so far.`,
      );
    const bgAuc = m[`bgnbd_auc_within_${params.window}`];
    const ownAuc = m[`auc_within_${params.window}`];
    if (typeof bgAuc === 'number' && typeof ownAuc === 'number') {
      notes.push(
        `Who orders within ${params.window} days: the model ranks them with AUC ${ownAuc.toFixed(3)}, BG/NBD's expected orders with ${bgAuc.toFixed(3)}.`,
      );
    }
    notes.push(
      'Days and value are medians among customers who order again within the horizon; p_purchase_within gives the chance that they do within the window.',
    );
    progress(1, 'done');
    return {
      metrics,
      tables: { predictions: aq.table(rows) },
      charts: evaluated
        ? [
            errorChart(metrics as { mae_days: number; baseline_mae_days: number; mae_value: number; baseline_mae_value: number }),
            daysChart(
              Array.from(now.nextDays).flatMap((a, i) => (Number.isFinite(a) ? [{ actual: a, predicted: predicted.days[i] }] : [])),
              params.horizon,
            ),
          ]
        : [],
      notes,
    };
  },
});
