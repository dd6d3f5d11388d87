/**
 * What is wrong with a drawn chart, checked in the browser (runs in the page: no imports):
 * labels whose boxes overlap (tick labels, axis labels, text marks) and legend swatches whose
 * colour no mark in the chart uses. Each problem names the chart, the texts or the colour.
 *
 * @example
 * chartProblems(document.querySelector('.chart')!); // → ['"Effect vs control" overlaps "+10%"']
 */
export function chartProblems(chart: Element, name = ''): string[] {
  const problems: string[] = [];
  const where = name ? `${name}: ` : '';
  const plots = [...chart.querySelectorAll('svg')].filter((svg) => !svg.closest('[class$="-swatch"]') && svg.querySelector('g[aria-label]'));
  for (const svg of plots) {
    const texts = [...svg.querySelectorAll('text')].filter((t) => !t.closest('g[aria-label="tip"]') && (t.textContent ?? '').trim() !== '');
    const boxes = texts.map((t) => ({ text: (t.textContent ?? '').trim(), corners: screenCorners(t) }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        if (overlap(boxes[i]!.corners, boxes[j]!.corners) > 1) problems.push(`${where}"${boxes[i]!.text}" overlaps "${boxes[j]!.text}"`);
      }
    }
  }
  const paint = (el: Element) => {
    const style = getComputedStyle(el);
    return [style.fill, style.stroke];
  };
  const marks = plots.flatMap((svg) =>
    [...svg.querySelectorAll('g[aria-label] :is(rect, circle, path, line, polygon, text)')].filter((el) => {
      const label = el.closest('g[aria-label]')!.getAttribute('aria-label') ?? '';
      return !/axis|tick|grid|tip|label/.test(label);
    }),
  );
  const used = new Set(marks.flatMap(paint));
  for (const swatch of chart.querySelectorAll('[class$="-swatch"]')) {
    const shape = swatch.querySelector('svg');
    if (!shape) continue;
    const colours = new Set(paint(shape).concat([...shape.querySelectorAll('*')].flatMap(paint)).filter((c) => c !== 'none' && c !== 'rgb(0, 0, 0)'));
    if (![...colours].some((c) => used.has(c))) problems.push(`${where}legend swatch "${(swatch.textContent ?? '').trim()}" (${[...colours].join(', ')}) has no marks`);
  }
  return problems;
}

type Point = { x: number; y: number };

/** The four corners of a text's box on screen: rotated labels stay rotated rectangles, not their bounding boxes. */
function screenCorners(text: SVGTextElement): Point[] {
  const box = text.getBBox();
  const matrix = text.getScreenCTM()!;
  return [
    [box.x, box.y],
    [box.x + box.width, box.y],
    [box.x + box.width, box.y + box.height],
    [box.x, box.y + box.height],
  ].map(([x, y]) => new DOMPoint(x, y).matrixTransform(matrix));
}

/**
 * How deep two convex quadrilaterals overlap, in pixels (separating axis theorem: the smallest
 * overlap of their projections on the edges' normals; 0 or less means apart).
 */
function overlap(a: Point[], b: Point[]): number {
  let least = Infinity;
  for (const shape of [a, b]) {
    for (let i = 0; i < shape.length; i++) {
      const p = shape[i]!;
      const q = shape[(i + 1) % shape.length]!;
      const length = Math.hypot(q.x - p.x, q.y - p.y);
      if (length === 0) continue;
      const [nx, ny] = [(p.y - q.y) / length, (q.x - p.x) / length];
      const project = (pts: Point[]) => pts.map((pt) => pt.x * nx + pt.y * ny);
      const [pa, pb] = [project(a), project(b)];
      least = Math.min(least, Math.min(Math.max(...pa), Math.max(...pb)) - Math.max(Math.min(...pa), Math.min(...pb)));
    }
  }
  return least;
}
