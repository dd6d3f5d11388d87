/**
 * Snapshots: the outputs of a run, kept beside the notebook (never in it), each stamped with a
 * hash of the code that produced it so a reader can tell whether they still match the source.
 */
import { analyzeCell } from './analyze.js';
import { cellSource, cellsOf } from './format.js';
import { buildGraph, downstream } from './graph.js';
import { DEFAULT_SOURCE } from './sql-cell.js';
import { toJsonSafe } from './summarize.js';
import type { CellBlock, CellError, CellSource, CellStatus, NotebookDoc, Snapshot, ValueSummary } from './types.js';

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/**
 * FNV-1a (64-bit) of a string's UTF-8 bytes, as 16 hex digits. Not cryptographic: it only has
 * to notice that code changed.
 *
 * @example
 * hashText(''); // → 'cbf29ce484222325'
 * hashText('a'); // → 'af63dc4c8601ec8c'
 */
export function hashText(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK;
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * A cell's code hash: language and code (and a SQL cell's source), with line endings normalised
 * (a CRLF checkout of the same notebook has the same hashes).
 *
 * @example
 * cellHash({ id: 'a', lang: 'js', code: 'x\r\n' }) === cellHash({ id: 'a', lang: 'js', code: 'x\n' }); // → true
 */
export function cellHash(cell: CellSource | CellBlock): string {
  const source = 'attrs' in cell ? cellSource(cell).source : cell.source;
  const lang = cell.lang === 'sql' ? `sql source=${source ?? DEFAULT_SOURCE}` : (cell.lang ?? 'js');
  return hashText(`${lang}\n${cell.code.replace(/\r\n?/g, '\n')}`);
}

/** What a run reports of one cell (the fields of a `cell-status` message). */
export interface CellOutcome {
  status: CellStatus;
  ms?: number;
  value?: ValueSummary;
  error?: CellError;
}

/**
 * A snapshot of a run: for each cell of the document, its code hash and what the run gave.
 *
 * @example
 * const snapshot = createSnapshot(doc, { c1: { status: 'done', ms: 12, value: { kind: 'text', text: 'hi' } } }, { params });
 * writeFileSync('notebook.md.snapshot.json', JSON.stringify(snapshot, null, 2));
 */
export function createSnapshot(
  doc: NotebookDoc,
  outcomes: Record<string, CellOutcome>,
  options: { params?: Record<string, unknown>; createdAt?: Date } = {},
): Snapshot {
  const cells: Snapshot['cells'] = {};
  for (const cell of cellsOf(doc)) {
    const outcome = outcomes[cell.id] ?? { status: 'idle' };
    cells[cell.id] = {
      hash: cellHash(cell),
      status: outcome.status,
      ...(outcome.ms !== undefined ? { ms: outcome.ms } : {}),
      ...(outcome.value ? { summary: outcome.value } : {}),
      ...(outcome.error ? { error: outcome.error } : {}),
    };
  }
  const snapshot: Snapshot = { version: 1, createdAt: (options.createdAt ?? new Date()).toISOString(), cells };
  if (options.params) snapshot.params = toJsonSafe(options.params).value as Record<string, unknown>;
  return snapshot;
}

/**
 * Cells whose snapshot entry no longer describes them: new cells, cells whose code changed, and
 * every cell that reads (directly or not) from one of those.
 *
 * @example
 * staleCells(snapshot, updateCellCode(doc, 'a', 'const x = 2')); // → ['a', 'b']  (b reads x)
 */
export function staleCells(snapshot: Snapshot, doc: NotebookDoc): string[] {
  const cells = cellsOf(doc);
  const changed = cells.filter((c) => snapshot.cells[c.id]?.hash !== cellHash(c)).map((c) => c.id);
  if (changed.length === 0) return [];
  const graph = buildGraph({
    cells: cells.map((c) => ({ id: c.id, analysis: analyzeCell(c.code, c.lang, cellSource(c)) })),
    params: new Set(Object.keys(doc.frontMatter?.params ?? {})),
    builtins: new Set(),
    isGlobal: () => true,
  });
  return downstream(graph, changed);
}

/**
 * Whether a snapshot still matches the document: no cell added, edited or deleted since (and,
 * when `params` are given, the same parameter values).
 *
 * @example
 * isFresh(snapshot, doc); // → true until a cell's code changes
 */
export function isFresh(snapshot: Snapshot, doc: NotebookDoc, params?: Record<string, unknown>): boolean {
  if (snapshot.version !== 1 || staleCells(snapshot, doc).length > 0) return false;
  // A deleted cell may have fed others: their snapshot entries no longer describe them.
  const ids = new Set(cellsOf(doc).map((c) => c.id));
  if (Object.keys(snapshot.cells).some((id) => !ids.has(id))) return false;
  if (params && JSON.stringify(toJsonSafe(params).value) !== JSON.stringify(snapshot.params ?? {})) return false;
  return true;
}
