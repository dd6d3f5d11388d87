import { describe, expect, it } from 'vitest';
import { inlineKatexFonts } from './math-css.js';

describe('inlineKatexFonts', () => {
  it('keeps only faces it has data for', () => {
    const css = '@font-face{font-family:A;src:url(fonts/A.woff2) format("woff2"),url(fonts/A.woff) format("woff")}@font-face{font-family:B;src:url(fonts/B.woff2)}.x{color:red}';
    expect(inlineKatexFonts(css, { 'A.woff2': 'data:font/woff2;base64,QUJD', 'B.woff2': 'https://cdn/B.woff2' })).toBe('@font-face{font-family:A;src:url(data:font/woff2;base64,QUJD) format("woff2")}.x{color:red}');
  });
});
