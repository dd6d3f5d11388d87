/** Attributes for {@link h}: `on*` functions become listeners, `class`/`style`/`data-*` and others set as attributes. */
export type Attrs = Record<string, unknown>;
export type Child = Node | string | number | null | undefined | false | Child[];

/**
 * Creates an element: the one DOM helper every component uses, so components read like markup.
 *
 * @example
 * const button = h('button', { class: 'primary', onclick: () => alert('hi') }, 'Run');
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value as EventListener);
    else if (key === 'value' && 'value' in el) (el as HTMLInputElement).value = String(value);
    else if (key === 'checked') {
      (el as HTMLInputElement).checked = true;
      el.setAttribute('checked', '');
    }
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/**
 * Appends children, flattening arrays and skipping empty values.
 *
 * @example
 * append(document.body, ['text', h('b', {}, 'bold'), null]);
 */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * Replaces all children of `parent`.
 *
 * @example
 * replaceChildren(panel, h('p', {}, 'empty'));
 */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.textContent = '';
  append(parent, children);
}
