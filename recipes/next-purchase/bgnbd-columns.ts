import { bgnbdScores, type BgNbdScores } from '../churn/bgnbd-baseline.js';
import type { IndexedLog } from '../churn/transaction-features.js';

/**
 * BG/NBD scores to set beside the model's, or undefined when BG/NBD cannot be fitted on this log
 * (a note says why); cancelling still cancels.
 *
 * @example
 * bgnbdColumns(log, cutoff, now.customers, signal, notes)?.pAlive;
 */
export function bgnbdColumns(log: IndexedLog, cutoff: number, customers: string[], signal: AbortSignal, notes: string[]): BgNbdScores | undefined {
  try {
    const bg = bgnbdScores(log, cutoff, customers, signal);
    if (!bg.converged) notes.push('The BG/NBD fit did not fully converge; read its columns with care.');
    return bg;
  } catch (error) {
    if (error instanceof Error && error.name === 'RecipeCancelledError') throw error;
    notes.push(`No BG/NBD columns: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
