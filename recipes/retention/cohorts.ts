/**
 * The aggregation phase of `retention`: per customer the set of active buckets, reduced to cohort
 * counts. In `recurring` mode the cohort of bucket i is everyone active in i, and cell (i, j)
 * counts those also active in i + j (PostHog's "recurring" retention); in `first_time` mode the
 * cohort is everyone whose first activity ever falls in i (activity before the window start keeps
 * a customer out of every cohort).
 */

export type RetentionMode = 'recurring' | 'first_time';

/** counts[i][j]: customers of cohort i active in period i + j; counts[i][0] is the cohort size. */
export type CohortCounts = number[][];

/**
 * Builds the triangular count matrix for buckets first … first + periods − 1.
 *
 * @example
 * // One customer active in periods 0, 1 and 3 of a 4-period window:
 * cohortCounts([[0, 1, 3]], [0], 4, 'recurring'); // → [[1, 1, 0, 1], [1, 0, 1], [0, 0], [1]]
 */
export function cohortCounts(
  activeBuckets: readonly (readonly number[])[],
  firstEver: readonly number[],
  periods: number,
  mode: RetentionMode,
): CohortCounts {
  const counts: CohortCounts = Array.from({ length: periods }, (_, i) => new Array<number>(periods - i).fill(0));
  activeBuckets.forEach((buckets, c) => {
    const sorted = [...new Set(buckets)].filter((b) => b >= 0 && b < periods).sort((a, b) => a - b);
    if (mode === 'first_time') {
      const first = firstEver[c];
      if (first < 0 || first >= periods) return;
      for (const b of sorted) if (b >= first) counts[first][b - first]++;
      return;
    }
    for (let x = 0; x < sorted.length; x++) for (let y = x; y < sorted.length; y++) counts[sorted[x]][sorted[y] - sorted[x]]++;
  });
  return counts;
}
