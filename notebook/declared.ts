/**
 * The value of a cell that only declares names (`const rows = …; const verdict = …`) and ends in
 * no expression: every name it declares, in order. Jupyter and marimo show a cell's last
 * expression; a cell without one would otherwise show nothing, hiding e.g. a notebook's conclusion.
 */
export class DeclaredValues {
  constructor(readonly values: Record<string, unknown>) {}
}

/**
 * What a finished cell shows: its last expression, else its one declared name, else all of them.
 *
 * @example
 * cellValue({ hasValue: false, value: undefined, values: { a: 1, b: 2 } }, ['a', 'b']); // → DeclaredValues { values: { a: 1, b: 2 } }
 */
export function cellValue(result: { hasValue: boolean; value: unknown; values: Record<string, unknown> }, defines: string[]): unknown {
  if (result.hasValue) return result.value;
  if (defines.length === 1) return result.values[defines[0]];
  if (defines.length === 0) return undefined;
  return new DeclaredValues(Object.fromEntries(defines.map((name) => [name, result.values[name]])));
}
