import digamma from '@stdlib/math-base-special-digamma';
import { historyIndex, type BgNbdParams, type HistoryIndex, type RfmData } from './bgnbd.js';
import { trigamma } from './trigamma.js';

/**
 * The score and the exact Hessian of the BG/NBD log-likelihood in (r, α, a, b), in one pass over
 * the histories: Newton steps and standard errors need the curvature, and differencing the score
 * costs eight passes per Hessian. Per history ℓ = C(x) + ln(e^A + e^D) with A = −(r+x) ln(α+T)
 * (alive) and D = ln a − ln(b+x−1) − (r+x) ln(α+tₓ) (dropped after the last purchase; only for
 * x > 0); with w = e^D / (e^A + e^D) and d = ∇D − ∇A,
 * ∇²ℓ = ∇²C + (1−w) ∇²A + w ∇²D + w(1−w) d dᵀ.
 * C(x) = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b) gives the trigamma terms.
 *
 * @example
 * const g = [0, 0, 0, 0];
 * const H = [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]];
 * bgnbdHessian({ frequency: [2, 0], recency: [30.43, 0], T: [38.86, 38.86] })({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, g, H);
 */
export function bgnbdHessian(data: RfmData, ix: HistoryIndex = historyIndex(data)): (p: BgNbdParams, g: number[], H: number[][]) => void {
  const { values, index, times, atRecency, atT } = ix;
  const n = data.frequency.length;
  const weights = data.weights;
  const lnTime = new Float64Array(times.length);
  const inverse = new Float64Array(times.length);
  const m = values.length;
  // Per distinct x: the score and Hessian of C(x) (less the terms in α alone) and ln a − ln(b+x−1).
  const gr = new Float64Array(m);
  const ga = new Float64Array(m);
  const gb = new Float64Array(m);
  const hrr = new Float64Array(m);
  const hab = new Float64Array(m);
  const hbb = new Float64Array(m);
  const repeatTerm = new Float64Array(m);
  // The rows' sums, in blocks: the first block is a few rows, so the loop has run to its end once
  // (type feedback for the code after it) before V8 compiles it on the stack; compiled before, it
  // deoptimised at the end of every pass. The sums run on in row order, so they are unchanged.
  const sums = new Float64Array(15);
  const accumulate = (from: number, to: number, r: number, a: number, b: number): void => {
    let sr = sums[0]!, sAlpha = sums[1]!, sa = sums[2]!, sb = sums[3]!, rr = sums[4]!, rAlpha = sums[5]!, alphaAlpha = sums[6]!, aa = sums[7]!, ab = sums[8]!, bb = sums[9]!, ra = sums[10]!, rb = sums[11]!, alphaA = sums[12]!, alphaB = sums[13]!, customers = sums[14]!;
    for (let i = from; i < to; i++) {
      const k = index[i]!;
      const x = values[k]!;
      const c = weights ? weights[i]! : 1;
      customers += c;
      const rx = r + x;
      const lnT = lnTime[atT[i]!]!;
      const invT = inverse[atT[i]!]!;
      // The alive term alone (always there): ∇A = (−ln(α+T), −(r+x)/(α+T), 0, 0).
      let dr = gr[k]! - lnT;
      let dAlpha = -rx * invT;
      let da = ga[k]!;
      let db = gb[k]!;
      let hRAlpha = -invT;
      let hAlphaAlpha = rx * invT * invT;
      let hAA = hab[k]!;
      let hBB = hbb[k]!;
      let hRR = hrr[k]!;
      let hRA = 0, hRB = 0, hAlphaA = 0, hAlphaB = 0;
      if (x > 0) {
        const lnX = lnTime[atRecency[i]!]!;
        const invX = inverse[atRecency[i]!]!;
        const w = 1 / (1 + Math.exp(-rx * lnT - (repeatTerm[k]! - rx * lnX)));
        const bx = 1 / (b + x - 1);
        const d0 = lnT - lnX;
        const d1 = rx * (invT - invX);
        const d2 = 1 / a;
        const d3 = -bx;
        dr += w * d0;
        dAlpha += w * d1;
        da += w * d2;
        db += w * d3;
        const v = w * (1 - w);
        // (1−w)∇²A + w∇²D = ∇²A + w(∇²D − ∇²A); ∇²D − ∇²A: rα −1/(α+tₓ) + 1/(α+T), αα (r+x)(1/(α+tₓ)² − 1/(α+T)²), aa −1/a², bb 1/(b+x−1)².
        hRAlpha += w * (invT - invX) + v * d0 * d1;
        hAlphaAlpha += w * rx * (invX * invX - invT * invT) + v * d1 * d1;
        hAA += -w * d2 * d2 + v * d2 * d2;
        hBB += w * bx * bx + v * d3 * d3;
        hRR += v * d0 * d0;
        hRA = v * d0 * d2;
        hRB = v * d0 * d3;
        hAlphaA = v * d1 * d2;
        hAlphaB = v * d1 * d3;
        ab += c * v * d2 * d3;
      }
      sr += c * dr;
      sAlpha += c * dAlpha;
      sa += c * da;
      sb += c * db;
      rr += c * hRR;
      rAlpha += c * hRAlpha;
      alphaAlpha += c * hAlphaAlpha;
      aa += c * hAA;
      ab += c * hab[k]!;
      bb += c * hBB;
      ra += c * hRA;
      rb += c * hRB;
      alphaA += c * hAlphaA;
      alphaB += c * hAlphaB;
    }
    sums[0] = sr;
    sums[1] = sAlpha;
    sums[2] = sa;
    sums[3] = sb;
    sums[4] = rr;
    sums[5] = rAlpha;
    sums[6] = alphaAlpha;
    sums[7] = aa;
    sums[8] = ab;
    sums[9] = bb;
    sums[10] = ra;
    sums[11] = rb;
    sums[12] = alphaA;
    sums[13] = alphaB;
    sums[14] = customers;
  };
  return ({ r, alpha, a, b }, g, H) => {
    for (let j = 0; j < times.length; j++) {
      const s = alpha + times[j]!;
      lnTime[j] = Math.log(s);
      inverse[j] = 1 / s;
    }
    const psiR = digamma(r);
    const psiAB = digamma(a + b);
    const psiB = digamma(b);
    const triR = trigamma(r);
    const triAB = trigamma(a + b);
    const triB = trigamma(b);
    const lnAlpha = Math.log(alpha);
    for (let k = 0; k < m; k++) {
      const x = values[k]!;
      const psiABX = digamma(a + b + x);
      const triABX = trigamma(a + b + x);
      gr[k] = digamma(r + x) - psiR + lnAlpha;
      ga[k] = psiAB - psiABX;
      gb[k] = digamma(b + x) - psiB + psiAB - psiABX;
      hrr[k] = trigamma(r + x) - triR;
      hab[k] = triAB - triABX;
      hbb[k] = trigamma(b + x) - triB + triAB - triABX;
      repeatTerm[k] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : -Infinity;
    }
    sums.fill(0);
    accumulate(0, Math.min(n, 64), r, a, b);
    accumulate(Math.min(n, 64), n, r, a, b);
    const [sr, sAlpha, sa, sb, rr, rAlpha, alphaAlpha, aa, ab, bb, ra, rb, alphaA, alphaB, customers] = sums as unknown as number[];
    // The terms of C in α alone: ∂α (r ln α) = r/α, ∂rα = 1/α, ∂αα = −r/α².
    g[0] = sr;
    g[1] = sAlpha + (customers * r) / alpha;
    g[2] = sa;
    g[3] = sb;
    const rows = [
      [rr, rAlpha + customers / alpha, ra, rb],
      [0, alphaAlpha - (customers * r) / (alpha * alpha), alphaA, alphaB],
      [0, 0, aa, ab],
      [0, 0, 0, bb],
    ];
    for (let i = 0; i < 4; i++) for (let j = i; j < 4; j++) H[i]![j] = H[j]![i] = rows[i]![j]!;
  };
}
