/**
 * Renders a declarative chart spec (recipes' `ChartSpec`: `{id, title, caption?, marks, ...plot
 * options}`) with Observable Plot. Isomorphic: the caller passes `Plot` and a `document` (the
 * page's in the browser, linkedom's on the server), so this file imports neither.
 */

/** One mark of a chart spec: a Plot mark function's name, its data rows and its options. */
export interface ChartMarkLike {
  mark: string;
  data?: unknown;
  options?: Record<string, unknown>;
  /** A pointer transform (`pointer`, `pointerX`, `pointerY`) applied to the options. */
  transform?: string;
}

/**
 * Where a figure drawn in a sandbox keeps the chart spec it was drawn from, so the page can draw
 * it again with interactions (see client/src/sandbox/plot-recorder.ts); `summarizeValue` reads it.
 */
export const CHART_SPEC = 'liftbookChartSpec';

const TRANSFORMS = new Set(['pointer', 'pointerX', 'pointerY']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Chart data rows with JSON's ISO date strings turned back into dates (so Plot picks a time scale).
 *
 * @example
 * reviveDates([{ t: '2025-01-01T00:00:00.000Z' }]); // → [{ t: Date(2025-01-01) }]
 */
export function reviveDates(data: unknown): unknown {
  if (!Array.isArray(data)) return data;
  return data.map((row) => {
    if (!row || typeof row !== 'object' || Array.isArray(row)) return row;
    let copy: Record<string, unknown> | null = null;
    for (const [k, v] of Object.entries(row)) {
      if (typeof v === 'string' && ISO_DATE.test(v)) (copy ??= { ...row })[k] = new Date(v);
    }
    return copy ?? row;
  });
}

/** A chart spec as recipes produce it and snapshots store it (JSON-safe). */
export interface ChartSpecLike {
  id?: string;
  title?: string;
  caption?: string;
  marks: ChartMarkLike[];
  [plotOption: string]: unknown;
}

/** What renderChart needs: the Plot module (or any object with its mark functions) and a document. */
export interface ChartEnv {
  Plot: Record<string, unknown>;
  document: unknown;
}

// Mark constructors a spec may name. Anything else on the Plot module (plot, scale, legend,
// transforms) is not a mark, and a spec must not reach it by name.
export const CHART_MARKS: ReadonlySet<string> = new Set([
  'area', 'areaX', 'areaY', 'arrow', 'auto', 'axisX', 'axisY', 'axisFx', 'axisFy', 'barX', 'barY',
  'boxX', 'boxY', 'cell', 'cellX', 'cellY', 'contour', 'crosshair', 'crosshairX', 'crosshairY',
  'delaunayLink', 'delaunayMesh', 'density', 'differenceX', 'differenceY', 'dot', 'dotX', 'dotY',
  'frame', 'geo', 'gridX', 'gridY', 'gridFx', 'gridFy', 'hexagon', 'hull', 'image', 'line', 'lineX',
  'lineY', 'linearRegressionX', 'linearRegressionY', 'link', 'raster', 'rect', 'rectX', 'rectY',
  'ruleX', 'ruleY', 'sphere', 'spike', 'text', 'textX', 'textY', 'tickX', 'tickY', 'tip', 'vector',
  'vectorX', 'vectorY', 'voronoi', 'voronoiMesh', 'waffleX', 'waffleY',
]);

/**
 * True when `value` looks like a chart spec (an object with a `marks` array of `{mark}`).
 *
 * @example
 * isChartSpec({ marks: [{ mark: 'dot' }] }); // → true
 */
export function isChartSpec(value: unknown): value is ChartSpecLike {
  return (
    !!value &&
    typeof value === 'object' &&
    Array.isArray((value as ChartSpecLike).marks) &&
    (value as ChartSpecLike).marks.every((m) => !!m && typeof m === 'object' && typeof m.mark === 'string')
  );
}

/**
 * Draws a chart spec: `Plot.plot({...options, title, caption, marks})` with each mark built as
 * `Plot[mark](data, options)`. An unknown mark name is an error naming it and the spec.
 *
 * @example
 * const svg = renderChart(
 *   { id: 'effects', title: 'Lift by metric', marks: [{ mark: 'dot', data: [{ x: 1, y: 2 }], options: { x: 'x', y: 'y' } }] },
 *   { Plot, document },
 * );
 */
export function renderChart(spec: ChartSpecLike, env: ChartEnv): Element {
  if (!isChartSpec(spec)) throw new Error('A chart spec needs a "marks" array of { mark, data, options }.');
  const { id, marks, ...options } = spec;
  const built = marks.map((m, i) => {
    const make = env.Plot[m.mark];
    if (!CHART_MARKS.has(m.mark) || typeof make !== 'function') {
      throw new Error(`Chart "${id ?? spec.title ?? 'untitled'}": mark ${i + 1} is "${m.mark}", which is not an Observable Plot mark (e.g. dot, line, barY, ruleY, cell, text).`);
    }
    let options: unknown = m.options ?? {};
    if (m.transform) {
      if (!TRANSFORMS.has(m.transform)) throw new Error(`Chart "${id ?? spec.title ?? 'untitled'}": mark ${i + 1} names the transform "${m.transform}"; only pointer, pointerX and pointerY are allowed.`);
      options = (env.Plot[m.transform] as (o: unknown) => unknown)(options);
    }
    return (make as (data: unknown, options?: unknown) => unknown)(reviveDates(m.data), options);
  });
  const plot = env.Plot.plot as (options: Record<string, unknown>) => Element;
  return plot({ ...options, marks: built, document: env.document });
}
