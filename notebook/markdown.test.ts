import { JSDOM } from 'jsdom';
import type { WindowLike } from 'dompurify';
import { describe, expect, it } from 'vitest';
import { hasMath, renderMarkdown } from './markdown.js';
import { htmlSanitizer } from './sanitize-html.js';

const window = new JSDOM('<!doctype html>', { url: 'http://localhost/' }).window;
const sanitizer = htmlSanitizer(window as unknown as WindowLike);
/** The rendered prose as a DOM, to ask what it contains rather than match markup text. */
const dom = (html: string) => {
  const div = window.document.createElement('div');
  div.innerHTML = html;
  return div;
};
const normalized = (html: string) => dom(html).innerHTML;

describe('renderMarkdown: math', () => {
  it('renders $…$ as inline KaTeX with MathML carrying the TeX source', () => {
    const html = dom(renderMarkdown('Lift is $\\frac{p_B}{p_A} - 1$ here.'));
    const katex = html.querySelector('p > span.katex')!;
    expect(katex).not.toBeNull();
    expect(html.querySelector('.katex-display')).toBeNull();
    expect(katex.querySelector('math mfrac')).not.toBeNull();
    expect(katex.querySelector('annotation[encoding="application/x-tex"]')!.textContent).toBe('\\frac{p_B}{p_A} - 1');
    expect(html.querySelector('p')!.textContent).toMatch(/^Lift is .* here\.$/);
  });

  it('renders $$…$$ on its own lines, and $$…$$ inside a paragraph, as displayed formulas', () => {
    const block = dom(renderMarkdown('Before\n\n$$\n\\bar{x} = \\frac{1}{n}\\sum_{i=1}^{n} x_i\n$$\n\nAfter'));
    expect(block.querySelector('div.math-display > .katex-display > .katex')).not.toBeNull();
    expect(block.querySelector('annotation')!.textContent).toBe('\\bar{x} = \\frac{1}{n}\\sum_{i=1}^{n} x_i');
    expect([...block.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['Before', 'After']);
    const inline = dom(renderMarkdown('so $$e^{i\\pi} + 1 = 0$$ holds'));
    expect(inline.querySelector('p .katex-display annotation')!.textContent).toBe('e^{i\\pi} + 1 = 0');
  });

  it('leaves prices, escaped dollars and code alone', () => {
    for (const text of ['It went from $5 to $10.', 'Costs $5, or $ 7 $ at most.', 'Not \\$x\\$ either.', 'Prices $5 and `$y$` in code.']) {
      const html = dom(renderMarkdown(text));
      expect(html.querySelector('.katex')).toBeNull();
      expect(html.textContent).toBe(`${text.replace(/\\\$/g, '$').replace(/`/g, '')}\n`);
    }
    expect(dom(renderMarkdown('```\n$$x$$\n```')).querySelector('.katex')).toBeNull();
    expect(dom(renderMarkdown('$ x $')).querySelector('.katex')).toBeNull();
  });

  it('keeps Markdown emphasis around math and does not read _ or * inside it as emphasis', () => {
    const html = dom(renderMarkdown('**Uplift** $a_1 * b_2$ and _ok_'));
    expect(html.querySelector('strong')!.textContent).toBe('Uplift');
    expect(html.querySelector('em')!.textContent).toBe('ok');
    expect(html.querySelector('annotation')!.textContent).toBe('a_1 * b_2');
  });

  it('shows a formula KaTeX cannot read as its source with the reason, not an exception', () => {
    const html = dom(renderMarkdown('Bad: $\\frac{1}{$ end'));
    const error = html.querySelector('.katex-error')!;
    expect(error.textContent).toBe('\\frac{1}{');
    expect(error.getAttribute('title')).toMatch(/ParseError/);
    expect(html.textContent).toContain('end');
  });

  it('lets no TeX command add links, classes or raw HTML (trust is off)', () => {
    const html = dom(renderMarkdown('$\\href{javascript:alert(1)}{x} \\htmlClass{app}{y} \\url{https://x}$'));
    expect(html.querySelector('a')).toBeNull();
    expect(html.querySelector('.app')).toBeNull();
  });

  it('says whether rendered prose has math', () => {
    expect(hasMath(renderMarkdown('$x$'))).toBe(true);
    expect(hasMath(renderMarkdown('$$\nx\n$$'))).toBe(true);
    expect(hasMath(renderMarkdown('no math, $5'))).toBe(false);
  });
});

describe('renderMarkdown: tables', () => {
  const table = '| segment | orders | revenue | share |\n| --- | --- | :-: | --- |\n| new | 1,204 | $12.50 | 41% |\n| returning |  | (3.2) | −5% |\n| all | 2e3 | 7 | n/a |';

  it('marks columns whose filled cells are all numbers as num, keeping the author\'s alignment', () => {
    const html = dom(renderMarkdown(table));
    expect(html.querySelector('div.md-table > table')).not.toBeNull();
    const heads = [...html.querySelectorAll('th')].map((th) => [th.textContent, th.className, th.getAttribute('align')]);
    expect(heads).toEqual([
      ['segment', '', null],
      ['orders', 'num', null],
      ['revenue', 'num', 'center'],
      ['share', '', null],
    ]);
    const firstRow = [...html.querySelectorAll('tbody tr:first-child td')].map((td) => td.className);
    expect(firstRow).toEqual(['', 'num', 'num', '']);
  });

  it('renders inline Markdown and math inside cells', () => {
    const html = dom(renderMarkdown('| metric | formula |\n| --- | --- |\n| **lift** | $p_B / p_A$ |'));
    expect(html.querySelector('td strong')!.textContent).toBe('lift');
    expect(html.querySelector('td .katex annotation')!.textContent).toBe('p_B / p_A');
  });
});

describe('rendered prose through the shared sanitizer', () => {
  const formulas = [
    '\\frac{p_B}{p_A} - 1',
    '\\hat\\beta = (X^\\top X)^{-1} X^\\top y',
    '\\sqrt{\\frac{p(1-p)}{n}} \\sqrt[3]{8}',
    '\\overrightarrow{AB} \\widehat{xyz} \\underbrace{a+b}_{n} \\xrightarrow{t}',
    '\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix} \\binom{n}{k}',
    '\\begin{aligned} a &= b \\\\ c &\\le d \\end{aligned}',
    '\\left( \\int_0^\\infty e^{-x}\\,dx \\right) \\mathbb{E}[Y] \\mathcal{L} \\operatorname{Var}(X)',
    '\\color{#c00}{x} \\cancel{y} \\boxed{z} \\text{ if } \\boldsymbol{\\beta} \\tag{1}',
    '\\frac{1}{',
  ];

  it.each(formulas)('keeps all of KaTeX\'s output (HTML, MathML, SVG, inline sizes): %s', (tex) => {
    for (const md of [`$${tex}$`, `$$\n${tex}\n$$`]) {
      const html = renderMarkdown(md);
      expect(normalized(sanitizer.toHtml(html))).toBe(normalized(html));
    }
  });

  it('still drops <annotation-xml>, which can carry HTML, and scripts hidden in MathML', () => {
    const out = sanitizer.toHtml('<math><semantics><mi>x</mi><annotation-xml encoding="text/html"><img src=x onerror=alert(1)></annotation-xml><annotation encoding="application/x-tex">x</annotation></semantics></math>');
    expect(out).not.toMatch(/annotation-xml|onerror|<img/);
    expect(out).toContain('<annotation encoding="application/x-tex">x</annotation>');
  });
});
