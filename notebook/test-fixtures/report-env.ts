import * as Plot from '@observablehq/plot';
import type { WindowLike } from 'dompurify';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import type { ReportEnv } from '../report/types.js';
import { htmlSanitizer } from '../sanitize-html.js';

const sanitizer = htmlSanitizer(new JSDOM('<!doctype html>').window as unknown as WindowLike);

/**
 * A report environment for tests (as the CLI's: Plot on linkedom, the sanitizer on jsdom) whose
 * math stylesheet is a marker, with a count of how often it was asked for.
 *
 * @example
 * const env = testReportEnv(); await notebookReport(doc, {}, { title: 'x' }, env); env.mathCssCalls; // → 0
 */
export function testReportEnv(): ReportEnv & { mathCssCalls: number } {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const env = {
    mathCssCalls: 0,
    chart: { Plot: Plot as unknown as Record<string, unknown>, document },
    sanitize: (html: string) => sanitizer.toHtml(html),
    mathCss: async () => {
      env.mathCssCalls++;
      return '.katex{/* test math css */}';
    },
  };
  return env;
}
