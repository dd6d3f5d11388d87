import { notebookReport } from '../../notebook/report/notebook-report.js';
import type { ReportCell } from '../../notebook/report/types.js';
import { notebookTitle } from '../../notebook/title.js';
import type { NotebookDoc } from '../../notebook/types.js';
import { serverReportEnv } from './report-env.js';

/**
 * `liftbook run --html`: the notebook report (notebook/report/) of a headless run, drawn under
 * Node; `title` is the fallback when the notebook states none (the file name).
 *
 * @example
 * const html = await notebookReportHtml(run.doc, { c1: { status: 'done', ms: 12, value } }, { title: 'q3', params: run.params });
 */
export function notebookReportHtml(doc: NotebookDoc, cells: Record<string, ReportCell>, options: { title?: string; params?: Record<string, unknown>; generatedAt?: Date } = {}): Promise<string> {
  return notebookReport(doc, cells, { ...options, title: notebookTitle(doc, options.title ?? 'Notebook') }, serverReportEnv());
}
