import type { ColumnTable } from 'arquero';
import type { z } from 'zod';
import type { Trainer } from './ml/train.js';
import type { Dialect, DialectName } from './sql/dialect.js';

/** A named scalar in a RecipeResult. */
export type MetricValue = number | string | null;

/**
 * One mark of a declarative chart: `mark` names an Observable Plot mark function
 * (`dot`, `ruleY`, `barY`, `cell`, `line`, `link`, `text`, `tickX`, …), `data` is inline rows, and
 * `options` are that mark's options with channels given as column names.
 */
export interface MarkSpec {
  mark: string;
  data?: Record<string, unknown>[];
  options?: Record<string, unknown>;
}

/**
 * A declarative Observable Plot chart: JSON-serializable so the browser, the CLI's HTML report
 * and saved snapshots all render the same thing. Top-level keys other than `marks` and `title`
 * are passed to `Plot.plot` as they are (`x`, `y`, `color`, `fx`, `width`, `height`, …).
 */
export interface ChartSpec {
  id: string;
  title: string;
  caption?: string;
  marks: MarkSpec[];
  [plotOption: string]: unknown;
}

/** What every recipe returns. */
export interface RecipeResult {
  metrics: Record<string, MetricValue>;
  tables: Record<string, ColumnTable>;
  charts: ChartSpec[];
  notes: string[];
}

/** A column a recipe reads, named by a parameter (the role) with a default column name. */
export interface RoleSpec {
  /** The parameter that names the column, e.g. `variant`. */
  role: string;
  description: string;
  required?: boolean;
}

/** One input table a recipe accepts. */
export interface InputSpec {
  name: string;
  description: string;
  roles: RoleSpec[];
  /** Inputs sharing an `alternative` group are "one of": exactly one must be given. */
  alternative?: string;
  optional?: boolean;
}

/** Progress callback: fraction in [0, 1] and a short label of the current step. */
export type Progress = (fraction: number, label?: string) => void;

/** Where a result ran, as every recipe result reports it (`engine` at the top level of the JSON). */
export interface EngineReport {
  source: string;
  kind: DialectName;
  /** True when the aggregation ran on the engine that holds the data and only aggregates came back. */
  pushdown: boolean;
  /** Rows the engine scanned, when it says (ClickHouse and DuckDB do; null when unknown). */
  rows_read: number | null;
  /** Rows that crossed into JavaScript. */
  rows_fetched: number;
  ms: number;
}

/**
 * Gets a recipe's inputs ready for `run`: runs its `aggregate` plan where the inputs live (or
 * fetches rows when it has none) and says where that happened. Recipes never run SQL themselves;
 * the server supplies executors (the embedded DuckDB, Postgres, ClickHouse) through `runRecipe`.
 */
export type Executor<I = ColumnTable> = (request: {
  recipe: Recipe;
  params: unknown;
  inputs: Record<string, I>;
  signal: AbortSignal;
  progress: Progress;
}) => Promise<{ inputs: Record<string, ColumnTable>; engine: EngineReport | null }>;

export interface RunContext<P> {
  inputs: Record<string, ColumnTable>;
  params: P;
  progress: Progress;
  signal: AbortSignal;
  /**
   * Trains a network for the recipe: the host decides where (the server's runner on a training
   * thread). Recipes never start threads themselves; absent, they train in the calling thread.
   */
  train?: Trainer;
}

/** A column of an input relation as the engine reports it. */
export interface SqlColumn {
  name: string;
  type: 'number' | 'string' | 'boolean' | 'date' | 'other';
}

/** An input as the aggregation phase sees it: text to put after FROM, and its columns. */
export interface SqlRelation {
  /** A quoted table name or a parenthesised subquery with an alias, ready for `FROM`. */
  from: string;
  columns: SqlColumn[];
}

export interface AggregateContext<P> {
  params: P;
  /** Only the inputs that were given. */
  inputs: Record<string, SqlRelation>;
  sql: Dialect;
}

/**
 * The aggregation phase: SQL text for each table the model phase needs, keyed by table name.
 * The engine runs every query where the inputs live and hands `run` the results under those names
 * (together with the inputs the plan did not read, which it leaves out of `consumes`).
 */
export interface AggregationPlan {
  queries: Record<string, string>;
  /**
   * Relations to build once as tables before the queries, by name (SELECT text), and drop after;
   * only on a dialect that shares by table. Build them with `sharedRelations` (recipes/sql/shared.ts).
   */
  shared?: Record<string, string>;
  /** Inputs fully replaced by the queries: `run` does not receive them. */
  consumes: string[];
}

/** The declared contract of a recipe; `run` is pure: no I/O, no globals. */
export interface Recipe<S extends z.ZodType = z.ZodType> {
  id: string;
  title: string;
  description: string;
  inputs: InputSpec[];
  params: S;
  /** Pure: builds the aggregation SQL from params and the inputs' columns. Absent: `run` gets rows. */
  aggregate?(context: AggregateContext<z.output<S>>): AggregationPlan;
  run(context: RunContext<z.output<S>>): Promise<RecipeResult>;
}
