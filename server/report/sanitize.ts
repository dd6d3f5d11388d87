import { parseHTML } from 'linkedom';

const DROP = 'script, iframe, object, embed, link, meta, base, form';

/**
 * Makes HTML from notebook prose or a cell's output safe to embed in a shared report: removes
 * scripts and other active elements, `on…` handlers and `javascript:` links, and keeps the rest
 * (SVG charts, tables, formatting).
 *
 * @example
 * sanitizeHtml('<p onclick="x()">hi<script>alert(1)</script></p>'); // → '<p>hi</p>'
 */
export function sanitizeHtml(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  const root = document.getElementById('root') as unknown as Element;
  for (const el of Array.from(root.querySelectorAll(DROP))) el.remove();
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (name.startsWith('on') || ((name === 'href' || name === 'src' || name === 'xlink:href' || name === 'action') && /^(javascript|vbscript|data:text\/html)/.test(value))) {
        el.removeAttribute(attr.name);
      }
    }
  }
  return root.innerHTML;
}
