import type { ComparisonRow } from './comparisons.js';
import type { LiftParams } from './params.js';
import { chance, effectSize, pText, pValue, roundPercent } from '../format.js';

/** Arms smaller than this get a "too few units" warning: below it only very large effects show. */
export const FEW_UNITS = 100;
/** The conventional sample-ratio-mismatch threshold (gbstats and most platforms use 0.001). */
export const SRM_ALPHA = 0.001;

/**
 * One sentence per comparison, e.g. "personalized raised converted by +12.3% (95% CI +4.1% to
 * +20.5%, p = 0.003)". Non-significant results say so rather than claim a direction.
 *
 * @example
 * findingNote(row, params); // → 'personalized raised converted by +12.3% (95% CI +4.1% to +20.5%, p = 0.003).'
 */
export function findingNote(r: ComparisonRow, params: LiftParams): string | null {
  if (r.effect === null) return null;
  const relative = params.difference === 'relative';
  const level = roundPercent(1 - params.alpha);
  const lo = r.ci_low === null ? '−∞' : effectSize(r.ci_low, relative);
  const hi = r.ci_high === null ? '+∞' : effectSize(r.ci_high, relative);
  const interval = `${level} ${params.method === 'bayesian' ? 'credible interval' : 'CI'} ${lo} to ${hi}`;
  const adjustedLabel = params.correction === 'bh' ? 'BH-adjusted p' : 'Holm-adjusted p';
  const extras = [
    r.p_value !== null ? pText(r.p_value) : null,
    params.correction !== 'none' && r.p_value_adjusted !== null && pValue(r.p_value_adjusted) !== pValue(r.p_value ?? NaN) ? pText(r.p_value_adjusted, adjustedLabel) : null,
    r.chance_to_win !== null ? `chance to win ${chance(r.chance_to_win)}` : null,
  ].filter(Boolean);
  const details = `(${[interval, ...extras].join(', ')})`;
  const size = effectSize(r.effect, relative);
  if (!r.significant) {
    return `${r.variant} changed ${r.metric} by ${size} ${details}: not statistically significant, so no clear effect either way.`;
  }
  const verb = r.effect > 0 ? 'raised' : 'lowered';
  if (!params.inverse.includes(r.metric)) return `${r.variant} ${verb} ${r.metric} by ${size} ${details}.`;
  return `${r.variant} ${verb} ${r.metric} by ${size} ${details}: ${r.effect < 0 ? 'an improvement' : 'worse'}, since lower is better for ${r.metric}.`;
}

/**
 * Warnings that come before any finding: sample ratio mismatch and arms too small to judge.
 *
 * @example
 * warningNotes({ srmP: 0.0003, counts, expected })[0]; // → 'sample ratio mismatch, p = 0.0003: do not trust this test. …'
 */
export function warningNotes(input: {
  srmP: number;
  counts: Map<string, number>;
  expected: Map<string, number>;
}): string[] {
  const notes: string[] = [];
  if (input.srmP < SRM_ALPHA) {
    const detail = [...input.counts].map(([v, n]) => `${v} ${n} (expected ${Math.round(input.expected.get(v)!)})`).join(', ');
    notes.push(`sample ratio mismatch, ${pText(input.srmP)}: do not trust this test. Units per variant: ${detail}. Check how units were assigned and logged before reading any effect.`);
  }
  const small = [...input.counts].filter(([, n]) => n < FEW_UNITS);
  if (small.length) {
    notes.push(
      `Too few units: ${small.map(([v, n]) => `${v} has ${n}`).join(', ')} (fewer than ${FEW_UNITS}); only a very large effect could show up, and intervals are wide. Run the test longer before deciding.`,
    );
  }
  return notes;
}

/**
 * How "significant" was decided when there are several comparisons (the `correction`), or null for one.
 *
 * @example
 * correctionNote(4, 0.05, 'holm'); // → '4 comparisons were made (variants × metrics), so "significant" uses Holm-adjusted p-values …'
 */
export function correctionNote(comparisons: number, alpha: number, correction: LiftParams['correction'] = 'holm'): string | null {
  if (comparisons < 2) return null;
  const made = `${comparisons} comparisons were made (variants × metrics), so`;
  if (correction === 'bh') {
    return `${made} "significant" uses Benjamini–Hochberg-adjusted p-values (p_value_adjusted < ${alpha}); this keeps the expected share of false discoveries among the significant results under ${roundPercent(alpha)}.`;
  }
  if (correction === 'none') {
    return `${made} some may look significant by chance: correction is "none", so "significant" uses raw p-values (p_value_adjusted = p_value). p_value_holm gives the Holm-adjusted values.`;
  }
  return `${made} "significant" uses Holm-adjusted p-values (p_value_holm < ${alpha}); this keeps the chance of any false alarm under ${roundPercent(alpha)}.`;
}

/**
 * What sequential testing changes, when it is on.
 *
 * @example
 * sequentialNote(liftParams.parse({ sequential: true })); // → 'Sequential testing is on (tuning 5000): …'
 */
export function sequentialNote(params: LiftParams): string | null {
  if (!params.sequential || params.method === 'bayesian') return null;
  return (
    `Sequential testing is on (tuning ${params.sequential_tuning}): intervals are confidence sequences and p-values stay valid however often you look, ` +
    `so the result can be checked every day without raising the false-positive rate above ${roundPercent(params.alpha)}. ` +
    `The price is wider intervals than a fixed-horizon test, narrowest near ${params.sequential_tuning} units in total.`
  );
}
