/**
 * Cosine similarity of two vectors; null when either is all zeros (no direction to compare).
 *
 * @example
 * cosine([1, 0], [1, 1]); // → 0.7071…
 */
export function cosine(a: number[], b: number[]): number | null {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : null;
}

/**
 * Dot product.
 *
 * @example
 * dot([0.5, 0.5], [1, 0]); // → 0.5
 */
export function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/**
 * Shares that sum to 1 (L1 normalization); null for an all-zero vector.
 *
 * @example
 * shares([3, 1]); // → [0.75, 0.25]
 */
export function shares(v: number[]): number[] | null {
  const total = v.reduce((s, x) => s + x, 0);
  return total > 0 ? v.map((x) => x / total) : null;
}
