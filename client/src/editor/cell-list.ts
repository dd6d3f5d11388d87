import { cellSources } from '../../../notebook/format.js';
import type { FromWorker } from '../../../notebook/protocol.js';
import type { CellBlock, CellSource, NotebookDoc } from '../../../notebook/types.js';
import { mergeStatus, type CellUiState } from '../cells/cell-status.js';
import { CodeCellView, type CellContext } from '../cells/code-cell.js';
import { markdownCell } from '../cells/markdown-cell.js';
import { h } from '../shell/dom.js';
import { insertBar, type NewCellKind } from './insert-bar.js';
import type { Position } from '../../../notebook/edit.js';

export interface CellListHooks {
  /** What each code cell asks of the editor. */
  context: CellContext;
  /** The bar between blocks: add a block of `kind` at `at`. */
  addCell: (kind: NewCellKind, at: Position) => void;
  /** A Markdown block was rewritten, moved or deleted from its own toolbar. */
  onProse: (id: string, markdown: string) => void;
  onMove: (id: string, delta: -1 | 1) => void;
  onDelete: (id: string) => void;
}

/** A cell's last run, kept while the cell is deleted, so that undoing the deletion brings it back. */
interface Retired {
  code: string;
  state?: CellUiState;
  submitted?: string;
}

/**
 * The notebook's blocks on the page, in document order: a code cell view per cell (kept across
 * redraws, so editors keep their cursor and outputs stay), a Markdown block per prose block with
 * text, and an insert bar between them. It also keeps what the runtime knows of each cell: its
 * state (status, value, outputs) and the code it last ran, which may differ from the editor's.
 *
 * @example
 * const list = new CellList(hooks);
 * list.render(doc, paramsBarOrNull);
 * kernel.setNotebook(list.kernelSources(doc), lazy, params);
 */
export class CellList {
  readonly el = h('div', { class: 'cells' });
  readonly views = new Map<string, CodeCellView>();
  readonly states = new Map<string, CellUiState>();
  /** The code each cell last ran (a new recipe cell: '', nothing yet). */
  private readonly submitted = new Map<string, string>();
  private readonly retired = new Map<string, Retired>();

  constructor(private readonly hooks: CellListHooks) {}

  /** Draws `doc`'s blocks (after `header`, e.g. the parameters), reusing the views of cells still there. */
  render(doc: NotebookDoc, header: HTMLElement | null): void {
    const seen = new Set<string>();
    const children: HTMLElement[] = header ? [header] : [];
    const barAt = (after: string | undefined) => insertBar((kind) => this.hooks.addCell(kind, after ? { after } : { before: doc.blocks[0]?.id }));
    children.push(barAt(undefined));
    for (const block of doc.blocks) {
      if (block.kind === 'prose') {
        if (!block.text.trim()) continue;
        const proseId = block.id;
        const el = markdownCell(block.text, {
          onChange: (markdown) => this.hooks.onProse(proseId, markdown),
          onMove: (delta) => this.hooks.onMove(proseId, delta),
          onDelete: () => this.hooks.onDelete(proseId),
        });
        // Selectable like a code cell: a click gives it the keyboard in command mode.
        el.dataset.block = proseId;
        el.tabIndex = -1;
        children.push(el);
      } else {
        seen.add(block.id);
        children.push(this.viewOf(block).el);
      }
      children.push(barAt(block.id));
    }
    for (const [cellId, view] of this.views) {
      if (seen.has(cellId)) continue;
      this.retired.set(cellId, { code: view.code(), state: this.states.get(cellId), submitted: this.submitted.get(cellId) });
      view.dispose();
      this.views.delete(cellId);
      this.states.delete(cellId);
      this.submitted.delete(cellId);
    }
    this.el.replaceChildren(...children);
  }

  private viewOf(block: CellBlock): CodeCellView {
    let view = this.views.get(block.id);
    if (!view) {
      this.revive(block);
      view = new CodeCellView(block, this.hooks.context);
      view.el.dataset.block = block.id;
      this.views.set(block.id, view);
      const state = this.states.get(block.id);
      if (state) view.setState(state);
    } else view.setBlock(block);
    view.setEdited(this.submitted.has(block.id) && this.submitted.get(block.id) !== block.code);
    return view;
  }

  /** A deleted cell back (undo) with the same code shows its last run until it runs again. */
  private revive(block: CellBlock): void {
    const old = this.retired.get(block.id);
    if (!old) return;
    this.retired.delete(block.id);
    if (old.code !== block.code) return;
    if (old.state) this.states.set(block.id, old.state);
    if (old.submitted !== undefined) this.submitted.set(block.id, old.submitted);
  }

  /**
   * The document was replaced (a merge, a restore, a draft): changed code goes into the editors,
   * a cell whose language changed gets a new view at the next render (the language is part of its
   * Monaco model's name), and code that came from elsewhere runs as it is now.
   */
  replaced(before: readonly CellBlock[], doc: NotebookDoc): void {
    const old = new Map(before.map((b) => [b.id, b]));
    for (const block of doc.blocks) {
      if (block.kind !== 'cell') continue;
      const view = this.views.get(block.id);
      const was = old.get(block.id);
      if (view && was && was.lang !== block.lang) {
        view.dispose();
        this.views.delete(block.id);
      } else if (view && view.code() !== block.code) view.setCode(block.code);
      if (was?.code !== block.code) this.submitted.delete(block.id);
    }
  }

  /** The code the runtime should have: what was last run, or the text of never-run cells. */
  kernelSources(doc: NotebookDoc): CellSource[] {
    return cellSources(doc).map((c) => ({ ...c, code: this.submitted.get(c.id) ?? c.code }));
  }

  /** The cell is about to run `code`: its "edited since run" mark goes. */
  ran(cellId: string, code: string): void {
    this.submitted.set(cellId, code);
    this.views.get(cellId)?.setEdited(false);
  }

  /** A new recipe cell has no inputs yet: it waits for "Run recipe" instead of failing at once. */
  holdBack(cellId: string): void {
    this.submitted.set(cellId, '');
  }

  /** The cell's code is now `code`: marked edited when that is not what it last ran. */
  typed(cellId: string, code: string): void {
    this.views.get(cellId)?.setEdited(this.submitted.has(cellId) ? this.submitted.get(cellId) !== code : true);
  }

  /**
   * Takes a runtime message about a cell (its status, a `display`); answers true for a status,
   * which may change the names the cell defines (the editors' types follow).
   */
  receive(message: FromWorker): boolean {
    if (message.type === 'cell-status') {
      const state = mergeStatus(this.states.get(message.id), message);
      this.states.set(message.id, state);
      this.views.get(message.id)?.setState(state);
      const settled = message.status === 'done' || message.status === 'error';
      if (settled && message.value?.kind === 'table') this.renderForms();
      return true;
    }
    if (message.type === 'cell-display') {
      const state = this.states.get(message.id);
      if (!state || state.version !== message.version) return false;
      const next = { ...state, displays: [...state.displays, message.value] };
      this.states.set(message.id, next);
      this.views.get(message.id)?.setState(next);
    }
    return false;
  }

  /** Recipe forms list tables and datasets: drawn again when those change. */
  renderForms(): void {
    for (const view of this.views.values()) view.renderForm();
  }

  /** Every name the cells define. */
  definedNames(): string[] {
    return [...this.states.values()].flatMap((s) => s.defines);
  }

  /** Names of cells whose one value is a table. */
  tableNames(): string[] {
    return [...this.states.values()].filter((s) => s.value?.kind === 'table' && s.defines.length === 1).map((s) => s.defines[0]!);
  }

  /** The columns of a table a cell defined under `name`, if any. */
  columnsOf(name: string): string[] | null {
    const state = [...this.states.values()].find((s) => s.defines.length === 1 && s.defines[0] === name.trim());
    return state?.value?.kind === 'table' ? state.value.columns : null;
  }

  blockEl(id: string | null): HTMLElement | null {
    return id === null ? null : this.el.querySelector<HTMLElement>(`[data-block="${CSS.escape(id)}"]`);
  }

  /** Marks the selected block. */
  showSelection(selected: string | null): void {
    for (const el of this.el.querySelectorAll<HTMLElement>('[data-block]')) el.classList.toggle('selected', el.dataset.block === selected);
  }

  /** Command mode: the block's frame has the focus (out of any editor), scrolled into view. */
  focusBlock(id: string | null): void {
    const el = this.blockEl(id);
    if (!el) return;
    if (document.activeElement !== el) el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest' });
  }

  dispose(): void {
    for (const view of this.views.values()) view.dispose();
  }
}
