// Cell output HTML comes from user code in the sandbox; parsed inert and scrubbed of anything that
// could run in the page (scripts, handlers, javascript: URLs), it cannot reach the page's credentials.
const BLOCKED = new Set(['script', 'iframe', 'object', 'embed', 'link', 'meta', 'base', 'frame', 'frameset', 'portal']);

/**
 * Parses HTML/SVG from a cell into page nodes with every executable part removed.
 *
 * @example
 * safeHtml('<b onclick="steal()">hi</b><script>steal()</script>').innerHTML; // → '<b>hi</b>'
 */
export function safeHtml(html: string): HTMLElement {
  const doc = new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html');
  const root = doc.body.firstElementChild as HTMLElement;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  const doomed: Element[] = [];
  for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) {
    if (BLOCKED.has(node.localName)) {
      doomed.push(node);
      continue;
    }
    for (const attr of [...node.attributes]) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (name.startsWith('on') || ((name === 'href' || name === 'src' || name.endsWith(':href') || name === 'action' || name === 'formaction') && /^(javascript|data:text\/html|vbscript)/.test(value))) {
        node.removeAttribute(attr.name);
      }
    }
  }
  for (const node of doomed) node.remove();
  return document.importNode(root, true);
}
