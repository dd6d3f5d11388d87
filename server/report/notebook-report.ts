import { cellSource } from '../../notebook/format.js';
import { renderMarkdown } from '../../notebook/markdown.js';
import { notebookTitle } from '../../notebook/title.js';
import type { CellError, CellStatus, NotebookDoc, ValueSummary } from '../../notebook/types.js';
import { escapeHtml, formatValue } from './format-value.js';
import { htmlPage } from './page.js';
import { sanitizeHtml } from './sanitize.js';
import { valueHtml } from './value-html.js';

/** What the report needs to know of a cell's last run. */
export interface ReportCell {
  status: CellStatus;
  ms?: number;
  value?: ValueSummary;
  displays?: ValueSummary[];
  error?: CellError;
}

export interface NotebookReportOptions {
  /** Title when the front matter has none (e.g. the file name). */
  title?: string;
  params?: Record<string, unknown>;
  generatedAt?: Date;
}

/**
 * A self-contained HTML report of a notebook run: the prose rendered from Markdown (math and
 * tables as in the workbench, notebook/markdown.ts), then each
 * cell's outputs in order (its code folded away), errors shown on the cell that failed.
 *
 * @example
 * const html = notebookReportHtml(parseNotebook(text), { c1: { status: 'done', ms: 12, value } }, { params: { seed: 42 } });
 */
export function notebookReportHtml(doc: NotebookDoc, cells: Record<string, ReportCell>, options: NotebookReportOptions = {}): string {
  const parts: string[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'prose') {
      const text = block.text.trim();
      if (text) parts.push(`<div class="prose">${sanitizeHtml(renderMarkdown(text))}</div>`);
      continue;
    }
    const cell = cells[block.id] ?? { status: 'idle' as CellStatus };
    const failed = cell.status === 'error' || cell.status === 'cancelled';
    // A SQL cell's query is what it says: shown open, with the source it ran on.
    const sql = block.lang === 'sql';
    const head = [block.id, block.attrs.recipe ? `recipe ${block.attrs.recipe}` : '', sql ? `SQL on ${cellSource(block).source}` : '', cell.status, cell.ms !== undefined ? `${Math.round(cell.ms)} ms` : '']
      .filter(Boolean)
      .join(' · ');
    const outputs = [...(cell.displays ?? []).map(valueHtml), valueHtml(cell.value)].filter(Boolean).join('\n');
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
  const meta = [
    `Run ${(options.generatedAt ?? new Date()).toISOString()}`,
    params.length ? `parameters: ${params.map(([k, v]) => `${k} = ${formatValue(v)}`).join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  // Notebooks usually open with their title as a Markdown heading; do not print it twice.
  const heading = !/^<div class="prose"><h1[ >]/.test(parts[0] ?? '');
  return htmlPage(notebookTitle(doc, options.title ?? 'Notebook'), parts.join('\n'), meta, { heading });
}

function errorText(error: CellError): string {
  const where = error.line ? ` (line ${error.line}${error.column ? `, column ${error.column}` : ''})` : '';
  const upstream = error.upstream ? ` — because cell ${error.upstream} failed` : '';
  return `${error.message}${where}${upstream}`;
}
