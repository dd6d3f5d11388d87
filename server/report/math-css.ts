import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inlineKatexFonts, REPORT_MATH_FONTS } from '../../notebook/math-css.js';

let css: string | undefined;

/**
 * KaTeX's stylesheet with its core fonts inlined as `data:` URLs, read once from the installed
 * katex package, for a report whose prose has math (see notebook/math-css.ts).
 *
 * @example
 * `<style>${reportMathCss()}</style>`
 */
export function reportMathCss(): string {
  if (css !== undefined) return css;
  const file = createRequire(import.meta.url).resolve('katex/dist/katex.min.css');
  const fonts = Object.fromEntries(
    REPORT_MATH_FONTS.map((name) => [name, `data:font/woff2;base64,${readFileSync(path.join(path.dirname(file), 'fonts', name)).toString('base64')}`]),
  );
  css = inlineKatexFonts(readFileSync(file, 'utf8'), fonts);
  return css;
}
