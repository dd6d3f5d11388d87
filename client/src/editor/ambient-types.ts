import type * as monacoApi from 'monaco-editor';

// The real .d.ts files of Arquero and Plot, so hover and autocomplete show their actual signatures.
const arqueroTypes = import.meta.glob('../../../node_modules/arquero/dist/types/**/*.d.ts', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const plotTypes = import.meta.glob('../../../node_modules/@observablehq/plot/src/**/*.d.ts', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

type Defaults = typeof monacoApi.typescript.typescriptDefaults;

/**
 * Registers Arquero's and Plot's declaration files under a virtual node_modules, where the
 * TypeScript worker's module resolution finds them.
 *
 * @example
 * addLibraryTypes(monaco.typescript.typescriptDefaults);
 */
export function addLibraryTypes(defaults: Defaults): void {
  for (const [path, text] of [...Object.entries(arqueroTypes), ...Object.entries(plotTypes)]) {
    defaults.addExtraLib(text, `file:///${path.replace(/^(\.\.\/)+/, '')}`);
  }
  defaults.addExtraLib(JSON.stringify({ name: 'arquero', types: './dist/types/index.d.ts' }), 'file:///node_modules/arquero/package.json');
  defaults.addExtraLib(JSON.stringify({ name: '@observablehq/plot', types: './src/index.d.ts' }), 'file:///node_modules/@observablehq/plot/package.json');
}

/** The globals every cell sees (the runtime's builtins and host functions). */
export const AMBIENT_TYPES = `
type __Table = import('arquero').ColumnTable;
/** Arquero: tables and verbs (https://idl.uw.edu/arquero). */
declare const aq: typeof import('arquero');
/** Arquero's operations for expressions: op.mean, op.sum, op.count … */
declare const op: typeof import('arquero').op;
/** Observable Plot (https://observablehq.com/plot). */
declare const Plot: typeof import('@observablehq/plot');
/** A recipe's result: named metrics, Arquero tables, declarative charts and plain-language notes. */
interface RecipeResult {
  metrics: Record<string, number | string | null>;
  tables: Record<string, __Table>;
  charts: { id: string; title: string; caption?: string; marks: { mark: string; data?: object[]; options?: object }[]; [option: string]: unknown }[];
  notes: string[];
}
/**
 * Runs a liftbook recipe on the server and returns its result.
 * @param id the recipe id, e.g. 'lift', 'retention', 'clv'
 * @param inputs input tables by name, e.g. { units: orders }
 * @param params the recipe's parameters (see its form)
 * @example const result = await recipe('lift', { units: orders }, { variant: 'variant', metrics: ['converted'] })
 */
declare function recipe(id: string, inputs: Record<string, __Table | object[]>, params?: Record<string, unknown>): Promise<RecipeResult>;
/**
 * Loads a dataset (uploaded or bundled) as an Arquero table.
 * @example const orders = await load('orders')
 */
declare function load(name: string, options?: { limit?: number }): Promise<__Table>;
/** Shows a value below the cell (tables, charts, text); call it several times for several outputs. */
declare function display<T>(value: T, options?: { format?: Record<string, string> }): T;
/** Aborts when the cell is stopped or re-run: pass it to long loops and fetches. */
declare const signal: AbortSignal;
/** An input made by Inputs.*: pass it to view() to show it and read its value. */
interface __Input<T> { readonly __value?: T }
interface __InputOptions { label?: string; disabled?: boolean; width?: number }
interface __ChoiceOptions<T, V> { label?: string; format?: (d: T, i: number) => string | number; valueof?: (d: T, i: number) => V; disabled?: boolean | V[] }
interface __TableOptions { columns?: string[]; header?: Record<string, string>; sort?: string; reverse?: boolean; rows?: number; multiple?: boolean; required?: boolean; select?: boolean; width?: number; maxWidth?: number; height?: number; layout?: 'fixed' | 'auto'; align?: Record<string, 'left' | 'right' | 'center'> }
interface __SearchOptions { label?: string; query?: string; placeholder?: string; columns?: string[]; datalist?: Iterable<unknown>; required?: boolean; disabled?: boolean; width?: number }
/** Observable Inputs (https://observablehq.com/framework/inputs/): \`const n = view(Inputs.range([1, 10], { step: 1 }))\`. Functions (format, valueof) run in the sandbox; the page draws the input. */
declare const Inputs: {
  range(extent: [number, number], options?: __InputOptions & { value?: number; step?: number; placeholder?: string }): __Input<number>;
  number(options?: __InputOptions & { value?: number; step?: number; placeholder?: string }): __Input<number | undefined>;
  number(extent: [number, number], options?: __InputOptions & { value?: number; step?: number; placeholder?: string }): __Input<number | undefined>;
  text(options?: __InputOptions & { value?: string; placeholder?: string; submit?: boolean | string; maxlength?: number }): __Input<string>;
  textarea(options?: __InputOptions & { value?: string; placeholder?: string; submit?: boolean | string; maxlength?: number; rows?: number }): __Input<string>;
  toggle(options?: { label?: string; value?: boolean; disabled?: boolean }): __Input<boolean>;
  toggle<T>(options: { label?: string; value?: T; values: [T, T]; disabled?: boolean }): __Input<T>;
  color(options?: { label?: string; value?: string; disabled?: boolean }): __Input<string>;
  date(options?: __InputOptions & { value?: Date | string | null; min?: Date | string; max?: Date | string }): __Input<Date | null>;
  select<T, V = T>(data: Iterable<T>, options: __ChoiceOptions<T, V> & { value?: V[]; multiple: true | number; size?: number; width?: number }): __Input<V[]>;
  select<T, V = T>(data: Iterable<T>, options?: __ChoiceOptions<T, V> & { value?: V; multiple?: false; size?: number; width?: number }): __Input<V>;
  radio<T, V = T>(data: Iterable<T>, options?: __ChoiceOptions<T, V> & { value?: V }): __Input<V | null>;
  checkbox<T, V = T>(data: Iterable<T>, options?: __ChoiceOptions<T, V> & { value?: V[] }): __Input<V[]>;
  search(data: __Table, options?: __SearchOptions): __Input<__Table>;
  search<T>(data: Iterable<T>, options?: __SearchOptions): __Input<T[]>;
  table(data: __Table, options?: __TableOptions): __Input<__Table>;
  table<T extends object>(data: T[], options?: __TableOptions & { value?: T[] }): __Input<T[]>;
};
/**
 * Shows an input below the cell and returns its value; when the reader changes it, the cell and the
 * cells that read the name re-run. Headless (liftbook run) it keeps its initial value.
 * @example const weeks = view(Inputs.range([1, 12], { step: 1, value: 4, label: 'Weeks' }))
 */
declare function view<T>(input: __Input<T>): T;
`;

/**
 * Declarations of the names other cells define, typed loosely (their values live in the sandbox),
 * so a cell that reads \`orders\` gets no "cannot find name" error and autocomplete lists it.
 *
 * @example
 * notebookNamesTypes({ orders: 'table', total: 'number' }); // → 'declare const orders: …'
 */
export function notebookNamesTypes(names: Record<string, string>): string {
  const typeOf: Record<string, string> = { table: '__Table', number: 'number', string: 'string', boolean: 'boolean', date: 'Date', 'recipe-result': 'RecipeResult' };
  return Object.entries(names).map(([name, kind]) => `declare const ${name}: ${typeOf[kind] ?? 'any'};`).join('\n');
}
