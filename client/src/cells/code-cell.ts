import type { InputRaw } from '../../../notebook/input-spec.js';
import type { CellBlock } from '../../../notebook/types.js';
import type { monaco } from '../editor/monaco-setup.js';
import { h } from '../shell/dom.js';
import { cellInputs, isBoundInput, type CellInputs } from './cell-inputs.js';
import { cellToolbar } from './cell-toolbar.js';
import { codeEditor } from '../editor/code-editor.js';
import { formatMs, statusText, type CellUiState } from './cell-status.js';
import { errorView } from './error-view.js';
import { outputView, type RemoteTables } from '../outputs/output-view.js';
import { progressBar } from '../shell/progress-bar.js';
import { recipeForm, type FormContext } from './recipe-form.js';
import { parseRecipeCode, recipeCode, resultName } from './recipe-code.js';
import { setSqlSource } from '../editor/sql-completion.js';
import { listSources } from '../sandbox/sql-host.js';

/** Fills a SQL cell's source picker; a source this server does not have stays listed, marked. */
async function fillSourcePicker(select: HTMLSelectElement, current: string): Promise<void> {
  let names = ['local'];
  try {
    names = (await listSources()).map((s) => `${s.name}`);
  } catch {
    // Offline or signed out: the cell still shows its own source.
  }
  const options = names.map((n) => h('option', { value: n }, n));
  if (!names.includes(current)) options.push(h('option', { value: current }, `${current} (not on this server)`));
  select.replaceChildren(...options);
  select.value = current;
}

/** What a code cell asks of the notebook editor. */
export interface CellContext {
  remote: RemoteTables;
  formContext: () => Omit<FormContext, 'onChange'>;
  onCodeChange: (id: string, code: string) => void;
  onRun: (id: string) => void;
  /** Shift-Enter in the editor: run, then select the next cell. */
  onRunAdvance: (id: string) => void;
  onStop: (id: string) => void;
  onSave: () => void;
  onPalette: () => void;
  onMove: (id: string, delta: -1 | 1) => void;
  onDelete: (id: string) => void;
  onToggleCollapse: (id: string) => void;
  onFocus: (id: string) => void;
  /** A SQL cell's source was picked: set its `source=` attribute. */
  onSource: (id: string, source: string) => void;
  /** Shows which cells this one reads from and feeds (under `anchor`, the header button). */
  onDependencies?: (id: string, anchor: HTMLElement) => void;
  /** The reader changed input `key` (a `view(Inputs.…)`) of the cell. */
  onInput?: (id: string, key: string, raw: InputRaw) => void;
}

/**
 * One code cell (or recipe cell, when its info string has `recipe=<id>`): header with status and
 * timing, optional recipe form, Monaco editor, progress bar and outputs.
 *
 * @example
 * const cell = new CodeCellView(block, context);
 * cell.setState({ status: 'done', ms: 3, version: 1, displays: [], defines: ['x'], references: [] });
 */
export class CodeCellView {
  readonly el: HTMLElement;
  private editor: monaco.editor.IStandaloneCodeEditor;
  private readonly status = h('span', { class: 'status' });
  private readonly names = h('span', { class: 'names' });
  private readonly outputs = h('div', { class: 'outputs' });
  /** Inputs bound by `view`: kept across runs (moving one re-runs the cell). */
  private readonly inputs: CellInputs;
  private readonly form = h('div', { class: 'form-host' });
  // Kept across form redraws: typing a parameter and clicking Run commits the field (change on
  // blur redraws the form) before the click lands, and a replaced button would swallow the click.
  private readonly formActions = h('div', { class: 'form-actions' }, h('button', { class: 'primary run-recipe', onclick: () => this.ctx.onRun(this.block.id) }, '▶ Run recipe'));
  private readonly progress = progressBar();
  private readonly editorHost = h('div', { class: 'editor' });
  private state: CellUiState | null = null;
  private settingCode = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** A SQL cell's source (`source=`), picked from the server's sources. */
  private readonly sourcePicker: HTMLSelectElement | null;

  constructor(private block: CellBlock, private readonly ctx: CellContext) {
    const id = block.id;
    this.inputs = cellInputs((key, raw) => ctx.onInput?.(id, key, raw));
    this.sourcePicker = block.lang === 'sql'
      ? h('select', { class: 'source-picker', title: 'The source this query runs on', 'aria-label': 'Source', onchange: () => ctx.onSource(id, this.sourcePicker!.value) })
      : null;
    this.el = h('section', { class: 'cell code-cell', 'data-cell': id, tabindex: '-1' },
      h('header', { class: 'cell-header' },
        h('span', { class: 'cell-id', title: 'cell id' }, id),
        block.attrs.recipe ? h('span', { class: 'tag' }, 'recipe') : null,
        block.lang === 'sql' ? h('span', { class: 'tag' }, 'SQL') : null,
        this.sourcePicker,
        this.names, this.status,
        ctx.onDependencies ? h('button', { class: 'icon deps', title: 'Dependencies: the cells this one reads from and feeds', 'aria-label': 'Dependencies',
          onclick: (e: Event) => ctx.onDependencies!(id, e.currentTarget as HTMLElement) }, '⇄') : null,
        cellToolbar({
          run: () => ctx.onRun(id), stop: () => ctx.onStop(id),
          moveUp: () => ctx.onMove(id, -1), moveDown: () => ctx.onMove(id, 1),
          toggleCollapse: () => ctx.onToggleCollapse(id), remove: () => ctx.onDelete(id),
        })),
      this.form, this.formActions, this.editorHost, this.progress.el, this.inputs.el, this.outputs);
    this.editor = codeEditor(this.editorHost, id, block.lang, block.code, {
      onChange: (code) => {
        if (this.settingCode) return;
        ctx.onCodeChange(id, code);
        if (this.block.attrs.recipe) this.renderForm(code);
      },
      onRun: () => ctx.onRun(id),
      onRunAdvance: () => ctx.onRunAdvance(id),
      onSave: () => ctx.onSave(),
      onPalette: () => ctx.onPalette(),
    });
    this.editor.onDidFocusEditorText(() => ctx.onFocus(id));
    this.setBlock(block);
  }

  get id(): string {
    return this.block.id;
  }

  code(): string {
    return this.editor.getValue();
  }

  /** Applies attribute changes (collapsed, recipe, a SQL cell's source) from the document. */
  setBlock(block: CellBlock): void {
    this.block = block;
    if (this.sourcePicker) {
      const source = typeof block.attrs.source === 'string' ? block.attrs.source : 'local';
      setSqlSource(this.editor.getModel()!, source);
      void fillSourcePicker(this.sourcePicker, source);
    }
    this.el.classList.toggle('collapsed', Boolean(block.attrs.collapsed));
    this.el.classList.toggle('recipe-cell', Boolean(block.attrs.recipe));
    this.formActions.hidden = !block.attrs.recipe;
    if (block.attrs.recipe) this.renderForm(this.editor.getValue());
  }

  /** Re-draws the recipe form, e.g. after an input table's columns became known. */
  renderForm(code = this.editor.getValue()): void {
    if (!this.block.attrs.recipe) return;
    const parsed = parseRecipeCode(code) ?? null;
    const context = this.ctx.formContext();
    const recipe = String(this.block.attrs.recipe);
    const call = parsed ?? { name: resultName(recipe, context.takenNames), recipe, inputs: {}, params: {} };
    const form = recipeForm(call, {
      ...context,
      takenNames: context.takenNames.filter((n) => n !== call.name),
      onChange: (next) => {
        const text = recipeCode(next);
        this.settingCode = true;
        this.editor.executeEdits('recipe-form', [{ range: this.editor.getModel()!.getFullModelRange(), text }]);
        this.settingCode = false;
        this.ctx.onCodeChange(this.block.id, text);
        this.renderForm(text);
      },
    });
    this.form.replaceChildren(...[form,
      parsed ? null : h('p', { class: 'hint warning' }, 'The code below no longer has the form\'s shape (one `const x = await recipe(id, {inputs}, {params})` with literal parameters); the form shows the last values it understood.'),
].filter((e): e is HTMLElement => e !== null));
  }

  /** Shows the runtime's state of this cell: status, timing, names, outputs. */
  setState(state: CellUiState): void {
    const previous = this.state;
    this.state = state;
    this.el.dataset.status = state.status;
    this.status.textContent = statusText(state);
    this.tickWhileRunning(state, previous);
    this.status.className = `status status-${state.status}`;
    this.names.textContent = state.defines.length ? state.defines.join(', ') : '';
    if (state.status !== 'running') this.progress.set(null);
    const outputsChanged = !previous || previous.value !== state.value || previous.displays !== state.displays || previous.error !== state.error;
    if (outputsChanged) this.renderOutputs(state);
  }

  /** A running cell counts its seconds, so a slow cell is visibly alive (and how slow it is). */
  private tickWhileRunning(state: CellUiState, previous: CellUiState | null): void {
    if (state.status !== 'running') {
      clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    if (this.timer !== undefined && previous?.status === 'running' && previous.version === state.version) return;
    clearInterval(this.timer);
    const started = Date.now();
    this.timer = setInterval(() => {
      this.status.textContent = `running · ${formatMs(Date.now() - started)}`;
    }, 200);
  }

  setProgress(fraction: number | null, label?: string): void {
    this.progress.set(fraction, label);
  }

  /** Marks code edited since it last ran (Observable's unsaved-cell dot). */
  setEdited(edited: boolean): void {
    this.el.classList.toggle('edited', edited);
  }

  focus(): void {
    this.editor.focus();
  }

  setCode(code: string): void {
    this.settingCode = true;
    this.editor.setValue(code);
    this.settingCode = false;
  }

  private renderOutputs(state: CellUiState): void {
    const title = state.defines.length === 1 ? state.defines[0] : '';
    // Inputs change only when a run finishes: while it runs, the reader may still be dragging one.
    if (state.status === 'done' || state.status === 'error') this.inputs.update(state.displays.filter(isBoundInput));
    const parts: (HTMLElement | null)[] = state.displays.filter((d) => !isBoundInput(d)).map((d) => outputView(d, this.ctx.remote));
    if (state.error) parts.push(errorView(state.error, this.editor.getValue()));
    else if (state.value) parts.push(outputView(state.value, this.ctx.remote, title));
    this.outputs.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  }

  dispose(): void {
    clearInterval(this.timer);
    this.editor.getModel()?.dispose();
    this.editor.dispose();
  }
}
