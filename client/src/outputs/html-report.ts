import * as Plot from '@observablehq/plot';
import { notebookReport } from '../../../notebook/report/notebook-report.js';
import type { NotebookDoc } from '../../../notebook/types.js';
import type { CellUiState } from '../cells/cell-status.js';
import { safeHtmlText } from './safe-html.js';

/**
 * The ⤓ Report download: the notebook report (notebook/report/, the same as `liftbook run
 * --html`) of the cells as they last ran in the page and the parameter values they ran with, its
 * charts drawn by Plot into this page's document and its HTML through the page's sanitizer.
 * KaTeX's stylesheet and fonts are loaded only when the report has math (a separate chunk), hence
 * async.
 *
 * @example
 * download('report.html', await htmlReport(doc, notebookTitle(doc, saved.title), states, runner.params()), 'text/html');
 */
export function htmlReport(doc: NotebookDoc, title: string, states: ReadonlyMap<string, CellUiState>, params: Record<string, unknown> = {}): Promise<string> {
  return notebookReport(doc, Object.fromEntries(states), { title, params }, {
    chart: { Plot: Plot as unknown as Record<string, unknown>, document },
    sanitize: safeHtmlText,
    mathCss: async () => (await import('./report-math-css.js')).reportMathCss,
  });
}
