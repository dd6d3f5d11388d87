/**
 * Public types of the `notebook/` package: the parsed document, the runtime's cell state and
 * events, snapshots. Isomorphic: no Node or DOM imports here or anywhere in `notebook/`.
 */
import type { InputRaw, InputSpec } from './input-spec.js';

/** Languages a code cell may be written in. */
export type CellLang = 'js' | 'ts' | 'sql';

/** Types a front-matter parameter may declare. */
export type ParamType = 'number' | 'string' | 'boolean' | 'date' | 'json';

/** A declared notebook parameter; `default` is already a typed value (a `Date` for `date`). */
export interface ParamDecl {
  name: string;
  type: ParamType;
  default: unknown;
  description?: string;
}

/** The optional YAML block at the top of the file. `raw` is its exact text (fences included). */
export interface FrontMatter {
  raw: string;
  /** The YAML as parsed (empty object when it does not parse). */
  data: Record<string, unknown>;
  title?: string;
  params: Record<string, ParamDecl>;
}

/** Markdown between cells. `id` is positional (`md-0`, `md-1`, …) and changes when blocks move. */
export interface ProseBlock {
  kind: 'prose';
  id: string;
  /** Exact text, blank lines included; display `text.trim()`. */
  text: string;
}

/** A code cell: a fenced block whose info string is `<lang> id=<id> [attr[=value]…]` (`js`, `ts` or `sql`). */
export interface CellBlock {
  kind: 'cell';
  id: string;
  lang: CellLang;
  code: string;
  /** Attributes other than `id`, e.g. `{ recipe: 'lift', collapsed: true }`. */
  attrs: Record<string, string | true>;
  /** Exact source of the block (fences included); `serialize` re-renders the cell when fields no longer match it. */
  raw: string;
  /** 1-based line in the file of the cell's first code line (maps error lines to the file). */
  line: number;
}

export type Block = ProseBlock | CellBlock;

/** A problem with the file itself (not with a cell's code): bad YAML, a bad param, a duplicate id. */
export interface Diagnostic {
  message: string;
  line: number;
}

/** A parsed notebook. `serialize(parse(text)) === text` for every string. */
export interface NotebookDoc {
  frontMatter: FrontMatter | null;
  blocks: Block[];
  diagnostics: Diagnostic[];
}

/** What the runtime needs to know of a cell. */
export interface CellSource {
  id: string;
  code: string;
  lang?: CellLang;
  /** SQL cells: the named source the query runs on (its `source=` attribute; default `local`). */
  source?: string;
}

export type CellStatus = 'idle' | 'queued' | 'running' | 'done' | 'error' | 'cancelled' | 'stale';

/** Why a cell failed. `line`/`column` are 1-based within the cell's code; `upstream` names the failing cell above. */
export interface CellError {
  message: string;
  line?: number;
  column?: number;
  upstream?: string;
}

/** The runtime's view of one cell. `value` is the raw displayed value (not serialized). */
export interface CellState {
  id: string;
  status: CellStatus;
  /** Bumped each time the cell is invalidated; results of older versions are discarded. */
  version: number;
  /** Duration of the last finished run in milliseconds. */
  ms?: number;
  value?: unknown;
  /** Values passed to `display(value)` during the last run, in order. */
  displays: unknown[];
  error?: CellError;
  /** Top-level names the cell defines. */
  defines: string[];
  /** Free names the cell reads (cells' names, params and builtins; globals excluded). */
  references: string[];
}

/** Emitted by the runtime to its listener. */
export type RuntimeEvent =
  | { type: 'cell-status'; cell: CellState }
  | { type: 'cell-display'; id: string; version: number; value: unknown }
  | { type: 'cell-removed'; id: string }
  /** No cell is queued or running any more. */
  | { type: 'idle' };

/** One entry of a snapshot sidecar, keyed by cell id. */
export interface SnapshotEntry {
  hash: string;
  status: CellStatus;
  ms?: number;
  summary?: ValueSummary;
  error?: CellError;
}

export interface Snapshot {
  version: 1;
  createdAt: string;
  params?: Record<string, unknown>;
  cells: Record<string, SnapshotEntry>;
}

/** A JSON-safe display form of any cell value (see `summarizeValue`). */
export type ValueSummary =
  | { kind: 'undefined' }
  | { kind: 'text'; text: string }
  | { kind: 'json'; json: unknown; truncated?: boolean }
  | {
      kind: 'table';
      /** Stable handle to ask the worker for more rows (`table-rows` message). */
      handle?: string;
      columns: string[];
      types: string[];
      numRows: number;
      offset: number;
      rows: Record<string, unknown>[];
      /** Column formats the cell asked for (`display(t, { format })`): column → d3-format specifier. */
      format?: Record<string, string>;
    }
  | { kind: 'chart'; spec: Record<string, unknown> }
  | {
      kind: 'recipe-result';
      metrics: Record<string, unknown>;
      tables: Record<string, ValueSummary>;
      charts: Record<string, unknown>[];
      notes: string[];
    }
  | { kind: 'html'; html: string }
  | { kind: 'error'; message: string; name?: string }
  | { kind: 'function'; text: string }
  /**
   * An input made by `Inputs.*` (see inputs.ts): its description, its current raw value and that
   * value as text; `key` (its place among the cell's `view` calls) when `view` bound it to a name.
   */
  | { kind: 'input'; key?: string; input: InputSpec; value: InputRaw; text: string; fingerprint: string }
  /** A cell that only declares names: each name with its value's summary, in declaration order. */
  | { kind: 'declared'; values: { name: string; value: ValueSummary }[] };
