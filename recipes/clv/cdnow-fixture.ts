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

/** Where the raw CDNOW sample transactions are (eval-only, never committed; check that the file exists). */
export const CDNOW_SAMPLE_PATH = fileURLToPath(new URL('../../../shared/datasets/eval-only/CDNOW_sample.txt', import.meta.url));
