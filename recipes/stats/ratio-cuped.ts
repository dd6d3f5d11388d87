import type { RatioCupedStats } from './moments.js';
import { sampleCovariance, sampleVariance } from './moments.js';

/**
 * CUPED on a ratio metric, gbstats' regression-adjusted ratio: the arm's estimate is
 * m̄/d̄ − θ·m̄_pre/d̄_pre, its variance the delta method over the 4×4 covariance matrix Λ of the
 * per-unit (numerator, denominator, numerator_pre, denominator_pre), and θ the pooled coefficient
 * that minimises the variance of the adjusted ratio over both arms.
 */

type Vec4 = [number, number, number, number];
type Mat4 = [Vec4, Vec4, Vec4, Vec4];

/** Per-unit means (m, d, m_pre, d_pre). */
function means(s: RatioCupedStats): Vec4 {
  return [s.sumNum / s.n, s.sumDen / s.n, s.sumNumPre / s.n, s.sumDenPre / s.n];
}

/** Λ: per-unit sample covariances (n − 1) of (m, d, m_pre, d_pre). */
function lambda(s: RatioCupedStats): Mat4 {
  const sums = [s.sumNum, s.sumDen, s.sumNumPre, s.sumDenPre];
  const squares = [s.sumNumSquares, s.sumDenSquares, s.sumNumPreSquares, s.sumDenPreSquares];
  // cross[i][j] = Σ x_i·x_j for i ≠ j.
  const cross: Record<string, number> = {
    '0,1': s.sumCross, '0,2': s.sumNumNumPre, '0,3': s.sumNumDenPre,
    '1,2': s.sumNumPreDen, '1,3': s.sumDenDenPre, '2,3': s.sumNumPreDenPre,
  };
  const m = [0, 1, 2, 3].map((i) =>
    [0, 1, 2, 3].map((j) => {
      if (i === j) return sampleVariance(s.n, sums[i]!, squares[i]!);
      const key = i < j ? `${i},${j}` : `${j},${i}`;
      return sampleCovariance(s.n, sums[i]!, sums[j]!, cross[key]!);
    }),
  );
  return m as Mat4;
}

/** Gradient of m̄/d̄ − θ·m̄_pre/d̄_pre with respect to the four means; zero when a denominator mean is 0. */
function gradient(s: RatioCupedStats, theta: number): Vec4 {
  const [m, d, mPre, dPre] = means(s);
  if (d === 0 || dPre === 0) return [0, 0, 0, 0];
  return [1 / d, -m / d ** 2, -theta / dPre, (theta * mPre) / dPre ** 2];
}

/** xᵀ·A·y over the index ranges rows × cols. */
function quad(x: Vec4, a: Mat4, y: Vec4, rows: number[], cols: number[]): number {
  let total = 0;
  for (const i of rows) for (const j of cols) total += x[i]! * a[i]![j]! * y[j]!;
  return total;
}

const ALL = [0, 1, 2, 3];
const POST = [0, 1];
const PRE = [2, 3];

/**
 * The pooled θ, gbstats' `compute_theta_regression_adjusted_ratio`: −(Cov_a + Cov_b)/(Var_pre,a + Var_pre,b)
 * with the gradients taken at θ = 1; 0 (no adjustment) when it is below 1e-8 in size.
 *
 * @example
 * ratioCupedTheta(control, treatment); // → 0.6397… on gbstats' ratio RA test data
 */
export function ratioCupedTheta(a: RatioCupedStats, b: RatioCupedStats): number {
  const parts = [a, b].map((s) => {
    const g = gradient(s, 1);
    const l = lambda(s);
    return { varPre: quad(g, l, g, PRE, PRE), cov: quad(g, l, g, PRE, POST) };
  });
  const varPre = parts[0]!.varPre + parts[1]!.varPre;
  if (varPre === 0) return 0;
  const theta = -(parts[0]!.cov + parts[1]!.cov) / varPre;
  return Math.abs(theta) < 1e-8 ? 0 : theta;
}

/**
 * One arm at θ: adjusted mean, unadjusted ratio and per-unit variance ∇ᵀΛ∇.
 *
 * @example
 * ratioCupedArm(control, theta).mean;
 */
export function ratioCupedArm(s: RatioCupedStats, theta: number): { n: number; mean: number; unadjustedMean: number; variance: number } {
  const unadjustedMean = s.sumNum / s.sumDen;
  const preRatio = s.sumDenPre === 0 ? 0 : s.sumNumPre / s.sumDenPre;
  const g = gradient(s, theta);
  return { n: s.n, mean: unadjustedMean - theta * preRatio, unadjustedMean, variance: Math.max(0, quad(g, lambda(s), g, ALL, ALL)) };
}

/**
 * Variance of the relative effect (adjusted_t − adjusted_c)/|unadjusted_c|, gbstats'
 * `frequentist_variance_relative_cuped_ratio`: the delta method with the control's gradient
 * including the effect's dependence on the unadjusted control ratio in the denominator.
 *
 * @example
 * relativeRatioCupedVariance(control, treatment, theta);
 */
export function relativeRatioCupedVariance(a: RatioCupedStats, b: RatioCupedStats, theta: number): number {
  const armA = ratioCupedArm(a, theta);
  const armB = ratioCupedArm(b, theta);
  const [mA, dA] = means(a);
  if (armA.unadjustedMean === 0 || dA === 0) return 0;
  const gAbs = armB.mean - armA.mean;
  const base = Math.abs(armA.unadjustedMean);
  const gA = gradient(a, theta);
  const nablaA: Vec4 = [
    -(base + gAbs) / dA / base ** 2,
    ((mA * base) / dA ** 2 + (mA * gAbs) / dA ** 2) / base ** 2,
    -gA[2] / base,
    -gA[3] / base,
  ];
  const nablaB = gradient(b, theta).map((x) => x / base) as Vec4;
  return quad(nablaA, lambda(a), nablaA, ALL, ALL) / a.n + quad(nablaB, lambda(b), nablaB, ALL, ALL) / b.n;
}
