import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import { addLibraryTypes, AMBIENT_TYPES } from './ambient-types.js';
import { onThemeChange } from '../shell/theme.js';

let ready = false;

/**
 * Configures Monaco once: its workers, TypeScript options for cell code (top-level await, no
 * modules), and the ambient types of `aq`, `op`, `Plot`, `recipe`, `load`, `display`, `signal`.
 *
 * @example
 * const monaco = setupMonaco();
 * monaco.editor.create(element, { language: 'typescript', value: 'const x = 1' });
 */
export function setupMonaco(): typeof monaco {
  if (ready) return monaco;
  ready = true;
  self.MonacoEnvironment = {
    getWorker: (_id: string, label: string) => (label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker()),
  };
  const ts = monaco.typescript;
  const options = {
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    allowNonTsExtensions: true,
    strict: false,
    noImplicitAny: false,
    lib: ['es2022', 'dom'],
    moduleDetection: 3, // force: every cell is a module, so top-level await type-checks
  };
  for (const defaults of [ts.typescriptDefaults, ts.javascriptDefaults]) {
    defaults.setCompilerOptions(options as Parameters<typeof defaults.setCompilerOptions>[0]);
    // 1375/1378: top-level await; 2451/2300: redeclared names across cells are the runtime's business.
    defaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false, diagnosticCodesToIgnore: [1375, 1378, 2451, 2300, 1208, 7006] });
    defaults.setEagerModelSync(true);
    addLibraryTypes(defaults);
    defaults.addExtraLib(AMBIENT_TYPES, 'file:///liftbook/ambient.d.ts');
  }
  // Dark mode (theme.ts): Monaco's dark theme on the panel colour of theme.css, so a cell reads as one surface.
  monaco.editor.defineTheme('liftbook-dark', { base: 'vs-dark', inherit: true, rules: [], colors: { 'editor.background': '#171b22', 'editor.lineHighlightBackground': '#1f2530', 'editorGutter.background': '#171b22' } });
  onThemeChange((theme) => monaco.editor.setTheme(theme === 'dark' ? 'liftbook-dark' : 'vs'));
  return monaco;
}

export { monaco };
