import { monaco, setupMonaco } from './monaco-setup.js';
import { registerSqlCompletion } from './sql-completion.js';

export interface EditorHooks {
  onChange: (code: string) => void;
  /** Ctrl/Cmd-Enter: run, and keep typing here. */
  onRun: () => void;
  /** Shift-Enter: run, and move on to the next cell (Jupyter's keys). */
  onRunAdvance: () => void;
  onSave: () => void;
  onPalette: () => void;
}

/**
 * A Monaco editor for one cell: grows with its content, each cell its own TypeScript model
 * (`file:///cells/<id>.ts`) so the language service sees cells as separate modules; a SQL cell's
 * model is SQL, with table and column completion from its source.
 *
 * @example
 * const editor = codeEditor(div, 'c1', 'ts', 'const x = 1', hooks);
 */
export function codeEditor(container: HTMLElement, id: string, lang: string, code: string, hooks: EditorHooks): monaco.editor.IStandaloneCodeEditor {
  setupMonaco();
  const extension = lang === 'ts' || lang === 'sql' ? lang : 'js';
  const uri = monaco.Uri.parse(`file:///cells/${id}.${extension}`);
  monaco.editor.getModel(uri)?.dispose();
  const model = monaco.editor.createModel(code, lang === 'ts' ? 'typescript' : lang === 'sql' ? 'sql' : 'javascript', uri);
  if (lang === 'sql') registerSqlCompletion();
  const editor = monaco.editor.create(container, {
    model,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    scrollbar: { alwaysConsumeMouseWheel: false, vertical: 'hidden' },
    lineNumbers: 'on',
    lineNumbersMinChars: 3,
    folding: false,
    glyphMargin: false,
    fontSize: 13,
    renderLineHighlight: 'none',
    overviewRulerLanes: 0,
    tabSize: 2,
    fixedOverflowWidgets: true,
    padding: { top: 6, bottom: 6 },
  });
  const fit = () => {
    container.style.height = `${Math.max(28, editor.getContentHeight())}px`;
    editor.layout();
  };
  editor.onDidContentSizeChange(fit);
  fit();
  editor.onDidChangeModelContent(() => hooks.onChange(editor.getValue()));
  // addAction, not addCommand: Monaco binds addCommand keys to the last editor created, and a
  // notebook has one editor per cell.
  const action = (id: string, label: string, keybindings: number[], run: () => void) => editor.addAction({ id: `liftbook.${id}`, label, keybindings, run });
  action('run-cell', 'Run cell', [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter], hooks.onRun);
  action('run-advance', 'Run cell and select the next', [monaco.KeyMod.Shift | monaco.KeyCode.Enter], hooks.onRunAdvance);
  action('save', 'Save notebook', [monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS], hooks.onSave);
  action('palette', 'Command palette', [monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyK, monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyP], hooks.onPalette);
  return editor;
}
