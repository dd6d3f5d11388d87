import { JSDOM } from 'jsdom';
import type { WindowLike } from 'dompurify';
import { htmlSanitizer, type HtmlSanitizer } from '../../notebook/sanitize-html.js';

let sanitizer: HtmlSanitizer | undefined;

/**
 * Makes HTML from notebook prose or a cell's output safe to embed in a shared report, with the
 * same allow-list as the workbench (notebook/sanitize-html.ts) on jsdom, a DOM DOMPurify supports
 * (its parser reads markup as a browser does, so what it keeps is what a browser will see).
 *
 * @example
 * sanitizeHtml('<p onclick="x()">hi<script>alert(1)</script></p>'); // → '<p>hi</p>'
 */
export function sanitizeHtml(html: string): string {
  sanitizer ??= htmlSanitizer(new JSDOM('<!doctype html>').window as unknown as WindowLike);
  return sanitizer.toHtml(html);
}
