import createDOMPurify, { type Config, type WindowLike } from 'dompurify';

/**
 * What HTML from a notebook (Markdown prose, a cell's `display(element)` or returned element) may
 * keep, for the workbench and both reports alike: DOMPurify's allow-list of HTML, SVG and MathML
 * (no scripts, handlers, `javascript:` URLs, namespace tricks), minus what could restyle the page
 * (`<style>`), post or fake a sign-in (`<form>` and its fields), or rewrite a link after
 * sanitizing (SVG `<animate>`/`<set>` can set `href` to `javascript:` at run time).
 * Added to it, for KaTeX's MathML (notebook/markdown.ts): `<semantics>` and its TeX
 * `<annotation encoding>`, which hold only text (`<annotation-xml>`, which can hold HTML, stays out).
 */
export const SANITIZE_CONFIG: Config = {
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'select',
    'option',
    'textarea',
    'animate',
    'animatemotion',
    'animatetransform',
    'animatecolor',
    'set',
    'use',
    'noscript',
    'template',
  ],
  ADD_TAGS: ['semantics', 'annotation'],
  ADD_ATTR: ['encoding'],
  FORBID_ATTR: ['action', 'formaction'],
  ALLOW_DATA_ATTR: false,
};

/** Sanitizes HTML into a string or into inert nodes of the sanitizer's own document. */
export interface HtmlSanitizer {
  toHtml(html: string): string;
  toFragment(html: string): DocumentFragment;
}

/**
 * A sanitizer bound to a DOM: the page's `window` in the browser, a jsdom window on the server
 * (DOMPurify needs a real HTML parser: the one that will read the result).
 *
 * @example
 * const sanitizer = htmlSanitizer(window);
 * sanitizer.toHtml('<img src=x onerror=alert(1)><b>hi</b>'); // → '<img src="x"><b>hi</b>'
 */
export function htmlSanitizer(window: WindowLike): HtmlSanitizer {
  const purify = createDOMPurify(window);
  if (!purify.isSupported) throw new Error('This DOM cannot run DOMPurify, so HTML output cannot be shown safely.');
  return {
    toHtml: (html) => purify.sanitize(html, SANITIZE_CONFIG),
    toFragment: (html) => purify.sanitize(html, { ...SANITIZE_CONFIG, RETURN_DOM_FRAGMENT: true }),
  };
}

/**
 * The Content-Security-Policy of every HTML report (a `<meta>` in its head): no script at all (a
 * report needs none), no network (images and fonts only from `data:`), inline styles for its
 * own stylesheet and SVG charts, no forms, no `<base>`.
 */
export const REPORT_CSP = [
  "default-src 'none'",
  "script-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * The `<meta>` that puts REPORT_CSP on a report; it must come before anything in `<head>` it governs.
 *
 * @example
 * `<head>${reportCspMeta()}<meta charset="utf-8">…`
 */
export function reportCspMeta(): string {
  return `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`;
}
