import { describe, expect, it } from 'vitest';
import { bgnbdScore, compressHistories, type BgNbdParams } from './bgnbd.js';
import { bgnbdHessian } from './bgnbd-hessian.js';
import { loadCdnowSummary } from './cdnow-fixture.js';

const cdnow = loadCdnowSummary();
const data = { frequency: cdnow.map((c) => c.x), recency: cdnow.map((c) => c.t_x), T: cdnow.map((c) => c.T) };
const KEYS = ['r', 'alpha', 'a', 'b'] as const;

/** The Hessian as central differences of the (independently tested) analytic score. */
function differenced(score: (p: BgNbdParams, out: number[]) => void, p: BgNbdParams): number[][] {
  return KEYS.map((k) => {
    const h = 1e-6 * p[k];
    const up = [0, 0, 0, 0];
    const down = [0, 0, 0, 0];
    score({ ...p, [k]: p[k] + h }, up);
    score({ ...p, [k]: p[k] - h }, down);
    return up.map((u, j) => (u - down[j]!) / (2 * h));
  });
}

describe('the exact BG/NBD Hessian', () => {
  for (const [label, p] of [
    ['at the published CDNOW estimates', { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }],
    ['far out on a ridge (a, b large)', { r: 1.1, alpha: 1.1, a: 3.5e3, b: 5.6e4 }],
  ] as const) {
    it(`gives the analytic score and the differenced score's Hessian ${label}, on all histories and on the distinct ones with counts`, () => {
      for (const d of [data, compressHistories(data)]) {
        const g = [0, 0, 0, 0];
        const H = KEYS.map(() => [0, 0, 0, 0]);
        bgnbdHessian(d)(p, g, H);
        const score = [0, 0, 0, 0];
        bgnbdScore(d)(p, score);
        g.forEach((v, i) => expect(v).toBeCloseTo(score[i]!, 6));
        const expected = differenced(bgnbdScore(d), p);
        for (let i = 0; i < 4; i++) {
          for (let j = 0; j < 4; j++) {
            const scale = Math.sqrt(Math.abs(expected[i]![i]! * expected[j]![j]!));
            // Plus the reference's own rounding: far out, the score's digamma differences lose
            // about 1e-10 per step of 1e-6·b (its (a, b) and (b, a) entries differ by that much).
            expect(Math.abs(H[i]![j]! - expected[i]![j]!)).toBeLessThan(1e-5 * scale + 1e-9);
          }
        }
      }
    });
  }
});
