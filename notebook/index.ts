/**
 * The notebook package's public API (isomorphic: browser, Node, workers). See README.md.
 */
export * from './types.js';
export { parseNotebook, serializeNotebook, renderCell, cellsOf, cellSources, cellSource, type CellFields } from './format.js';
export {
  updateCellCode, setCellAttrs, insertCell, insertProse, deleteCell, moveCell, setProse, setParams, setTitle, newCellId,
  type Position,
} from './edit.js';
export { notebookTitle } from './title.js';
export { coerceParam, resolveParams, parseParamDecls, parseDateParam, ParamError } from './params.js';
export { analyzeCell, type CellAnalysis } from './analyze.js';
export { DeclaredValues, cellValue } from './declared.js';
export { createRuntime, type Runtime, type RuntimeOptions, type CellContext } from './runtime.js';
export { hashText, cellHash, createSnapshot, staleCells, isFresh, type CellOutcome } from './snapshot.js';
export { summarizeValue, tablePage, toJsonSafe, isTable, type TableLike, type SummarizeOptions } from './summarize.js';
export { restartPlan, type ToWorker, type FromWorker, type SetNotebookMessage, type SqlRequest, type SqlReply } from './protocol.js';
export { sqlTemplate, sqlCellCode, isResultName, SQL_BUILTIN, DEFAULT_SOURCE, type SqlTemplate } from './sql-cell.js';
export { createWorkerSession, defaultRevive, type WorkerSession, type WorkerSessionOptions } from './worker-session.js';
export { Inputs, CellInput, createInputStore, viewBuiltin, MAX_INPUT_ROWS, type InputStore, type InputSummary } from './inputs.js';
export type { InputSpec, InputRaw, InputType } from './input-spec.js';
export { diffNotebooks, type CellChange } from './diff.js';
export { mergeNotebooks, type MergeConflict, type MergeResult } from './merge.js';
