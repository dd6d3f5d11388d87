import type { ChartSpec, EngineReport, MetricValue } from '../../recipes/types.js';
import type { SerializedError } from './error-transfer.js';
import type { PackedTable } from './table-transfer.js';

/** Main thread → worker. */
export type ToWorker =
  | { type: 'run'; jobId: number; recipe: string; inputs: Record<string, PackedTable>; params: unknown }
  | { type: 'abort'; jobId: number };

/** A RecipeResult with its tables packed for the trip back. */
export interface PackedResult {
  metrics: Record<string, MetricValue>;
  tables: Record<string, PackedTable>;
  charts: ChartSpec[];
  notes: string[];
}

/** Worker → main thread. */
export type FromWorker =
  | { type: 'progress'; jobId: number; fraction: number; label?: string }
  | { type: 'done'; jobId: number; params: Record<string, unknown>; result: PackedResult; engine: EngineReport | null }
  | { type: 'error'; jobId: number; error: SerializedError };
