import type { MetricStats } from '../stats/moments.js';
import { addCells, type SegmentCells, type SegmentLayout } from './aggregate.js';
import type { CellStats } from './compare-segments.js';
import { cellStats, segmentRow, type SegmentMetric } from './metrics.js';

/** The statistics of one arm (a segment and variant, or a variant over all segments). */
export type ArmStats = Partial<Record<SegmentMetric, MetricStats>>;

/** The `segments` table's rows, and the statistics behind them per segment and overall. */
export interface SegmentTabulation {
  /** Segment names in sorted order. */
  segments: string[];
  cells: CellStats;
  overall: Map<string, ArmStats>;
  /** One row per segment and variant, then one `(all)` row per variant. */
  rows: Record<string, unknown>[];
  /** Arms below `min_customers`, as '"segment" / "variant" (n)'. */
  small: string[];
}

/**
 * Every segment's and every variant's statistics and table row, in sorted segment order and the
 * variants' `order` (control first).
 *
 * @example
 * tabulateSegments(readCells(table, layout, params), ['control', 'personalized'], layout, { margin: 0.3, min_customers: 30 });
 */
export function tabulateSegments(u: SegmentCells, order: string[], layout: SegmentLayout, p: { margin: number; min_customers: number }): SegmentTabulation {
  const bySegment = [...u.cells].sort(([a], [b]) => a.localeCompare(b));
  const cells: CellStats = new Map();
  const rows: Record<string, unknown>[] = [];
  const small: string[] = [];
  for (const [segment, sums] of bySegment) {
    const byVariant = new Map<string, ArmStats>();
    for (const v of order) {
      const cell = sums.get(v);
      if (!cell) continue;
      const stats = cellStats(cell, layout, u.convertedKind);
      byVariant.set(v, stats);
      rows.push(segmentRow(segment, v, stats, cell, layout, p.margin));
      if (cell.n! < p.min_customers) small.push(`"${segment}" / "${v}" (${cell.n})`);
    }
    cells.set(segment, byVariant);
  }
  const overall = new Map<string, ArmStats>();
  for (const v of order) {
    const cell = addCells(bySegment.flatMap(([, sums]) => (sums.has(v) ? [sums.get(v)!] : [])));
    overall.set(v, cellStats(cell, layout, u.convertedKind));
    rows.push(segmentRow('(all)', v, overall.get(v)!, cell, layout, p.margin));
  }
  return { segments: bySegment.map(([s]) => s), cells, overall, rows, small };
}
