/**
 * Edits of one cell's code and attributes as pure document transitions (a text edit: the undo
 * history of structural changes stays, see state.ts `editText`).
 */
import { setCellAttrs, updateCellCode } from '../../../notebook/edit.js';
import type { CellBlock, NotebookDoc } from '../../../notebook/types.js';
import { parseRecipeCode } from '../cells/recipe-code.js';

function cellOf(doc: NotebookDoc, id: string): CellBlock | undefined {
  return doc.blocks.find((b): b is CellBlock => b.kind === 'cell' && b.id === id);
}

/**
 * The cell's new code; a recipe cell whose code now calls another recipe says so in its
 * `recipe=` attribute, so its form shows that recipe.
 *
 * @example
 * withCode(doc, 'c1', 'const r = await recipe("segments", {}, {})'); // c1's attrs.recipe → 'segments'
 */
export function withCode(doc: NotebookDoc, id: string, code: string): NotebookDoc {
  const next = updateCellCode(doc, id, code);
  const block = cellOf(next, id)!;
  const call = block.attrs.recipe ? parseRecipeCode(code) : null;
  return call && call.recipe !== block.attrs.recipe ? setCellAttrs(next, id, { ...block.attrs, recipe: call.recipe }) : next;
}

/**
 * Collapses an expanded cell, expands a collapsed one.
 *
 * @example
 * toggleCollapsed(doc, 'c1'); // ```js id=c1 collapsed
 */
export function toggleCollapsed(doc: NotebookDoc, id: string): NotebookDoc {
  const block = cellOf(doc, id);
  if (!block) return doc;
  const { collapsed, ...rest } = block.attrs;
  return setCellAttrs(doc, id, collapsed ? rest : { ...rest, collapsed: true });
}

/**
 * Sets the named source a SQL cell queries; `local` is the default, so the file then says nothing
 * rather than `source=local`.
 *
 * @example
 * withSqlSource(doc, 'q1', 'warehouse'); // ```sql id=q1 source=warehouse
 */
export function withSqlSource(doc: NotebookDoc, id: string, source: string): NotebookDoc {
  const block = cellOf(doc, id);
  if (!block) return doc;
  const { source: _old, ...rest } = block.attrs;
  return setCellAttrs(doc, id, source === 'local' ? rest : { ...rest, source });
}
