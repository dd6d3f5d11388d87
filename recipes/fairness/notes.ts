import type { Summary, Disparity } from './summary.js';
import type { ExposureRow } from './exposure.js';
import type { Rate } from './rates.js';
import { fixed, percent } from '../format.js';

const LABEL: Partial<Record<Disparity, [string, Rate | 'tpr/fpr']>> = {
  demographic_parity_difference: ['Demographic parity difference', 'selection_rate'],
  equal_opportunity_difference: ['Equal opportunity difference', 'tpr'],
  equalized_odds_difference: ['Equalized odds difference', 'tpr/fpr'],
  predictive_parity_difference: ['Predictive parity difference', 'precision'],
  accuracy_difference: ['Accuracy difference', 'accuracy'],
};

export interface FairnessNoteInput {
  groups: string[];
  sizes: number[];
  summary: Summary;
  intervals: Record<string, [number, number]> | null;
  threshold: number;
  method: string;
  minGroup: number;
  exposure: { rows: ExposureRow[]; unknown: number; k: number } | null;
}

function range(x: FairnessNoteInput, rate: Rate): string {
  const values = x.summary.byGroup.map((g, i) => ({ v: g[rate], g: x.groups[i] })).filter((e) => Number.isFinite(e.v)).sort((a, b) => a.v - b.v);
  return `${rate} runs from ${fixed(values[0]!.v, 3)} (${values[0]!.g}) to ${fixed(values[values.length - 1]!.v, 3)} (${values[values.length - 1]!.g}), overall ${fixed(x.summary.overall[rate], 3)}`;
}

/**
 * Names every disparity above the threshold (with its interval and the groups at either end),
 * says which are within it, and warns about small groups, undefined rates and unknown items.
 *
 * @example
 * fairnessNotes({ groups, sizes, summary, intervals: null, threshold: 0.1, method: 'between_groups', minGroup: 30, exposure: null });
 */
export function fairnessNotes(x: FairnessNoteInput): string[] {
  const notes: string[] = [];
  const within: string[] = [];
  for (const [key, [label, rate]] of Object.entries(LABEL) as [Disparity, [string, Rate | 'tpr/fpr']][]) {
    const v = x.summary.disparities[key];
    if (!Number.isFinite(v)) continue;
    const ci = x.intervals?.[key];
    const interval = ci && Number.isFinite(ci[0]) ? ` (interval ${fixed(ci[0], 3)}–${fixed(ci[1], 3)})` : '';
    if (v > x.threshold) {
      const detail = rate === 'tpr/fpr' ? `${range(x, 'tpr')}; ${range(x, 'fpr')}` : range(x, rate);
      const unsure = ci && ci[0] <= x.threshold ? ' — but its interval reaches below the threshold, so it may be chance' : '';
      notes.push(`${label} is ${fixed(v, 3)}${interval}, above the threshold ${x.threshold} (${x.method}): ${detail}${unsure}.`);
    } else within.push(`${label.toLowerCase()} ${fixed(v, 3)}${interval}`);
  }
  if (within.length) notes.push(`Within the threshold ${x.threshold}: ${within.join('; ')}.`);
  const small = x.groups.filter((_, i) => x.sizes[i]! < x.minGroup);
  if (small.length) notes.push(`Groups with fewer than ${x.minGroup} rows are too small to judge: ${small.join(', ')}; their rates swing widely (see the intervals).`);
  const noPositives = x.groups.filter((_, i) => !Number.isFinite(x.summary.byGroup[i]!.tpr));
  if (noPositives.length) notes.push(`No actual positives in ${noPositives.join(', ')}: their TPR is undefined and left out of equal opportunity and equalized odds.`);
  if (x.exposure) {
    const e = x.exposure;
    const under = e.rows.filter((r) => r.catalogue_share > 0 && r.exposure_ratio < 1 - x.threshold);
    const over = e.rows.filter((r) => r.catalogue_share > 0 && r.exposure_ratio > 1 + x.threshold);
    if (under.length) notes.push(`Under-exposed in the top ${e.k} (exposure below ${fixed(1 - x.threshold, 2)}× catalogue share): ${under.map((r) => `${r.item_group} ${percent(r.exposure_share)} of slots vs ${percent(r.catalogue_share)} of the catalogue`).join('; ')}.`);
    if (over.length) notes.push(`Over-exposed: ${over.map((r) => `${r.item_group} (${fixed(r.exposure_ratio, 2)}× its catalogue share)`).join('; ')}.`);
    if (!under.length && !over.length) notes.push(`Every item group gets top-${e.k} exposure within ${x.threshold * 100}% of its catalogue share.`);
    if (e.unknown) notes.push(`${e.unknown} recommended slots hold items missing from the items table; they count as "(not in items)".`);
  }
  return notes;
}
