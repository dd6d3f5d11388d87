import { hasMath } from '../markdown.js';
import { REPORT_PROSE_CSS } from '../math-css.js';
import { reportCspMeta } from '../sanitize-html.js';
import { escapeHtml } from './escape-html.js';
import type { ReportEnv } from './types.js';

// Inline styles only: a report is one file that opens anywhere, offline, with nothing to fetch.
const CSS = `
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2330; background: #fff; max-width: 980px; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
.meta { color: #667; font-size: .85rem; margin-bottom: 1.5rem; }
.prose { margin: 1rem 0; }
.cell { border-left: 3px solid #d8dde6; padding: .3rem 0 .3rem .9rem; margin: 1rem 0; }
.cell.error { border-left-color: #c0392b; }
.cell-head { font: 12px ui-monospace, monospace; color: #778; }
details.code summary { color: #667; font-size: 12px; cursor: pointer; }
details.code pre { background: #f5f6f8; padding: .6rem; overflow-x: auto; font-size: 12px; }
.cards { display: flex; flex-wrap: wrap; gap: .5rem; margin: .6rem 0; }
.card { border: 1px solid #d8dde6; border-radius: 6px; padding: .4rem .7rem; min-width: 8rem; }
.card .name { font-size: .75rem; color: #667; }
.card .value { font-size: 1.15rem; font-variant-numeric: tabular-nums; }
.card.headline { min-width: 11rem; }
.card.headline .value { font-size: 1.5rem; font-weight: 600; }
.card.headline .detail, .card.headline .verdict { font-size: .75rem; color: #556; }
.card.significant { border-color: #2e7d4f; } .card.significant .verdict { color: #2e7d4f; }
.card.not-significant .value { color: #667; }
.table-wrap { overflow: auto; max-height: 36rem; margin: .6rem 0; }
table { border-collapse: collapse; font-size: 13px; }
caption { text-align: left; color: #667; font-size: .8rem; padding-bottom: .2rem; }
th, td { border-bottom: 1px solid #e4e7ec; padding: .2rem .6rem; text-align: left; white-space: nowrap; }
th { background: #f5f6f8; position: sticky; top: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
ul.notes { background: #f7f9fc; border-radius: 6px; padding: .5rem .5rem .5rem 1.6rem; }
ul.notes li.warning { color: #8a5300; }
.error { color: #922; background: #fdf1f0; border-radius: 6px; padding: .5rem .7rem; white-space: pre-wrap; }
pre.text { white-space: pre-wrap; background: #f5f6f8; padding: .5rem; }
.declared { margin: .5rem 0; } .declared > div { display: grid; grid-template-columns: max-content 1fr; gap: .6rem; align-items: baseline; }
.declared dt { font: 600 .8rem ui-monospace, monospace; color: #555; } .declared dd { margin: 0; }
.input { margin: .5rem 0; font-size: .9rem; } .input-label { color: #667; }
figure { margin: .8rem 0; }
figure h2 { font-size: 1rem; margin: 0 0 .3rem; }
svg { max-width: 100%; height: auto; }
`;

/**
 * A complete, self-contained HTML document (inline CSS, no scripts, no external assets), under a
 * Content-Security-Policy that lets nothing in it run or fetch (REPORT_CSP). `heading: false`
 * leaves out the `<h1>` title when the body starts with its own. A body with KaTeX math also
 * carries KaTeX's stylesheet and core fonts, inline (the environment's `mathCss`).
 *
 * @example
 * await reportPage('Did personalization work?', '<p>…</p>', 'Report made 2025-06-30 10:00 UTC by liftbook', env);
 */
export async function reportPage(title: string, body: string, meta: string, env: Pick<ReportEnv, 'mathCss'>, options: { heading?: boolean } = {}): Promise<string> {
  const math = hasMath(body) ? `\n<style>${await env.mathCss()}</style>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
${reportCspMeta()}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}${REPORT_PROSE_CSS}</style>${math}
</head>
<body>
${options.heading === false ? '' : `<h1>${escapeHtml(title)}</h1>`}
${meta ? `<div class="meta">${escapeHtml(meta)}</div>` : ''}
${body}
</body>
</html>
`;
}

/**
 * When a report was made, as its header says it: to the minute, in UTC.
 *
 * @example
 * madeAt(new Date(Date.UTC(2025, 0, 2, 9, 30))); // → 'Report made 2025-01-02 09:30 UTC by liftbook'
 */
export function madeAt(date: Date): string {
  return `Report made ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC by liftbook`;
}
