import { CHART_MARKS, CHART_SPEC, type ChartMarkLike, type ChartSpecLike } from '../../../notebook/render-chart.js';

type PlotModule = Record<string, unknown>;
type Fn = (...args: unknown[]) => unknown;

/** Rows a recorded chart may carry to the page; a bigger chart stays a static picture. */
const MAX_ROWS = 20_000;
const POINTER_TRANSFORMS = new Set(['pointer', 'pointerX', 'pointerY']);
const RECORD = Symbol('liftbook.plot-record');
const NOT_PLAIN = Symbol('not plain data');

/**
 * A Plot module for the sandbox whose figures can be redrawn in the page. Cells run in a worker,
 * where Plot draws into a fake DOM: the picture crosses fine, but interactive marks (tip, pointer,
 * crosshair) need the page's DOM and events. So each mark call is recorded, and a figure whose
 * marks and options are plain data (no accessor functions, at most 20,000 rows a mark) carries a
 * chart spec (`CHART_SPEC`) that the page draws with the real Plot, interactions included.
 * Anything else keeps today's static SVG.
 *
 * @example
 * const Plot = recordingPlot(await import('@observablehq/plot'));
 * Plot.plot({ marks: [Plot.dot(rows, { x: 'a', y: 'b', tip: true })] })[CHART_SPEC]; // → { marks: [{ mark: 'dot', … }] }
 */
export function recordingPlot(real: PlotModule): PlotModule {
  const wrapped: PlotModule = { ...real };
  for (const [name, value] of Object.entries(real)) {
    if (typeof value !== 'function' || !(CHART_MARKS.has(name) || POINTER_TRANSFORMS.has(name))) continue;
    wrapped[name] = (...args: unknown[]) => {
      const result = (value as Fn)(...args);
      if (result && typeof result === 'object') {
        try {
          Object.defineProperty(result, RECORD, { value: { name, args }, enumerable: false });
        } catch {
          // a frozen result: it stays unrecorded, so its figure stays static
        }
      }
      return result;
    };
  }
  wrapped.plot = (options: Record<string, unknown> = {}) => {
    const figure = (real.plot as Fn)(options) as object;
    const spec = chartSpecOf(options);
    if (spec) Object.defineProperty(figure, CHART_SPEC, { value: spec, enumerable: false });
    return figure;
  };
  return wrapped;
}

/** The recorded Plot.plot call as a JSON-safe chart spec, or null when it does not fit one. */
function chartSpecOf(options: Record<string, unknown>): ChartSpecLike | null {
  try {
    const { marks, document: _document, ...rest } = options;
    const top = plain(rest) as Record<string, unknown>;
    return { ...top, marks: flatMarks(marks).map(markSpec) };
  } catch (error) {
    if (error === NOT_PLAIN) return null;
    throw error;
  }
}

// Nested arrays of marks flatten, except a recorded composite mark (crosshair is an array of rules
// and texts), which is redrawn by its own name.
function flatMarks(marks: unknown): unknown[] {
  if (marks == null) return [];
  if (Array.isArray(marks) && !(marks as unknown as Record<symbol, unknown>)[RECORD]) return marks.flatMap(flatMarks);
  return [marks];
}

function markSpec(mark: unknown): ChartMarkLike {
  const record = (mark as Record<symbol, { name: string; args: unknown[] } | undefined>)?.[RECORD];
  if (!record || POINTER_TRANSFORMS.has(record.name)) throw NOT_PLAIN;
  const [first, second] = record.args;
  // Marks take (data, options); a few (frame, axes, grids) also take (options) alone.
  const optionsOnly = record.args.length === 1 && first && typeof first === 'object' && !Array.isArray(first) && !isIterable(first);
  const data = optionsOnly ? undefined : rows(first);
  const rawOptions = (optionsOnly ? first : second) as Record<string | symbol, unknown> | undefined;
  const transform = (rawOptions as Record<symbol, { name: string; args: unknown[] } | undefined> | undefined)?.[RECORD];
  if (transform) {
    // Plot.pointer({...}) and friends: keep the transform by name, applied again in the page.
    if (!POINTER_TRANSFORMS.has(transform.name)) throw NOT_PLAIN;
    return { mark: record.name, data, options: plain(transform.args[0] ?? {}) as Record<string, unknown>, transform: transform.name };
  }
  return { mark: record.name, data, ...(rawOptions ? { options: plain(rawOptions) as Record<string, unknown> } : {}) };
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return !!value && typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function';
}

function rows(data: unknown): unknown {
  if (data == null) return data;
  if (!isIterable(data) || typeof data === 'string') throw NOT_PLAIN;
  const out: unknown[] = [];
  for (const row of data) {
    if (out.length >= MAX_ROWS) throw NOT_PLAIN;
    out.push(plain(row));
  }
  return out;
}

/** JSON-safe copy of plain data (dates as ISO strings, which the page turns back into dates). */
function plain(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || depth > 6) throw NOT_PLAIN;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return Array.from(value as ArrayLike<unknown>, (v) => plain(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) throw NOT_PLAIN;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const copy = plain(v, depth + 1);
    if (copy !== undefined) out[k] = copy;
  }
  return out;
}
