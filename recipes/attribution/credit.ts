/** Conversions and value credited to each channel by one model, plus the personalized part. */
export interface Credit {
  conversions: Float64Array;
  value: Float64Array;
  /** Conversions credited to personalized touches (or channels). */
  personalized: number;
}

/**
 * An empty credit for `n` channels.
 *
 * @example
 * emptyCredit(3).conversions; // → Float64Array [0, 0, 0]
 */
export function emptyCredit(n: number): Credit {
  return { conversions: new Float64Array(n), value: new Float64Array(n), personalized: 0 };
}
