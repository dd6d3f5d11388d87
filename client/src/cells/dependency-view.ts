import './dependency-view.css';
import { allDownstream, allUpstream, dependencyGraph, layers, type CellNames, type DependencyGraph, type Link } from './cell-dependencies.js';
import { h } from '../shell/dom.js';
import { openModal } from '../shell/modal.js';

export interface DependencyHooks {
  /** The graph as the runtime knows it now (cells in notebook order). */
  graph: () => DependencyGraph;
  /** Takes the reader to a cell (scroll it into view and mark it). */
  goTo: (id: string) => void;
}

let openPopover: { close: () => void } | null = null;

/** Marks the cells a cell reads from and feeds, while its popover is open. */
function markRelatives(root: ParentNode, graph: DependencyGraph, id: string): () => void {
  const marked: Element[] = [];
  const mark = (ids: string[], cls: string) => {
    for (const other of ids) {
      const el = root.querySelector(`[data-cell="${CSS.escape(other)}"]`);
      if (!el) continue;
      el.classList.add(cls);
      marked.push(el);
    }
  };
  mark([id], 'dep-selected');
  mark(allUpstream(graph, id), 'dep-upstream');
  mark(allDownstream(graph, id), 'dep-downstream');
  return () => marked.forEach((el) => el.classList.remove('dep-selected', 'dep-upstream', 'dep-downstream'));
}

/** One linked cell: its id (a button that goes there) and the names that flow along the link. */
function linkItem(cell: string, names: string[], hooks: DependencyHooks, close: () => void, direction: 'in' | 'out'): HTMLElement {
  return h('li', { class: 'dep-item', 'data-target': cell },
    h('button', { class: 'link dep-go', title: `Go to cell ${cell}`, onclick: () => { close(); hooks.goTo(cell); } }, cell),
    h('span', { class: 'dep-names muted' }, direction === 'in' ? ` gives ${names.join(', ')}` : ` reads ${names.join(', ')}`));
}

/** Cells reached only through others: listed by id after the direct links. */
function indirect(all: string[], direct: Link[], pick: (l: Link) => string, hooks: DependencyHooks, close: () => void, text: string): HTMLElement | null {
  const near = new Set(direct.map(pick));
  const far = all.filter((id) => !near.has(id));
  if (!far.length) return null;
  return h('p', { class: 'dep-indirect muted' }, `${text}: `, far.map((id, i) => [i ? ', ' : '', h('button', { class: 'link dep-go', 'data-target': id, onclick: () => { close(); hooks.goTo(id); } }, id)]));
}

/**
 * A popover under a cell's dependencies button: the cells it reads from (and the names each gives
 * it), the cells that read it, the cells further up and down the chain, and a link to the whole
 * notebook's graph. Clicking a cell goes to it; while open, the related cells are marked in the
 * notebook. Escape or a click elsewhere closes it.
 *
 * @example
 * button.onclick = () => openDependencyPopover(button, 'revenue', hooks);
 */
export function openDependencyPopover(anchor: HTMLElement, id: string, hooks: DependencyHooks): { close: () => void } {
  openPopover?.close();
  const graph = hooks.graph();
  const inputs = graph.inputs.get(id) ?? [];
  const outputs = graph.outputs.get(id) ?? [];
  const unmark = markRelatives(document, graph, id);
  const list = (links: Link[], pick: (l: Link) => string, direction: 'in' | 'out', empty: string) =>
    links.length ? h('ul', { class: `dep-list dep-${direction === 'in' ? 'upstream' : 'downstream'}-list` }, links.map((l) => linkItem(pick(l), l.names, hooks, close, direction)))
      : h('p', { class: 'muted dep-none' }, empty);
  const el = h('div', { class: 'dependency-popover', role: 'dialog', 'aria-label': `Dependencies of cell ${id}`, 'data-cell-deps': id },
    h('h3', {}, 'Reads from'),
    list(inputs, (l) => l.from, 'in', 'No other cell: it reads only parameters and built-ins.'),
    indirect(allUpstream(graph, id), inputs, (l) => l.from, hooks, close, 'and through them'),
    h('h3', {}, 'Feeds'),
    list(outputs, (l) => l.to, 'out', 'No other cell reads it.'),
    indirect(allDownstream(graph, id), outputs, (l) => l.to, hooks, close, 'and through them'),
    h('button', { class: 'link dep-whole', onclick: () => { close(); openDependencyGraph(hooks, id); } }, 'The whole notebook as a graph…'));
  document.body.append(el);
  const box = anchor.getBoundingClientRect();
  const width = el.offsetWidth;
  el.style.left = `${Math.max(8, Math.min(window.scrollX + box.right - width, window.scrollX + document.documentElement.clientWidth - width - 8))}px`;
  el.style.top = `${window.scrollY + box.bottom + 4}px`;
  const onDown = (e: Event) => {
    if (!el.contains(e.target as Node) && !anchor.contains(e.target as Node)) close();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') close();
  };
  document.addEventListener('mousedown', onDown, true);
  document.addEventListener('keydown', onKey, true);
  // Leaving the notebook (another route) takes the popover with it.
  window.addEventListener('hashchange', close);
  function close(): void {
    if (!el.isConnected) return;
    el.remove();
    unmark();
    document.removeEventListener('mousedown', onDown, true);
    document.removeEventListener('keydown', onKey, true);
    window.removeEventListener('hashchange', close);
    if (openPopover === handle) openPopover = null;
  }
  const handle = { close };
  openPopover = handle;
  return handle;
}

const NODE_W = 150;
const NODE_H = 28;
const GAP_X = 60;
const GAP_Y = 14;

/**
 * The whole notebook's dependency graph in a dialog: cells left to right by depth (a cell sits
 * right of every cell it reads), top to bottom in notebook order, arrows from definer to reader.
 * Clicking a cell goes to it.
 *
 * @example
 * openDependencyGraph(hooks, 'revenue');
 */
export function openDependencyGraph(hooks: DependencyHooks, selected?: string): void {
  const graph = hooks.graph();
  const modal = openModal({ title: 'Dependency graph', class: 'dependency-graph-dialog' });
  modal.actions.append(h('button', { class: 'primary', onclick: () => modal.close() }, 'Close'));
  if (!graph.order.length) {
    modal.body.append(h('p', { class: 'muted' }, 'This notebook has no code cells yet.'));
    return;
  }
  const layer = layers(graph);
  const rows = new Map<number, number>();
  const at = new Map<string, { x: number; y: number }>();
  for (const id of graph.order) {
    const l = layer.get(id)!;
    const row = rows.get(l) ?? 0;
    rows.set(l, row + 1);
    at.set(id, { x: 8 + l * (NODE_W + GAP_X), y: 8 + row * (NODE_H + GAP_Y) });
  }
  const width = 16 + (Math.max(...layer.values()) + 1) * (NODE_W + GAP_X) - GAP_X;
  const height = 16 + Math.max(...rows.values()) * (NODE_H + GAP_Y) - GAP_Y;
  const NS = 'http://www.w3.org/2000/svg';
  const svg = (tag: string, attrs: Record<string, string | number>, ...children: (Node | string)[]) => {
    const el = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    el.append(...children);
    return el;
  };
  const related = selected ? new Set([selected, ...allUpstream(graph, selected), ...allDownstream(graph, selected)]) : null;
  const edges = [...graph.outputs.values()].flat().map((link) => {
    const a = at.get(link.from)!;
    const b = at.get(link.to)!;
    const x1 = a.x + NODE_W;
    const y1 = a.y + NODE_H / 2;
    const x2 = b.x;
    const y2 = b.y + NODE_H / 2;
    const bend = Math.max(20, (x2 - x1) / 2);
    const dim = related && !(related.has(link.from) && related.has(link.to));
    return svg('path', { class: `dep-edge${dim ? ' dim' : ''}`, d: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`, 'marker-end': 'url(#dep-arrow)', 'data-from': link.from, 'data-to': link.to },
      svg('title', {}, `${link.from} → ${link.to}: ${link.names.join(', ')}`));
  });
  const nodes = graph.order.map((id) => {
    const { x, y } = at.get(id)!;
    const node = svg('g', { class: `dep-node${id === selected ? ' selected' : ''}${related && !related.has(id) ? ' dim' : ''}`, 'data-node': id, transform: `translate(${x},${y})`, tabindex: 0, role: 'button', 'aria-label': `Go to cell ${id}` },
      svg('rect', { width: NODE_W, height: NODE_H, rx: 6 }),
      svg('text', { x: NODE_W / 2, y: NODE_H / 2 + 4, 'text-anchor': 'middle' }, id.length > 20 ? `${id.slice(0, 19)}…` : id),
      svg('title', {}, id));
    const go = () => {
      modal.close();
      hooks.goTo(id);
    };
    node.addEventListener('click', go);
    node.addEventListener('keydown', (e) => (e as KeyboardEvent).key === 'Enter' && go());
    return node;
  });
  const picture = svg('svg', { class: 'dep-graph', width, height, viewBox: `0 0 ${width} ${height}` },
    svg('defs', {}, svg('marker', { id: 'dep-arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, svg('path', { d: 'M0,0 L10,5 L0,10 z' }))),
    ...edges, ...nodes);
  modal.body.append(h('p', { class: 'hint' }, 'Each arrow goes from the cell that defines a name to a cell that reads it; click a cell to go to it.'), h('div', { class: 'dep-graph-scroll' }, picture));
}

/**
 * The hooks for a notebook's cells: the graph from the runtime's names of each cell (cells the
 * runtime has not reported yet count as defining and reading nothing), and going to a cell:
 * scrolled to the middle of the view, focused and briefly marked.
 *
 * @example
 * const hooks = notebookDependencyHooks(cellsEl, () => blocks.map((b) => ({ id: b.id, ...states.get(b.id) })));
 */
export function notebookDependencyHooks(root: HTMLElement, cells: () => Partial<CellNames>[]): DependencyHooks {
  return {
    graph: () => dependencyGraph(cells().map((c) => ({ id: c.id ?? '', defines: c.defines ?? [], references: c.references ?? [] }))),
    goTo(id) {
      const el = root.querySelector<HTMLElement>(`[data-cell="${CSS.escape(id)}"]`);
      if (!el) return;
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
      el.classList.add('dep-flash');
      setTimeout(() => el.classList.remove('dep-flash'), 1500);
    },
  };
}
