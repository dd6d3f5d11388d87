import type { ChartEnv } from '../render-chart.js';
import type { CellError, CellStatus, ValueSummary } from '../types.js';

/**
 * What a report needs from where it is made (the workbench page or the CLI under Node); the
 * builder itself touches no DOM, file or network.
 */
export interface ReportEnv {
  /** Observable Plot and the document charts are drawn into: the page's, or linkedom's on the server. */
  chart: ChartEnv;
  /** The shared allow-list (notebook/sanitize-html.ts) on a DOM: prose and HTML outputs pass through it. */
  sanitize(html: string): string;
  /** KaTeX's stylesheet with its core fonts inline (notebook/math-css.ts), asked for only when the report has math. */
  mathCss(): string | Promise<string>;
}

/** What a report shows of a cell's last run (the runtime's `cell-status`, the workbench's cell state). */
export interface ReportCell {
  status: CellStatus;
  ms?: number;
  value?: ValueSummary;
  displays?: ValueSummary[];
  error?: CellError;
}
