import { fixed, percent, scientific, significant } from '../format.js';
import type { LiftRow } from './groups.js';
import type { Holdout } from './holdout.js';
import type { FittedPurchaseModel } from './models.js';

const MODEL_NAMES = { bgnbd: 'BG/NBD', pnbd: 'Pareto/NBD' } as const;

/**
 * The first note: how many customers, how many are still alive and what they are worth.
 *
 * @example
 * headlineNote('bgnbd', 2357, 0.63, 1.26, { horizon: 52, unit: 'week' });
 */
export function headlineNote(model: FittedPurchaseModel['name'], customers: number, meanAlive: number, meanClv: number, p: { horizon: number; unit: string }): string {
  return (
    `${MODEL_NAMES[model]} fitted on ${customers} customers: on average ${percent(meanAlive)} are still alive; ` +
    `mean discounted CLV over ${p.horizon} ${p.unit}s is ${fixed(meanClv, 2)}.`
  );
}

/** Whether the purchase model was fitted, and whether the fit converged. */
export function fitNotes(model: FittedPurchaseModel, saved: boolean): string[] {
  const notes: string[] = [];
  if (saved) notes.push('Scored at the parameters of the model input; the purchase model was not fitted.');
  if (!model.report.converged) notes.push(`Warning: the ${model.name} fit did not converge (gradient norm ${scientific(model.report.gradientNorm, 2)} after ${model.report.iterations} iterations).`);
  else if (!saved) {
    const ridge = dropoutRidgeNote(model);
    if (ridge) notes.push(ridge);
  }
  return notes;
}

/** Beyond this a + b the Beta(a, b) of the dropout probability has a spread of under 1% of its mean. */
const RIDGE = 1e4;

/**
 * When the BG/NBD fit runs up the ridge a, b → ∞ with a/(a + b) fixed: the likelihood rises
 * without bound towards one common dropout probability, so there is no maximum to report, and
 * the fit stops where the rise falls below rounding.
 */
function dropoutRidgeNote(model: FittedPurchaseModel): string | undefined {
  const { a, b } = model.params;
  if (model.name !== 'bgnbd' || !(a! + b! > RIDGE)) return undefined;
  return (
    `The BG/NBD dropout parameters ran off to very large values (a = ${significant(a!, 3)}, b = ${significant(b!, 3)}): these customers show no ` +
    `heterogeneity in dropout, each drops out after a purchase with about the same probability a/(a+b) = ${significant(a! / (a! + b!), 3)}. ` +
    'a and b are not identified separately (no standard errors); P(alive) and CLV depend on them almost only through that ratio.'
  );
}

/** Customers whose P(alive) the parameters make uncomputable, and what to do about it. */
export function unknownAliveNote(model: FittedPurchaseModel, unknown: number, customers: number): string {
  return `P(alive) could not be computed for ${unknown} of ${customers} customers at these ${model.name} parameters (${Object.entries(model.params).map(([k, v]) => `${k} = ${v}`).join(', ')}); their p_alive, expected purchases and CLV are empty and the averages leave them out. Refit the model on this data, or check the saved parameters.`;
}

/** Why there is no pmf table. */
export function noPmfNote(model: FittedPurchaseModel): string {
  const why = model.name === 'pnbd' ? ` (α = ${model.params.alpha} and β = ${model.params.beta} are too far apart for the hypergeometric series)` : '';
  return `No pmf table: P(X(t) = n) could not be computed at the ${model.name} parameters${why}.`;
}

/** Predicted against actual repeat purchases in the holdout period. */
export function holdoutNote(h: Holdout, unit: string): string {
  return `Holdout: the model predicted ${fixed(h.predicted, 1)} repeat purchases in the ${fixed(h.t, 1)} ${unit}s after calibration; customers made ${h.actual}.`;
}

/** One group's CLV lift over the control, with its interval and p-value. */
export function liftNote(l: LiftRow, alpha: number): string {
  return `Mean CLV of ${l.group} is ${percent(l.clv_lift)} ${l.clv_lift >= 0 ? 'above' : 'below'} ${l.control} (${percent(1 - alpha, 0)} CI ${percent(l.ci_low)} to ${percent(l.ci_high)}, p = ${significant(l.p_value, 2)}).`;
}
