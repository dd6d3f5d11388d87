import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { ReportEnv } from '../../notebook/report/types.js';
import { reportMathCss } from './math-css.js';
import { sanitizeHtml } from './sanitize.js';

/**
 * The report builder's environment under Node: Plot drawing into a linkedom document, the shared
 * sanitizer on jsdom, and KaTeX's stylesheet read from the installed package.
 *
 * @example
 * await notebookReport(doc, cells, { title }, serverReportEnv());
 */
export function serverReportEnv(): ReportEnv {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  return { chart: { Plot: Plot as unknown as Record<string, unknown>, document }, sanitize: sanitizeHtml, mathCss: reportMathCss };
}
