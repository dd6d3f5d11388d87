import katexCss from 'katex/dist/katex.min.css?raw';
import mainRegular from 'katex/dist/fonts/KaTeX_Main-Regular.woff2?url&inline';
import mainBold from 'katex/dist/fonts/KaTeX_Main-Bold.woff2?url&inline';
import mainItalic from 'katex/dist/fonts/KaTeX_Main-Italic.woff2?url&inline';
import mathItalic from 'katex/dist/fonts/KaTeX_Math-Italic.woff2?url&inline';
import ams from 'katex/dist/fonts/KaTeX_AMS-Regular.woff2?url&inline';
import size1 from 'katex/dist/fonts/KaTeX_Size1-Regular.woff2?url&inline';
import size2 from 'katex/dist/fonts/KaTeX_Size2-Regular.woff2?url&inline';
import size3 from 'katex/dist/fonts/KaTeX_Size3-Regular.woff2?url&inline';
import size4 from 'katex/dist/fonts/KaTeX_Size4-Regular.woff2?url&inline';
import { inlineKatexFonts, type REPORT_MATH_FONTS } from '../../../notebook/math-css.js';

// Loaded only when a downloaded report has math (html-report.ts imports it on demand), so the
// workbench bundle does not carry the fonts twice.
const FONTS: Record<(typeof REPORT_MATH_FONTS)[number], string> = {
  'KaTeX_Main-Regular.woff2': mainRegular,
  'KaTeX_Main-Bold.woff2': mainBold,
  'KaTeX_Main-Italic.woff2': mainItalic,
  'KaTeX_Math-Italic.woff2': mathItalic,
  'KaTeX_AMS-Regular.woff2': ams,
  'KaTeX_Size1-Regular.woff2': size1,
  'KaTeX_Size2-Regular.woff2': size2,
  'KaTeX_Size3-Regular.woff2': size3,
  'KaTeX_Size4-Regular.woff2': size4,
};

/** KaTeX's stylesheet with its core fonts as `data:` URLs, for the ⤓ Report download. */
export const reportMathCss = inlineKatexFonts(katexCss, FONTS);
