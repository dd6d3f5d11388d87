import 'fmin';
import type { conjugateGradient as ConjugateGradient } from 'fmin';
import { throwIfAborted } from '../errors.js';
import { newtonPolish, type Curvature } from './newton.js';

// fmin 0.0.4 publishes a UMD bundle under "type": "module": loaded as ESM it registers itself on
// globalThis.fmin instead of exporting, so that is where its functions are read from. Its
// Nelder–Mead assigns an undeclared variable in the shrink step (a ReferenceError in ES modules),
// so the fits use its Polak–Ribière conjugate gradient with a Wolfe line search.
const { conjugateGradient } = (globalThis as unknown as { fmin: { conjugateGradient: typeof ConjugateGradient } }).fmin;

/** How a maximum-likelihood fit ended; recipes copy it into metrics and notes. */
export interface FitReport {
  /** The minimiser in the optimiser's space (log-parameters for the CLV models). */
  x: number[];
  /** The objective at `x`. */
  fx: number;
  /** Conjugate-gradient iterations over all runs. */
  iterations: number;
  /** Rounds (conjugate gradient + Newton) after the first. */
  restarts: number;
  /** Euclidean norm of the gradient (analytic when given, else central differences) at `x`. */
  gradientNorm: number;
  converged: boolean;
}

export interface MinimizeOptions {
  /** Called once per iteration; throw from it to stop the fit. */
  onIteration?: (iteration: number, fx: number) => void;
  signal?: AbortSignal;
  maxIterations?: number;
  maxRestarts?: number;
  /** Converged when the gradient norm at the optimum is below this. */
  gradientTolerance?: number;
  /** Finish with Newton steps when conjugate gradient stops short (default true). */
  polish?: boolean;
  /**
   * Try Newton steps from the start before any conjugate gradient (needs `curvature`): for a start
   * already near the optimum (a moment estimate), where conjugate gradient only spends evaluations.
   */
  newtonFirst?: boolean;
  /** The analytic gradient of the objective, written into `out`; central differences otherwise. */
  gradient?: (x: number[], out: number[]) => void;
  /** The exact gradient and Hessian of the objective, for the Newton steps (else differenced). */
  curvature?: Curvature;
  /** The objective and its gradient (into `out`) from one pass, for conjugate gradient, which needs both at each point. */
  valueAndGradient?: (x: number[], out: number[]) => number;
}

/** Central differences: the likelihoods are cheap and smooth, and this keeps each model one formula. */
function gradient(f: (x: number[]) => number, x: number[], out: number[]): void {
  for (let i = 0; i < x.length; i++) {
    const h = 1e-5 * Math.max(1, Math.abs(x[i]));
    const keep = x[i];
    x[i] = keep + h;
    const up = f(x);
    x[i] = keep - h;
    const down = f(x);
    x[i] = keep;
    out[i] = (up - down) / (2 * h);
  }
}

/** Thrown from the iteration hook to end a run early; carries the point reached. */
class Converged {
  constructor(
    readonly x: number[],
    readonly fx: number,
  ) {}
}

function finiteOrInfinity(v: number): number {
  return Number.isFinite(v) ? v : Infinity;
}

function norm(v: number[]): number {
  return Math.sqrt(v.reduce((s, g) => s + g * g, 0));
}

/**
 * Minimises a smooth `f`: rounds of fmin's conjugate gradient (`maxIterations`, default 5,
 * with the analytic gradient when given, else central differences) each followed by damped Newton
 * steps, for up to 1 + `maxRestarts` rounds (default 5). Conjugate gradient gets near the optimum
 * from a poor start; Newton finishes where it crawls (curved ridges such as the Gamma-Gamma
 * likelihood's).
 * Non-finite values count as +∞, so the line search backs away from them. Convergence means a
 * gradient norm below tolerance at the returned point.
 *
 * @example
 * const fit = minimize(([x, y]) => (x - 1) ** 2 + 10 * (y + 2) ** 2, [0, 0]);
 * fit.x; // → ≈ [1, −2]
 */
export function minimize(f: (x: number[]) => number, x0: number[], options: MinimizeOptions = {}): FitReport {
  const maxIterations = options.maxIterations ?? 5;
  const maxRestarts = options.maxRestarts ?? 5;
  const tolerance = options.gradientTolerance ?? 1e-6;
  const safe = (x: number[]): number => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const grad = options.gradient ?? ((x: number[], out: number[]) => gradient(safe, x, out));
  const both = options.valueAndGradient;
  const withGradient = (x: number[], g: number[]): number => {
    const v = both ? finiteOrInfinity(both(x, g)) : safe(x);
    if (v === Infinity) g.fill(NaN);
    else if (!both) grad(x, g);
    return v;
  };
  let iterations = 0;
  // fmin's own stopping rule is a fixed gradient norm of 1e-5; the history hook applies ours.
  const history = {
    push(entry: { x: number[]; fx: number; fxprime?: number[] }) {
      iterations++;
      throwIfAborted(options.signal);
      options.onIteration?.(iterations, entry.fx);
      if (entry.fxprime && norm(entry.fxprime) <= tolerance) throw new Converged(entry.x, entry.fx);
    },
  };
  let best = { x: x0.slice(), fx: safe(x0) };
  if (best.fx === Infinity) throw new RangeError('The objective is not finite at the starting point.');
  let restarts = 0;
  const g = new Array<number>(x0.length).fill(0);
  if (options.newtonFirst && options.curvature && options.polish !== false) {
    const polished = newtonPolish(safe, grad, best.x, 20, true, options.curvature);
    if (polished.fx <= best.fx) best = polished;
    grad(best.x.slice(), g);
    const gradientNorm = norm(g);
    if (gradientNorm <= tolerance) return { ...best, iterations, restarts, gradientNorm, converged: true };
  }
  // Rounds of a few conjugate-gradient iterations (robust far from the optimum) followed by Newton
  // steps (fast near it); a round that cannot improve ends the search.
  for (let round = 0; round <= maxRestarts; round++) {
    restarts = round;
    const before = best.fx;
    let run: { x: number[]; fx: number };
    try {
      run = conjugateGradient(withGradient, best.x.slice(), { maxIterations, history });
    } catch (error) {
      if (!(error instanceof Converged)) throw error;
      run = error;
    }
    if (Number.isFinite(run.fx) && run.fx <= best.fx) best = { x: Array.from(run.x), fx: run.fx };
    grad(best.x.slice(), g);
    if (norm(g) <= tolerance) break;
    if (options.polish !== false) {
      throwIfAborted(options.signal);
      const polished = newtonPolish(safe, grad, best.x, 20, options.gradient !== undefined, options.curvature);
      if (polished.fx <= best.fx) best = polished;
      grad(best.x.slice(), g);
      if (norm(g) <= tolerance) break;
    }
    if (before - best.fx <= 1e-14 * Math.max(1, Math.abs(best.fx))) break;
  }
  const gradientNorm = norm(g);
  return { ...best, iterations, restarts, gradientNorm, converged: Number.isFinite(gradientNorm) && gradientNorm <= tolerance };
}

/**
 * Maximum likelihood over positive parameters: optimises log-parameters (every step stays in the
 * domain) from `start`, on the mean negative log-likelihood, so the convergence tolerance (gradient
 * norm 1e-6 by default) is per customer whatever the sample size. (Rounding in a sum over a
 * million customers puts the finite-difference gradient's noise near 1e-7, so tighter is not attainable.)
 *
 * @example
 * // An exponential rate: the MLE is 1/mean.
 * const fit = maximizeLogLikelihood(([rate]) => 3 * Math.log(rate) - rate * 6, 3, [1]);
 * fit.params[0]; // → ≈ 0.5
 */
export function maximizeLogLikelihood(
  logLikelihood: (params: number[]) => number,
  n: number,
  start: number[],
  options: MinimizeOptions = {},
  score?: (params: number[], out: number[]) => void,
  information?: (params: number[], g: number[], H: number[][]) => void,
  logLikelihoodAndScore?: (params: number[], out: number[]) => number,
): { params: number[]; logLikelihood: number; report: FitReport } {
  const scale = 1 / Math.max(1, n);
  // With θ = eˣ: ∂²(−ℓ/n)/∂xᵢ∂xⱼ = −(θᵢθⱼ ∂²ℓ/∂θᵢ∂θⱼ + [i = j] θᵢ ∂ℓ/∂θᵢ) / n.
  const curvature = information
    ? (x: number[], g: number[]): number[][] => {
        const theta = x.map(Math.exp);
        const H = theta.map(() => new Array<number>(theta.length).fill(0));
        information(theta, g, H);
        for (let i = 0; i < theta.length; i++) {
          for (let j = 0; j < theta.length; j++) H[i]![j] = -scale * (theta[i]! * theta[j]! * H[i]![j]! + (i === j ? theta[i]! * g[i]! : 0));
        }
        for (let i = 0; i < theta.length; i++) g[i] = -scale * theta[i]! * g[i]!;
        return H;
      }
    : undefined;
  // d(−ℓ/n)/d ln θ = −θ · (dℓ/dθ) / n: the score in natural parameters, moved to log space.
  const gradient = score
    ? (x: number[], out: number[]) => {
        const theta = x.map(Math.exp);
        score(theta, out);
        for (let i = 0; i < out.length; i++) out[i] = -scale * theta[i] * out[i];
      }
    : undefined;
  const valueAndGradient = logLikelihoodAndScore
    ? (x: number[], out: number[]): number => {
        const theta = x.map(Math.exp);
        const value = logLikelihoodAndScore(theta, out);
        for (let i = 0; i < out.length; i++) out[i] = -scale * theta[i]! * out[i]!;
        return -value * scale;
      }
    : undefined;
  const report = minimize((x) => -logLikelihood(x.map(Math.exp)) * scale, start.map(Math.log), {
    ...options,
    ...(gradient ? { gradient } : {}),
    ...(curvature ? { curvature } : {}),
    ...(valueAndGradient ? { valueAndGradient } : {}),
  });
  return { params: report.x.map(Math.exp), logLikelihood: -report.fx / scale, report };
}
