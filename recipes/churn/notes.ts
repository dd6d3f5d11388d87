import type { MetricValue } from '../types.js';
import type { Evaluation } from './evaluate.js';
import { fixed, percent } from '../format.js';

/**
 * Plain-language findings of a churn run: how well the model ranks churners, against the
 * baseline rule, whether its probabilities can be taken at face value, and what drives it.
 *
 * @example
 * churnNotes({ metrics, evaluation, trained: true, source: 'customers', window: 90 });
 */
export function churnNotes(input: {
  metrics: Record<string, MetricValue>;
  evaluation?: Evaluation;
  trained: boolean;
  source: string;
  window: number;
}): string[] {
  const { metrics, evaluation } = input;
  if (!evaluation) return ['Scored with the given model; no labels to check it against, so there are no accuracy metrics.'];
  const notes: string[] = [];
  const auc = metrics.auc;
  if (typeof auc === 'number') {
    const where = input.trained
      ? `${metrics.n_test} held-out customers`
      : `${metrics.n_test} labelled customers scored with the given model (an honest test only if it never trained on them)`;
    notes.push(
      `On ${where}, the model ranks a random churner above a random stayer ${percent(auc)} of the time (AUC ${fixed(auc, 3)}; 0.5 is guessing).`,
    );
  }
  const base = metrics.baseline_auc;
  if (typeof base === 'number' && typeof auc === 'number') {
    const rule = input.source === 'transactions' ? 'the recency rule (longest since last order = most at risk)' : 'the baseline column';
    notes.push(
      auc > base
        ? `That beats ${rule}, AUC ${fixed(base, 3)}.`
        : `It does not beat ${rule} (AUC ${fixed(base, 3)}): the simple rule is as good; prefer it or add features.`,
    );
  }
  const alive = metrics.baseline_auc_p_alive;
  if (typeof alive === 'number' && typeof auc === 'number') {
    notes.push(
      `BG/NBD's P(alive) (the clv recipe's model) ranks churners with AUC ${fixed(alive, 3)}${auc > alive ? '; the model does better' : '; the model does no better'}. ` +
        'BG/NBD counts every one-order customer as alive, which limits it as a churn score where many customers buy once.',
    );
  }
  const worst = evaluation.calibration.reduce((m, r) => Math.max(m, Math.abs(r.mean_predicted - r.observed_rate)), 0);
  if (worst > 0.1)
    notes.push(
      `Probabilities are off by up to ${percent(worst)} in a decile (see calibration): use them to rank customers, not as exact rates.`,
    );
  const top = evaluation.gains.find((r) => r.decile === 2);
  if (top) notes.push(`Contacting the riskiest 20% of customers reaches ${percent(top.cumulative_share)} of the churners.`);
  const drivers = evaluation.importance
    .filter((r) => r.importance > 0.005)
    .slice(0, 3)
    .map((r) => r.feature);
  if (drivers.length) notes.push(`The model relies most on ${drivers.join(', ')} (permutation importance).`);
  return notes;
}
