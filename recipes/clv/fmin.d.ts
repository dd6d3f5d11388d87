// fmin (Ben Frederickson's optimisers) ships no types; only what liftbook calls is declared here.
declare module 'fmin' {
  /** The optimiser's state: the point, its value and (for gradient methods) its gradient. */
  export interface FminPoint {
    x: number[];
    fx: number;
    fxprime: number[];
  }
  export interface ConjugateGradientOptions {
    maxIterations?: number;
    /** Receives one entry per iteration (liftbook passes an object whose `push` reports progress). */
    history?: { push(entry: { x: number[]; fx: number }): void };
  }
  /** `f(x, gradient)` returns f(x) and writes ∇f(x) into `gradient`. */
  export function conjugateGradient(
    f: (x: number[], gradient: number[]) => number,
    x0: number[],
    options?: ConjugateGradientOptions,
  ): FminPoint;
}
