import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The CDNOW sample of Fader, Hardie & Lee (2005) as committed under datasets/open (MIT, from the
 * lifetimes package): 2,357 customers, 39-week calibration, time in weeks. For tests and benches
 * only (recipes never read files).
 */

export interface CdnowCustomer {
  id: string;
  x: number;
  t_x: number;
  T: number;
  /** Mean repeat-purchase value (0 without repeat purchases). */
  zbar: number;
}

/**
 * Reads datasets/open/cdnow_customers_summary_with_transactions.csv.
 *
 * @example
 * loadCdnowSummary().length; // → 2357
 */
export function loadCdnowSummary(): CdnowCustomer[] {
  const file = fileURLToPath(new URL('../../datasets/open/cdnow_customers_summary_with_transactions.csv', import.meta.url));
  const [, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  return lines.map((line) => {
    const [id, x, t_x, T, zbar] = line.split(',');
    return { id, x: +x, t_x: +t_x, T: +T, zbar: +zbar };
  });
}

/**
 * The estimates published for this sample, each with the decimals a fit must match (toBeCloseTo's
 * digits): BG/NBD r, α, a, b (Fader, Hardie & Lee 2005, "Counting your customers the easy way")
 * and Gamma-Gamma p, q, γ as v (Fader, Hardie & Lee 2005, "RFM and CLV").
 *
 * @example
 * for (const [key, [value, digits]] of Object.entries(CDNOW_ESTIMATES)) expect(metrics[key]).toBeCloseTo(value, digits);
 */
export const CDNOW_ESTIMATES = {
  r: [0.243, 3],
  alpha: [4.414, 2],
  a: [0.793, 3],
  b: [2.426, 2],
  p: [6.25, 2],
  q: [3.74, 2],
  v: [15.44, 1],
} as const satisfies Record<string, readonly [number, number]>;

/** Where the raw CDNOW sample transactions are (eval-only, never committed; check that the file exists). */
export const CDNOW_SAMPLE_PATH = fileURLToPath(new URL('../../../shared/datasets/eval-only/CDNOW_sample.txt', import.meta.url));
