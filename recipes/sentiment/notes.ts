import type { GroupSummary } from './summary.js';
import { fixed, percent } from '../format.js';

/**
 * Findings and caveats of a sentiment summary, one sentence each.
 *
 * @example
 * sentimentNotes(overall, groups, { correlation: 0.55, agreement: 0.8, n: 900 }, 3);
 */
export function sentimentNotes(
  overall: GroupSummary,
  groups: GroupSummary[],
  ratings: { correlation: number | null; agreement: number | null; n: number } | null,
  empty: number,
): string[] {
  const notes = [
    `Across ${overall.n} non-empty texts the mean VADER compound score is ${fixed(overall.mean_compound, 3)}${overall.ci_low === null ? '' : ` (interval ${fixed(overall.ci_low, 3)} to ${fixed(overall.ci_high, 3)})`}; ${percent(overall.share_positive)} read positive (≥ 0.05) and ${percent(overall.share_negative)} negative (≤ −0.05).`,
  ];
  if (groups.length > 1) {
    const sorted = [...groups].sort((a, b) => b.mean_compound - a.mean_compound);
    const [top, bottom] = [sorted[0]!, sorted[sorted.length - 1]!];
    const apart = top.ci_low !== null && bottom.ci_high !== null && top.ci_low > bottom.ci_high;
    notes.push(
      `Group "${top.group}" is the most positive (mean ${fixed(top.mean_compound, 3)}) and "${bottom.group}" the least (${fixed(bottom.mean_compound, 3)}); their intervals ${apart ? 'do not overlap' : 'overlap, so the gap may be noise'}.`,
    );
    const small = groups.filter((g) => g.n < 30).map((g) => `"${g.group}"`);
    if (small.length) notes.push(`Groups ${small.join(', ')} have fewer than 30 texts: their means are rough.`);
  }
  if (ratings) {
    if (ratings.correlation !== null)
      notes.push(`Compound scores and ratings have a Spearman rank correlation of ${fixed(ratings.correlation, 3)}.`);
    if (ratings.agreement !== null)
      notes.push(
        `On ${ratings.n} texts rated above or below the middle of the rating scale, the sentiment label agrees with the rating ${percent(ratings.agreement)} of the time (a high rating counts as agreeing when compound ≥ 0.05).`,
      );
  }
  if (empty)
    notes.push(`${empty} text(s) are empty: they score 0 in the texts table but are left out of the means, shares and rating comparison.`);
  notes.push(
    'VADER is a lexicon-and-rules model tuned on short English social-media text: sarcasm, domain words (e.g. "runs small") and long reviews are scored less reliably; score sentences for best results.',
  );
  return notes;
}
