import { cellSource } from '../format.js';
import { renderMarkdown } from '../markdown.js';
import type { CellError, NotebookDoc } from '../types.js';
import { formatAny } from '../value-format.js';
import { escapeHtml } from './escape-html.js';
import { madeAt, reportPage } from './page.js';
import type { ReportCell, ReportEnv } from './types.js';
import { valueHtml } from './value-html.js';

export interface NotebookReportOptions {
  /** The notebook's title (notebook/title.ts: `notebookTitle(doc, fallback)`). */
  title: string;
  /** The parameter values the cells ran with. */
  params?: Record<string, unknown>;
  generatedAt?: Date;
}

/**
 * The HTML report of a notebook as it ran, the same from the workbench's ⤓ Report and from
 * `liftbook run --html`: the prose rendered from Markdown (math and tables as in the workbench,
 * sanitized), then each cell with its status and time, its code folded away (a SQL cell's query
 * open, with its source), its error, and its outputs in order. One self-contained file under a
 * no-script, no-network CSP (see reportPage).
 *
 * @example
 * const html = await notebookReport(doc, { c1: { status: 'done', ms: 12, value } }, { title: notebookTitle(doc, 'report') }, env);
 */
export async function notebookReport(doc: NotebookDoc, cells: Readonly<Record<string, ReportCell | undefined>>, options: NotebookReportOptions, env: ReportEnv): Promise<string> {
  const parts: string[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'prose') {
      const text = block.text.trim();
      if (text) parts.push(`<div class="prose">${env.sanitize(renderMarkdown(text))}</div>`);
      continue;
    }
    const cell: ReportCell = cells[block.id] ?? { status: 'idle' };
    const failed = cell.status === 'error' || cell.status === 'cancelled';
    // A SQL cell's query is what it says: shown open, with the source it ran on.
    const sql = block.lang === 'sql';
    const head = [block.id, block.attrs.recipe ? `recipe ${block.attrs.recipe}` : '', sql ? `SQL on ${cellSource(block).source}` : '', cell.status, cell.ms !== undefined ? `${Math.round(cell.ms)} ms` : '']
      .filter(Boolean)
      .join(' · ');
    const outputs = [...(cell.displays ?? []), cell.value].map((v) => valueHtml(v, env)).filter(Boolean).join('\n');
    parts.push(
      `<section class="cell${failed ? ' error' : ''}" id="cell-${escapeHtml(block.id)}">` +
        `<div class="cell-head">${escapeHtml(head)}</div>` +
        `<details class="code"${sql ? ' open' : ''}><summary>${sql ? 'SQL' : 'code'}</summary><pre>${escapeHtml(block.code)}</pre></details>` +
        (cell.error ? `<div class="error">${escapeHtml(errorText(cell.error))}</div>` : '') +
        outputs +
        `</section>`,
    );
  }
  const params = Object.entries(options.params ?? {});
  const meta = [madeAt(options.generatedAt ?? new Date()), params.length ? `parameters: ${params.map(([k, v]) => `${k} = ${formatAny(v)}`).join(', ')}` : ''].filter(Boolean).join(' · ');
  // Notebooks usually open with their title as a Markdown heading; do not print it twice.
  const heading = !/^<div class="prose"><h1[ >]/.test(parts[0] ?? '');
  return reportPage(options.title, parts.join('\n'), meta, env, { heading });
}

function errorText(error: CellError): string {
  const where = error.line ? ` (line ${error.line}${error.column ? `, column ${error.column}` : ''})` : '';
  const upstream = error.upstream ? ` — because cell ${error.upstream} failed` : '';
  return `${error.message}${where}${upstream}`;
}
