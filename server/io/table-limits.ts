import { RecipeInputError } from '../../recipes/errors.js';

/** How much a table read may hold: rows, cells (rows × columns) and, for .gz files, decompressed bytes. */
export interface TableLimits {
  maxRows?: number;
  maxCells?: number;
  /** Largest decompressed size of a .gz file; the server passes its upload limit. */
  maxBytes?: number;
}

/**
 * The documented maximum of a table liftbook reads (README, "For teams"): 5 million rows and
 * 50 million cells, about what fits in a few GB of memory as parsed columns.
 */
export const TABLE_LIMITS = { maxRows: 5_000_000, maxCells: 50_000_000 } as const;

/** Largest decompressed .gz without a caller's limit (the CLI reading local files). */
export const DEFAULT_MAX_DECOMPRESSED = 2 ** 30;

/**
 * A table over a limit: a user-fixable input error (CLI exit 1) that the API answers with 413.
 *
 * @example
 * throw new TableTooLargeError('orders.csv has more than 5,000,000 rows, liftbook\'s maximum.');
 */
export class TableTooLargeError extends RecipeInputError {
  readonly tooLarge = true;
}
