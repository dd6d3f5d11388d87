import seedrandom from 'seedrandom';

/** A seeded random source with the draws the shop generator needs. Same seed, same shop. */
export interface Random {
  uniform(): number;
  normal(mean?: number, sd?: number): number;
  exponential(rate: number): number;
  gamma(shape: number, rate: number): number;
  beta(a: number, b: number): number;
  poisson(mean: number): number;
  bernoulli(p: number): boolean;
  pick<T>(items: readonly T[], weights?: readonly number[]): T;
  int(lo: number, hi: number): number;
}

/**
 * Gamma(shape, rate) draws from a uniform and a standard normal source: Marsaglia & Tsang (2000),
 * with their squeeze, and shapes below 1 boosted as Gamma(k) = Gamma(k+1)·U^(1/k). Each caller
 * keeps its own sources, so its seeded draws stay what they were.
 *
 * @example
 * const gamma = gammaSampler(Math.random, normal); gamma(2, 0.5); // mean 4
 */
export function gammaSampler(uniform: () => number, normal: () => number): (shape: number, rate: number) => number {
  const gamma = (shape: number, rate: number): number => {
    if (shape < 1) return gamma(shape + 1, rate) * Math.pow(uniform(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const w = uniform();
      if (w < 1 - 0.0331 * x ** 4 || Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) return (d * v) / rate;
    }
  };
  return gamma;
}

/**
 * A seeded random source (seedrandom's Alea: fast and well mixed).
 *
 * @example
 * const rng = createRandom(42); rng.poisson(3);
 */
export function createRandom(seed: number | string): Random {
  const u = seedrandom.alea(String(seed));
  const uniform = () => u();
  const normal = (mean = 0, sd = 1) => {
    // Box–Muller; 1 − u avoids log(0).
    const r = Math.sqrt(-2 * Math.log(1 - uniform()));
    return mean + sd * r * Math.cos(2 * Math.PI * uniform());
  };
  const gamma = gammaSampler(uniform, normal);
  const poisson = (mean: number): number => {
    if (mean <= 0) return 0;
    if (mean > 60) return Math.max(0, Math.round(normal(mean, Math.sqrt(mean))));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = uniform();
    while (p > limit) {
      k++;
      p *= uniform();
    }
    return k;
  };
  return {
    uniform,
    normal,
    exponential: (rate) => -Math.log(1 - uniform()) / rate,
    gamma,
    beta: (a, b) => {
      const x = gamma(a, 1);
      return x / (x + gamma(b, 1));
    },
    poisson,
    bernoulli: (p) => uniform() < p,
    pick: (items, weights) => {
      if (!weights) return items[Math.floor(uniform() * items.length)];
      const total = weights.reduce((s, w) => s + w, 0);
      let x = uniform() * total;
      for (let i = 0; i < items.length; i++) {
        x -= weights[i];
        if (x < 0) return items[i];
      }
      return items[items.length - 1];
    },
    int: (lo, hi) => lo + Math.floor(uniform() * (hi - lo + 1)),
  };
}
