// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parseNotebook } from '../../../notebook/format.js';
import { REPORT_CSP } from '../../../notebook/sanitize-html.js';
import { activeParts, XSS_PAYLOADS } from '../../../tests/security/xss-payloads.js';
import type { CellUiState } from '../cells/cell-status.js';
import { htmlReport } from './html-report.js';

// The report itself is tested in notebook/report/; here the page's parts: its sanitizer, Plot in its
// document, KaTeX's stylesheet through Vite.

describe('the ⤓ Report download', () => {
  it('keeps no active markup from prose or a cell\'s HTML output, under a no-script, no-network CSP', async () => {
    const doc = parseNotebook(['---', 'title: Hostile', '---', ...XSS_PAYLOADS.map((p) => `Prose ${p} end.\n`), '```js id=shown', 'display(x)', '```'].join('\n'));
    const states = new Map([['shown', { status: 'done', displays: XSS_PAYLOADS.map((html) => ({ kind: 'html', html })) } as unknown as CellUiState]]);
    const report = await htmlReport(doc, 'Hostile', states);
    const page = new DOMParser().parseFromString(report, 'text/html');
    expect(page.head.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(REPORT_CSP);
    expect(page.querySelectorAll('script')).toHaveLength(0);
    expect(page.body.querySelectorAll('.html-output')).toHaveLength(XSS_PAYLOADS.length);
    expect(activeParts(page.body.innerHTML)).toEqual([]);
  });
});

describe('the ⤓ Report download: prose', () => {
  it('renders math with KaTeX and marks numeric Markdown table columns, through the sanitizer', async () => {
    const doc = parseNotebook(['# Uplift', '', 'Lift is $\\frac{p_B}{p_A} - 1$.', '', '$$', 'x^2', '$$', '', '| arm | users |', '| --- | --- |', '| A | 1,200 |'].join('\n'));
    const page = new DOMParser().parseFromString(await htmlReport(doc, 'Math', new Map()), 'text/html');
    expect(page.querySelector('.prose p .katex annotation')?.textContent).toBe('\\frac{p_B}{p_A} - 1');
    expect(page.querySelector('.prose .katex-display math')).not.toBeNull();
    expect(page.querySelector('.md-table td.num')?.textContent).toBe('1,200');
    // KaTeX's own stylesheet rides along in a second <style> (its text is Vite's to fill in).
    expect(page.head.querySelectorAll('style')).toHaveLength(2);
  });
});
