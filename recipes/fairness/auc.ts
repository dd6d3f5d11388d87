/**
 * Area under the ROC curve from rows counted per distinct score: the Mann–Whitney statistic, each
 * positive row scoring 1 per negative row below it and ½ per negative row tied with it, over
 * positives × negatives (the rank-sum formula, ties counting half); NaN when one class is missing.
 *
 * @example
 * aucFromCounts({ score: [0.1, 0.35, 0.4, 0.8], positive: [0, 1, 0, 1], negative: [1, 0, 1, 0] }); // → 0.75
 */
export function aucFromCounts(counts: { score: readonly number[]; positive: readonly number[]; negative: readonly number[] }): number {
  const order = counts.score.map((_, i) => i).sort((a, b) => counts.score[a]! - counts.score[b]!);
  let u = 0;
  let positives = 0;
  let below = 0;
  for (const i of order) {
    u += counts.positive[i]! * (below + counts.negative[i]! / 2);
    positives += counts.positive[i]!;
    below += counts.negative[i]!;
  }
  return positives && below ? u / (positives * below) : NaN;
}

/**
 * The score counts of several groups merged (for the overall AUC).
 *
 * @example
 * mergeScoreCounts([{ score: [1], positive: [1], negative: [0] }, { score: [1], positive: [0], negative: [2] }]); // → { score: [1], positive: [1], negative: [2] }
 */
export function mergeScoreCounts(groups: readonly { score: readonly number[]; positive: readonly number[]; negative: readonly number[] }[]) {
  const merged = new Map<number, [number, number]>();
  for (const g of groups) {
    g.score.forEach((s, i) => {
      const e = merged.get(s) ?? [0, 0];
      e[0] += g.positive[i]!;
      e[1] += g.negative[i]!;
      merged.set(s, e);
    });
  }
  const score = [...merged.keys()];
  return { score, positive: score.map((s) => merged.get(s)![0]), negative: score.map((s) => merged.get(s)![1]) };
}
