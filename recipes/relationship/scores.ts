import { phiInv, studentTInv } from '../stats/distributions.js';
import { wilson } from '../stats/wilson.js';
import type { Responses } from './responses.js';
import { finiteOrNull } from '../format.js';

/**
 * Relationship scores of a subset of responses, each with its interval:
 * - NPS = 100·(share 9–10 − share 0–6); each answer scores +1/0/−1, so Var = p₊ + p₋ − (p₊ − p₋)²
 *   and the interval is normal (NPS ± z·100·√(Var/n)), clipped to [−100, 100];
 * - CSAT = 100·share of the top two boxes (4–5 of 5), Wilson interval;
 * - trust index = mean over respondents of their mean item score (complete answers), t interval.
 */
export type ScoreRow = Record<string, number | null>;

/**
 * @example
 * scoreSubset(responses, [0, 1, 2], 0.05, 5); // → { nps_n: 3, nps: 33.3, nps_ci_low: …, csat: …, trust_index: … }
 */
export function scoreSubset(r: Responses, idx: readonly number[], alpha: number, csatScale: number): ScoreRow {
  const row: ScoreRow = { responses: idx.length };
  const z = phiInv(1 - alpha / 2);
  if (r.nps) {
    const answered = idx.filter((i) => !Number.isNaN(r.nps![i]!));
    const n = answered.length;
    const pro = answered.filter((i) => r.nps![i]! >= 9).length / n;
    const det = answered.filter((i) => r.nps![i]! <= 6).length / n;
    const nps = 100 * (pro - det);
    const half = z * 100 * Math.sqrt(Math.max(0, pro + det - (pro - det) ** 2) / n);
    Object.assign(row, {
      nps_n: n,
      nps: finiteOrNull(nps),
      promoters: finiteOrNull(pro),
      detractors: finiteOrNull(det),
      nps_ci_low: finiteOrNull(Math.max(-100, nps - half)),
      nps_ci_high: finiteOrNull(Math.min(100, nps + half)),
    });
  }
  if (r.csat) {
    const answered = idx.filter((i) => !Number.isNaN(r.csat![i]!));
    const top = answered.filter((i) => r.csat![i]! >= csatScale - 1).length;
    const [lo, hi] = wilson(top, answered.length, alpha);
    Object.assign(row, {
      csat_n: answered.length,
      csat: finiteOrNull((100 * top) / answered.length),
      csat_ci_low: finiteOrNull(100 * lo),
      csat_ci_high: finiteOrNull(100 * hi),
    });
  }
  if (r.trust.length) {
    const index = trustIndex(r, idx);
    const n = index.length;
    const mean = index.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(index.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    const half = n > 1 ? studentTInv(1 - alpha / 2, n - 1) * (sd / Math.sqrt(n)) : NaN;
    Object.assign(row, {
      trust_n: n,
      trust_index: finiteOrNull(mean),
      trust_ci_low: finiteOrNull(mean - half),
      trust_ci_high: finiteOrNull(mean + half),
    });
  }
  return row;
}

/**
 * Each complete respondent's mean trust item score.
 *
 * @example
 * trustIndex(responses, [0, 1]); // → [3.67, 4]
 */
export function trustIndex(r: Responses, idx: readonly number[]): number[] {
  return completeTrust(r, idx).map((items) => items.reduce((a, b) => a + b, 0) / items.length);
}

/**
 * Item scores of the respondents who answered every trust item (listwise deletion).
 *
 * @example
 * completeTrust(responses, [0, 1, 2]); // → [[4, 3, 4], [5, 5, 4]]
 */
export function completeTrust(r: Responses, idx: readonly number[]): number[][] {
  return idx.map((i) => r.trust.map((col) => col[i]!)).filter((items) => items.every((v) => !Number.isNaN(v)));
}
