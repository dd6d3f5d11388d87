import type { ChartSpec, EngineReport, MetricValue } from '../../recipes/types.js';
import type { SerializedError } from './error-transfer.js';
import type { PackedTable } from './table-transfer.js';
import type { ColumnTable } from 'arquero';
import type { InputRef } from '../engine/input-ref.js';

/** Main thread → worker. */
export type ToWorker =
  | {
      type: 'run';
      jobId: number;
      recipe: string;
      inputs: Record<string, PackedTable>;
      /** Inputs given by reference (files, datasets, source tables and queries), read in the worker. */
      refs: Record<string, Exclude<InputRef, { table: ColumnTable }>>;
      /** Source URLs by name, for the refs that name a source. */
      sources: Record<string, string>;
      params: unknown;
    }
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
