/**
 * KaTeX's fonts that a report carries inline when its prose has math: the faces nearly every
 * formula uses (upright and italic text, math italic, big operators and delimiters, AMS symbols),
 * about 140 KB. Calligraphic, Fraktur, Script, sans-serif and typewriter letters fall back to the
 * reader's own fonts rather than making every report larger.
 */
export const REPORT_MATH_FONTS = [
  'KaTeX_Main-Regular.woff2',
  'KaTeX_Main-Bold.woff2',
  'KaTeX_Main-Italic.woff2',
  'KaTeX_Math-Italic.woff2',
  'KaTeX_AMS-Regular.woff2',
  'KaTeX_Size1-Regular.woff2',
  'KaTeX_Size2-Regular.woff2',
  'KaTeX_Size3-Regular.woff2',
  'KaTeX_Size4-Regular.woff2',
] as const;

/**
 * KaTeX's stylesheet made fit for a report that may fetch nothing (REPORT_CSP: `font-src data:`):
 * each `@font-face` whose woff2 file is in `fonts` (file name → `data:` URL) points at that data
 * only; every other `@font-face` is dropped, so its letters use the reader's fonts instead of a
 * blocked request.
 *
 * @example
 * inlineKatexFonts(katexCss, { 'KaTeX_Main-Regular.woff2': 'data:font/woff2;base64,d09GMgAB…' });
 */
export function inlineKatexFonts(css: string, fonts: Record<string, string>): string {
  return css.replace(/@font-face\s*\{[^}]*\}/g, (rule) => {
    const file = /url\((?:["']?)fonts\/([\w-]+\.woff2)/.exec(rule)?.[1];
    const data = file ? fonts[file] : undefined;
    if (!data || !data.startsWith('data:')) return '';
    return rule.replace(/src:[^;}]*/, `src:url(${data}) format("woff2")`);
  });
}

/**
 * Styles for Markdown tables and displayed formulas in a report: ruled, zebra-striped rows,
 * numbers right-aligned in tabular figures, wide formulas scrolling rather than overflowing.
 */
export const REPORT_PROSE_CSS = `
.md-table { overflow-x: auto; margin: .8rem 0; }
.md-table table { border-collapse: collapse; font-size: 14px; }
.md-table th, .md-table td { border: 1px solid #d0d7de; padding: .3rem .7rem; text-align: left; }
.md-table th { background: #f3f5f8; font-weight: 600; }
.md-table tbody tr:nth-child(even) { background: #f8f9fb; }
.md-table .num { text-align: right; font-variant-numeric: tabular-nums; }
.md-table [align="center"] { text-align: center; } .md-table [align="right"] { text-align: right; }
.math-display { overflow-x: auto; overflow-y: hidden; }
.katex-error { white-space: pre-wrap; }
`;
