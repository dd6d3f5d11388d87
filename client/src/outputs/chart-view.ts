import * as Plot from '@observablehq/plot';
import { renderChart, type ChartSpecLike } from '../../../notebook/render-chart.js';
import { h } from '../shell/dom.js';
import { download, fileStem } from '../shell/download.js';

// Marks whose points a reader wants to inspect get Plot's pointer tooltip unless the spec chose.
const TIPPABLE = new Set(['dot', 'dotX', 'dotY', 'barX', 'barY', 'cell', 'line', 'lineX', 'lineY', 'rectX', 'rectY', 'areaY', 'tickX', 'tickY']);
const MIN_WIDTH = 320;
// Plot sizes its margins for its own 10px text; at the 12px drawn here an axis label in Plot's
// default 30px margin sits on the tick labels, so labelled x and fx axes get 10px more.
const AXIS_LABEL_MARGIN = 40;

/**
 * A declarative chart spec drawn with Plot in the page, with tooltips on its data marks. It fills
 * its cell's width and is drawn again when that width changes (unless the spec fixes a width), and
 * downloads as SVG or PNG.
 *
 * @example
 * document.body.append(chartView({ id: 'c', title: 'Lift', marks: [{ mark: 'dot', data: [{ x: 1, y: 2 }], options: { x: 'x', y: 'y' } }] }));
 */
export function chartView(spec: ChartSpecLike): HTMLElement {
  const withTips: ChartSpecLike = {
    ...roomForAxisLabels(spec),
    ...spec,
    marks: spec.marks.map((m) => (TIPPABLE.has(m.mark) && !(m.options && 'tip' in m.options) ? { ...m, options: { ...m.options, tip: true } } : m)),
  };
  const name = fileStem(String(spec.title ?? spec.id ?? 'chart'));
  const host = h('div', { class: 'chart-figure' });
  const root = h('div', { class: 'chart', 'data-chart': spec.id ?? '' },
    h('div', { class: 'chart-actions' },
      h('button', { class: 'icon chart-svg', title: 'Download as SVG', onclick: () => download(`${name}.svg`, svgText(host), 'image/svg+xml') }, '⤓ SVG'),
      h('button', { class: 'icon chart-png', title: 'Download as PNG', onclick: () => void pngBlob(host).then((blob) => download(`${name}.png`, blob, 'image/png')) }, '⤓ PNG')),
    host);
  let drawnWidth = 0;
  const draw = (width?: number) => {
    try {
      const options = { style: { fontSize: '12px', overflow: 'visible' }, ...(width ? { width } : {}), ...withTips };
      host.replaceChildren(renderChart(options, { Plot: Plot as unknown as Record<string, unknown>, document }));
      drawnWidth = width ?? 0;
    } catch (error) {
      host.replaceChildren(h('div', { class: 'output-error' }, `Chart "${spec.title ?? spec.id ?? ''}" could not be drawn: ${(error as Error).message}`));
    }
  };
  draw();
  if (typeof spec.width !== 'number' && typeof ResizeObserver !== 'undefined') {
    let timer: ReturnType<typeof setTimeout> | undefined;
    new ResizeObserver(([entry]) => {
      const width = Math.max(MIN_WIDTH, Math.floor(entry!.contentRect.width));
      if (!entry!.contentRect.width || Math.abs(width - drawnWidth) < 8) return;
      clearTimeout(timer);
      timer = setTimeout(() => draw(width), drawnWidth ? 120 : 0);
    }).observe(root);
  }
  return root;
}

/**
 * Margins for the charts whose x or fx axis has a label (unless the spec sets that margin): below
 * for an axis at the bottom, above for one at the top. Plot puts fx at the top when x is at the bottom.
 */
function roomForAxisLabels(spec: ChartSpecLike): Record<string, number> {
  if (spec.margin !== undefined) return {};
  const channels = new Set(spec.marks.flatMap((m) => Object.keys(m.options ?? {})));
  const x = (spec.x ?? {}) as Record<string, unknown>;
  const fx = (spec.fx ?? {}) as Record<string, unknown>;
  const hidden = (axis: Record<string, unknown>) => axis.axis === null || axis.axis === false;
  const xAnchor = !['x', 'x1', 'x2'].some((k) => channels.has(k)) || hidden(x) ? undefined : x.axis === 'top' ? 'top' : 'bottom';
  const fxAnchor = !channels.has('fx') || hidden(fx) ? undefined : fx.axis === 'top' || fx.axis === 'bottom' ? fx.axis : xAnchor === 'bottom' ? 'top' : 'bottom';
  const room: Record<string, number> = {};
  for (const [anchor, axis] of [[xAnchor, x], [fxAnchor, fx]] as const) {
    const side = anchor === 'top' ? 'marginTop' : 'marginBottom';
    if (anchor && axis.label !== null && spec[side] === undefined) room[side] = AXIS_LABEL_MARGIN;
  }
  return room;
}

/**
 * The first opaque background colour from `colors` (an element's, then its ancestors'), else
 * white: what a chart is seen on in the page, light or dark theme.
 *
 * @example
 * opaqueBackground(['rgba(0, 0, 0, 0)', 'rgb(23, 27, 34)']); // → 'rgb(23, 27, 34)'
 */
export function opaqueBackground(colors: readonly string[]): string {
  return colors.find((c) => c && c !== 'transparent' && !/^rgba\(.*,\s*0(\.0*)?\)$/.test(c)) ?? '#fff';
}

/** The theme's colours around the chart: its text colour and the background it is drawn on. */
function themeColors(svg: SVGSVGElement): { color: string; background: string } {
  const backgrounds: string[] = [];
  for (let el: Element | null = svg; el; el = el.parentElement) backgrounds.push(getComputedStyle(el).backgroundColor);
  return { color: getComputedStyle(svg).color, background: opaqueBackground(backgrounds) };
}

/**
 * The chart's SVG as a standalone file (namespaces set, the page's font inlined), with the theme's
 * text colour and background: Plot draws in `currentColor` and the page's CSS variables, which a
 * file on its own does not have (dark-mode text would land on a white or transparent ground).
 */
function svgText(host: HTMLElement): string {
  const svg = host.querySelector('svg');
  if (!svg) return '';
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  copy.setAttribute('font-family', getComputedStyle(svg).fontFamily || 'system-ui, sans-serif');
  const { color, background } = themeColors(svg);
  copy.style.color = color;
  copy.style.backgroundColor = background;
  return new XMLSerializer().serializeToString(copy);
}

/** The chart as a PNG at twice its size (sharp on high-density screens and in slides). */
function pngBlob(host: HTMLElement): Promise<Blob> {
  const svg = host.querySelector('svg');
  const box = svg?.getBoundingClientRect();
  const width = Math.ceil(box?.width || 640);
  const height = Math.ceil(box?.height || 400);
  const url = URL.createObjectURL(new Blob([svgText(host)], { type: 'image/svg+xml' }));
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width * 2;
      canvas.height = height * 2;
      const context = canvas.getContext('2d')!;
      context.fillStyle = svg ? themeColors(svg).background : '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made.'))), 'image/png');
    };
    image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
    image.src = url;
  });
}
