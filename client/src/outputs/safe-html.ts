import { htmlSanitizer, type HtmlSanitizer } from '../../../notebook/sanitize-html.js';

// Cell output HTML comes from user code in the sandbox and prose from anyone the notebook is shared
// with; the allow-list sanitizer shared with the reports (notebook/sanitize-html.ts) keeps only
// markup that cannot run, restyle the app or post a form.
let sanitizer: HtmlSanitizer | undefined;
const page = () => (sanitizer ??= htmlSanitizer(window));

/**
 * Parses HTML/SVG from a cell or prose into inert page nodes with every active part removed.
 *
 * @example
 * output.append(safeHtml('<b onclick="steal()">hi</b><script>steal()</script>')); // appends <b>hi</b>
 */
export function safeHtml(html: string): DocumentFragment {
  return page().toFragment(html);
}

/**
 * The same, as markup (for the downloadable report).
 *
 * @example
 * safeHtmlText('<b onclick="steal()">hi</b>'); // → '<b>hi</b>'
 */
export function safeHtmlText(html: string): string {
  return page().toHtml(html);
}
