import katex from 'katex';
import { Marked, type MarkedExtension, type Tokens } from 'marked';

/**
 * Notebook prose as HTML, the same in the workbench, its downloaded report and the CLI's report:
 * GitHub-flavoured Markdown, TeX math rendered by KaTeX (`$…$` inline, `$$…$$` on its own lines
 * or inline for a displayed formula), and tables whose all-number columns are marked `num` so they
 * line up on the right. The result is NOT sanitized: every caller passes it through the shared
 * allow-list (notebook/sanitize-html.ts) before it reaches a page.
 *
 * @example
 * renderMarkdown('Lift is $\\frac{p_B}{p_A} - 1$.'); // → '<p>Lift is <span class="katex">…</span>.</p>\n'
 */
export function renderMarkdown(markdown: string): string {
  return parser.parse(markdown, { async: false }) as string;
}

/**
 * True when rendered prose contains KaTeX output, so a report knows to carry KaTeX's stylesheet.
 *
 * @example
 * hasMath(renderMarkdown('$x$')); // → true
 */
export function hasMath(html: string): boolean {
  return /class="katex[ "-]/.test(html);
}

/**
 * TeX to KaTeX markup (HTML for sight, MathML for screen readers). A formula KaTeX cannot read is
 * shown as its source in red with KaTeX's message as the tooltip, never as a failed page; `trust`
 * stays off so `\href`, `\htmlClass` and friends cannot add links or attributes.
 *
 * @example
 * renderTex('x^2', false);
 */
export function renderTex(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, { displayMode, throwOnError: false, output: 'htmlAndMathml', trust: false, strict: 'ignore', maxExpand: 1000, maxSize: 50 });
}

interface MathToken extends Tokens.Generic {
  type: 'math' | 'inlineMath';
  raw: string;
  tex: string;
  display: boolean;
}

// `$$` on its own line(s), as in LaTeX documents; up to 3 spaces of indent like any Markdown block.
const BLOCK_MATH = /^ {0,3}\$\$([\s\S]+?)\$\$[ \t]*(?:\n+|$)/;
// `$$…$$` inside a paragraph is still a displayed formula.
const INLINE_DISPLAY = /^\$\$(?!\$)([\s\S]+?)\$\$/;
// Pandoc's rule, so prices are not math: `$` then non-space … non-space `$` not followed by a digit;
// on one line, and never across a code span's backtick.
const INLINE_MATH = /^\$(?![\s$])((?:\\.|[^\\$\n`])+?)(?<![\s\\])\$(?!\d)/;

const math: MarkedExtension = {
  extensions: [
    {
      name: 'math',
      level: 'block',
      start: (src: string) => src.match(/^ {0,3}\$\$/m)?.index,
      tokenizer(src: string): MathToken | undefined {
        const match = BLOCK_MATH.exec(src);
        if (match) return { type: 'math', raw: match[0], tex: match[1]!.trim(), display: true };
        return undefined;
      },
      renderer: (token) => `<div class="math-display">${renderTex((token as MathToken).tex, true)}</div>\n`,
    },
    {
      name: 'inlineMath',
      level: 'inline',
      start: (src: string) => src.indexOf('$') >= 0 ? src.indexOf('$') : undefined,
      tokenizer(src: string): MathToken | undefined {
        const display = INLINE_DISPLAY.exec(src);
        if (display) return { type: 'inlineMath', raw: display[0], tex: display[1]!.trim(), display: true };
        const inline = INLINE_MATH.exec(src);
        if (inline) return { type: 'inlineMath', raw: inline[0], tex: inline[1]!, display: false };
        return undefined;
      },
      renderer: (token) => renderTex((token as MathToken).tex, (token as MathToken).display),
    },
  ],
};

// A cell counts as a number with thousands separators, a sign, a currency sign, a percent sign,
// an exponent or accounting parentheses: "1,234.5", "−3%", "$12", "(4.1)", "2.5e-3".
const NUMBER = /^\(?[-+−]?[$€£¥]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][-+]?\d+)?\s?%?\)?$/;
const isNumber = (text: string) => /\d/.test(text) && NUMBER.test(text.trim());

const tables: MarkedExtension = {
  renderer: {
    table(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Table) {
      // A column is numeric when every filled body cell is a number (blank cells do not count).
      const numeric = token.header.map((_, c) => {
        const filled = token.rows.map((row) => row[c]?.text.trim() ?? '').filter(Boolean);
        return filled.length > 0 && filled.every(isNumber);
      });
      const cell = (tag: 'th' | 'td', c: Tokens.TableCell, i: number) => {
        const attrs = `${numeric[i] ? ' class="num"' : ''}${c.align ? ` align="${c.align}"` : ''}`;
        return `<${tag}${attrs}>${this.parser.parseInline(c.tokens)}</${tag}>`;
      };
      const head = `<tr>${token.header.map((c, i) => cell('th', c, i)).join('')}</tr>`;
      const body = token.rows.map((row) => `<tr>${row.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('\n');
      return `<div class="md-table"><table>\n<thead>${head}</thead>\n${body ? `<tbody>\n${body}\n</tbody>\n` : ''}</table></div>\n`;
    },
  },
};

const parser = new Marked({ gfm: true }, math, tables);
