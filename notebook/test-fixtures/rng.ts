/**
 * mulberry32: a seeded generator, so randomized edit sequences in tests are reproducible.
 *
 * @example
 * const next = rng(7); next(); // → a number in [0, 1), the same for every run with seed 7
 */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
