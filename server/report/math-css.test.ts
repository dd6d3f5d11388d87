import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { parseNotebook } from '../../notebook/format.js';
import { REPORT_MATH_FONTS } from '../../notebook/math-css.js';
import { REPORT_CSP } from '../../notebook/sanitize-html.js';
import { notebookReportHtml } from './notebook-report.js';
import { reportMathCss } from './math-css.js';

describe('KaTeX in reports', () => {
  it('points each core font at inline data and drops the fonts a report does not carry', () => {
    const css = reportMathCss();
    expect(css).toContain('.katex{');
    const faces = css.match(/@font-face\{[^}]*\}/g) ?? [];
    expect(faces).toHaveLength(REPORT_MATH_FONTS.length);
    for (const face of faces) expect(face).toMatch(/src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]{2000,}\) format\("woff2"\)[;}]/);
    // Nothing left that the report's CSP would block (font-src data:) or that would reach the network.
    expect(css.replace(/url\(data:[^)]*\)/g, '')).not.toMatch(/url\(/);
  });

  const source = ['---', 'title: Math', '---', '# Uplift', '', 'Relative lift $\\frac{p_B}{p_A} - 1$ and', '', '$$', '\\sqrt{\\frac{p(1-p)}{n}}', '$$', '', '| arm | users |', '| --- | --- |', '| A | 1,200 |', '| B | 980 |'].join('\n');

  it('renders prose math and numeric tables in the CLI report, with KaTeX styles inline under the strict CSP', async () => {
    const html = await notebookReportHtml(parseNotebook(source), {}, { generatedAt: new Date(0) });
    const page = new JSDOM(html).window.document;
    expect(page.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toBe(REPORT_CSP);
    expect(page.querySelector('.prose p .katex annotation')!.textContent).toBe('\\frac{p_B}{p_A} - 1');
    expect(page.querySelector('.prose .math-display .katex-display')).not.toBeNull();
    expect([...page.querySelectorAll('.md-table td.num')].map((td) => td.textContent)).toEqual(['1,200', '980']);
    const styles = [...page.querySelectorAll('style')].map((s) => s.textContent).join('');
    expect(styles).toContain('.md-table tbody tr:nth-child(even)');
    expect(styles).toContain('@font-face{');
  });
});
