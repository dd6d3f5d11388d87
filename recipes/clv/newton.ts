/**
 * Newton polishing of an optimum found by conjugate gradient. Likelihoods such as the Gamma-Gamma
 * one have long curved ridges where conjugate gradient crawls; a few Newton steps with a
 * finite-difference Hessian finish the job, and the Hessian's inverse is the asymptotic
 * covariance of the estimates.
 */

/**
 * Finite-difference Hessian of `f` at `x` (central differences, step `h`).
 *
 * @example
 * hessian(([a, b]) => a * a + 3 * a * b, [1, 1]); // → ≈ [[2, 3], [3, 0]]
 */
export function hessian(f: (x: number[]) => number, x: number[], h = 1e-4): number[][] {
  const d = x.length;
  const at = (steps: [number, number][]): number => {
    const y = x.slice();
    for (const [i, s] of steps) y[i] += s * h;
    return f(y);
  };
  const f0 = f(x);
  const H = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < d; i++) {
    H[i][i] = (at([[i, 1]]) - 2 * f0 + at([[i, -1]])) / (h * h);
    for (let j = 0; j < i; j++) {
      const v = (at([[i, 1], [j, 1]]) - at([[i, 1], [j, -1]]) - at([[i, -1], [j, 1]]) + at([[i, -1], [j, -1]])) / (4 * h * h);
      H[i][j] = v;
      H[j][i] = v;
    }
  }
  return H;
}

/**
 * Hessian from central differences of an analytic gradient (2d gradient calls instead of the
 * 4d² + 1 function calls of `hessian`), symmetrised.
 *
 * @example
 * hessianFromGradient((x, g) => { g[0] = 2 * x[0] + 3 * x[1]; g[1] = 3 * x[0]; }, [1, 1]); // → ≈ [[2, 3], [3, 0]]
 */
export function hessianFromGradient(grad: (x: number[], out: number[]) => void, x: number[], h = 1e-5): number[][] {
  const d = x.length;
  const up = new Array<number>(d).fill(0);
  const down = new Array<number>(d).fill(0);
  const H = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < d; i++) {
    const step = h * Math.max(1, Math.abs(x[i]));
    const y = x.slice();
    y[i] = x[i] + step;
    grad(y, up);
    y[i] = x[i] - step;
    grad(y, down);
    for (let j = 0; j < d; j++) H[i][j] = (up[j] - down[j]) / (2 * step);
  }
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < i; j++) {
      const v = (H[i][j] + H[j][i]) / 2;
      H[i][j] = v;
      H[j][i] = v;
    }
  }
  return H;
}

/**
 * Solves A·y = b by Gaussian elimination with partial pivoting; undefined when A is singular.
 *
 * @example
 * solve([[2, 0], [0, 4]], [2, 2]); // → [1, 0.5]
 */
export function solve(A: number[][], b: number[]): number[] | undefined {
  const d = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < d; c++) {
    let pivot = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(M[r][c]) > Math.abs(M[pivot][c])) pivot = r;
    if (!(Math.abs(M[pivot][c]) > 1e-300)) return undefined;
    [M[c], M[pivot]] = [M[pivot], M[c]];
    for (let r = c + 1; r < d; r++) {
      const k = M[r][c] / M[c][c];
      for (let k2 = c; k2 <= d; k2++) M[r][k2] -= k * M[c][k2];
    }
  }
  const y = new Array<number>(d).fill(0);
  for (let r = d - 1; r >= 0; r--) {
    let s = M[r][d];
    for (let c = r + 1; c < d; c++) s -= M[r][c] * y[c];
    y[r] = s / M[r][r];
  }
  return y.every(Number.isFinite) ? y : undefined;
}

/** The gradient (written into `g`) and the Hessian of an objective at `x`, from one evaluation. */
export type Curvature = (x: number[], g: number[]) => number[][];

/**
 * Up to `steps` damped Newton steps from `x` (halving a step until it does not increase f).
 * Returns the improved point and its value; stops when a step no longer helps. With `curvature`
 * the exact Hessian is used; else with an analytic `grad` the Hessian comes from its differences,
 * which is cheaper and more accurate than differencing f.
 *
 * @example
 * newtonPolish(([a, b]) => (a - 1) ** 2 + (a - b) ** 2, (x, g) => { g[0] = 2 * (x[0] - 1) + 2 * (x[0] - x[1]); g[1] = -2 * (x[0] - x[1]); }, [0, 0]);
 * // → { x: ≈ [1, 1], fx: ≈ 0 }
 */
export function newtonPolish(
  f: (x: number[]) => number,
  grad: (x: number[], out: number[]) => void,
  x0: number[],
  steps = 20,
  analyticGradient = false,
  curvature?: Curvature,
): { x: number[]; fx: number } {
  let x = x0.slice();
  let fx = f(x);
  const g = new Array<number>(x.length).fill(0);
  for (let k = 0; k < steps; k++) {
    let H: number[][];
    if (curvature) H = curvature(x.slice(), g);
    else {
      grad(x.slice(), g);
      H = analyticGradient ? hessianFromGradient(grad, x) : hessian(f, x);
    }
    const step = solve(H, g.map((v) => -v));
    if (!step) break;
    // Halving a step that does not descend (H not positive definite here) cannot help; and once
    // the predicted gain −g·step/2 is below rounding, the full step is the last one, so its
    // outcome is not worth twenty halvings of f.
    const slope = g.reduce((sum, v, i) => sum + v * step[i]!, 0);
    if (!(slope < 0)) break;
    const last = -slope <= 1e-15 * Math.max(1, Math.abs(fx));
    let t = 1;
    let moved = false;
    for (let half = 0; half < (last ? 1 : 20); half++, t /= 2) {
      const y = x.map((v, i) => v + t * step[i]);
      const fy = f(y);
      if (fy <= fx) {
        moved = fy < fx;
        x = y;
        fx = fy;
        break;
      }
    }
    if (!moved || last) break;
  }
  return { x, fx };
}
