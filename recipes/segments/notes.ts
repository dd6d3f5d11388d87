import type { Heterogeneity } from '../stats/heterogeneity.js';
import type { SegmentComparison } from './compare-segments.js';
import type { SimpsonCheck } from './simpson.js';
import { fixed, percent, signedChange, significant } from '../format.js';

export interface SegmentNoteInput {
  metric: string;
  control: string;
  treatments: string[];
  rows: SegmentComparison[];
  skipped: string[];
  hetero: Map<string, Heterogeneity>;
  simpson: Map<string, SimpsonCheck>;
  srm: { chi2: number; pValue: number } | null;
  small: string[];
  minCustomers: number;
  hasVariant: boolean;
  difference: string;
  margin: number;
  hasRevenue: boolean;
}

/**
 * Findings and caveats of a segment analysis, one sentence each.
 *
 * @example
 * segmentNotes(input);
 */
export function segmentNotes(x: SegmentNoteInput): string[] {
  const notes: string[] = [];
  const relative = x.difference === 'relative';
  if (!x.hasVariant) {
    notes.push('No variant column: segments are described, not compared. Give --param variant=<column> to measure the lift per segment.');
  }
  if (x.srm && x.srm.pValue < 0.001) notes.push(`Sample ratio mismatch (p = ${significant(x.srm.pValue, 2)}): the arms are not the intended equal split, so assignment may be broken; do not trust these effects until it is explained.`);
  for (const t of x.treatments) {
    const mine = x.rows.filter((r) => r.variant === t && r.metric === x.metric).sort((a, b) => b.effect - a.effect);
    if (mine.length) {
      const best = mine[0]!;
      const worst = mine[mine.length - 1]!;
      notes.push(`Lift in ${x.metric} for "${t}" is largest in "${best.segment}" (${signedChange(best.effect, relative)}) and smallest in "${worst.segment}" (${signedChange(worst.effect, relative)}).`);
      const clear = mine.filter((r) => r.significant);
      notes.push(clear.length ? `Segments with a clear ${x.metric} lift after the Holm adjustment: ${clear.map((r) => `"${r.segment}"`).join(', ')}.` : `No single segment's ${x.metric} lift is clear after the Holm adjustment for ${x.rows.length} comparisons.`);
    }
    const h = x.hetero.get(t);
    if (h && Number.isFinite(h.pValue)) {
      notes.push(
        h.pValue < 0.05
          ? `The lift differs across segments (heterogeneity p = ${significant(h.pValue, 2)}, Cochran's Q = ${fixed(h.q, 2)} on ${h.dof} df, I² = ${percent(h.i2, 0)}): target the segments where it works.`
          : `There is no clear evidence that the lift differs across segments (heterogeneity p = ${significant(h.pValue, 2)}, Cochran's Q = ${fixed(h.q, 2)} on ${h.dof} df); differences between segment estimates may be noise, so the pooled lift is the better guide.`,
      );
    } else if (h) notes.push('Fewer than two segments have a usable estimate, so whether the lift differs across segments cannot be tested.');
    const s = x.simpson.get(t);
    if (s && s.mixPValue < 0.01) notes.push(`The segment mix differs between "${x.control}" and "${t}" (p = ${significant(s.mixPValue, 2)}): the overall lift mixes the effect with the mix (Simpson's paradox risk); trust the per-segment lifts.`);
    if (s && s.reversal) notes.push(`Simpson's paradox: overall ${x.metric} difference is ${significant(s.pooledDifference, 3)} but the segment-weighted difference is ${significant(s.standardizedDifference, 3)}, the opposite sign.`);
  }
  if (x.rows.length > 1) notes.push(`${x.rows.length} segment comparisons were made, so calls use Holm-adjusted p-values (p_value_holm); the raw p-values of single segments overstate the evidence.`);
  if (x.small.length) notes.push(`Segment/arm cells with fewer than ${x.minCustomers} customers are too small to judge: ${x.small.slice(0, 6).join(', ')}${x.small.length > 6 ? ', …' : ''}.`);
  for (const s of x.skipped.slice(0, 5)) notes.push(`Not compared: ${s}`);
  if (x.skipped.length > 5) notes.push(`… and ${x.skipped.length - 5} more comparisons could not be made.`);
  if (x.hasRevenue && x.margin === 1) notes.push('margin is 1, so profit = revenue − cost; set margin to your gross margin for real profit.');
  return notes;
}
