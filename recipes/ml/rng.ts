import seedrandom from 'seedrandom';

/**
 * Seeded randomness for everything a model run draws (splits, shuffles, initial weights,
 * permutations), so the same seed gives the same model on every machine.
 */

/** A uniform [0, 1) generator. */
export type Rng = () => number;

/**
 * A seeded uniform generator (seedrandom's ARC4 stream).
 *
 * @example
 * const rng = createRng(42); rng(); // → same number on every run
 */
export function createRng(seed: number | string): Rng {
  const source = seedrandom(String(seed));
  return () => source();
}

/**
 * Shuffles an array in place (Fisher–Yates) and returns it.
 *
 * @example
 * shuffleInPlace([1, 2, 3, 4], createRng(1));
 */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(items: T, rng: Rng): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
  return items;
}

/**
 * 0, 1, …, n−1 in a seeded random order.
 *
 * @example
 * permutation(5, createRng(7)); // → Int32Array of 0..4 shuffled
 */
export function permutation(n: number, rng: Rng): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return shuffleInPlace(order, rng);
}
