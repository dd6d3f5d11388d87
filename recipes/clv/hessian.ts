import { phiInv } from '../stats/distributions.js';

/**
 * Standard errors of maximum-likelihood estimates from the observed information: the inverse of
 * the Hessian of −ℓ at the estimate, by central differences in the natural parameters (at the
 * maximum this equals the delta method from a log-parameter fit). The intervals are
 * estimate ± z·se, as BTYD and lifetimes print them.
 */

export interface ParameterRow {
  parameter: string;
  estimate: number;
  se: number | null;
  ci_low: number | null;
  ci_high: number | null;
}

/** Hessian of f at x by central differences with relative steps. */
function hessian(f: (x: number[]) => number, x: number[]): number[][] {
  const k = x.length;
  const h = x.map((v) => 1e-4 * Math.max(Math.abs(v), 1e-3));
  const at = (di: number, si: number, dj: number, sj: number) => {
    const y = [...x];
    y[di]! += si * h[di]!;
    y[dj]! += sj * h[dj]!;
    return f(y);
  };
  const f0 = f(x);
  const out = x.map(() => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    out[i]![i] = (at(i, 1, i, 1) - 2 * f0 + at(i, -1, i, -1)) / (4 * h[i]! * h[i]!);
    for (let j = 0; j < i; j++) {
      const v = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h[i]! * h[j]!);
      out[i]![j] = v;
      out[j]![i] = v;
    }
  }
  return out;
}

/** Inverse of a symmetric positive-definite matrix by Gauss–Jordan; null when singular. */
function invert(m: number[][]): number[][] | null {
  const k = m.length;
  const a = m.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < k; c++) {
    let pivot = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    if (!(Math.abs(a[pivot]![c]!) > 1e-300)) return null;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    const d = a[c]![c]!;
    for (let j = 0; j < 2 * k; j++) a[c]![j]! /= d;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const factor = a[r]![c]!;
      for (let j = 0; j < 2 * k; j++) a[r]![j]! -= factor * a[c]![j]!;
    }
  }
  return a.map((row) => row.slice(k));
}

/**
 * The `parameters` table: estimate, standard error and (1 − alpha) interval of each parameter.
 * A standard error is null when the information matrix is not positive definite there (a
 * parameter at a boundary, or a fit that did not converge).
 *
 * @example
 * parameterTable(['p'], [0.3], ([p]) => -(30 * Math.log(p) + 70 * Math.log(1 - p))); // se √(0.3·0.7/100)
 */
export function parameterTable(names: string[], estimate: number[], negLogLikelihood: (x: number[]) => number, alpha = 0.05): ParameterRow[] {
  return parameterTableFrom(names, estimate, hessian(negLogLikelihood, estimate), alpha);
}

/**
 * The `parameters` table from the Hessian of −ℓ at the estimate, when the model has it exactly.
 *
 * @example
 * parameterTableFrom(['p'], [0.3], [[100 / (0.3 * 0.7)]]); // se √(0.3·0.7/100)
 */
export function parameterTableFrom(names: string[], estimate: number[], information: number[][], alpha = 0.05): ParameterRow[] {
  const inverse = invert(information);
  const z = phiInv(1 - alpha / 2);
  return names.map((parameter, i) => {
    const v = inverse?.[i]?.[i];
    const se = v !== undefined && v > 0 && Number.isFinite(v) ? Math.sqrt(v) : null;
    return { parameter, estimate: estimate[i]!, se, ci_low: se === null ? null : estimate[i]! - z * se, ci_high: se === null ? null : estimate[i]! + z * se };
  });
}
