/**
 * The notebook's dependency graph: which cell defines each name, what each reference resolves
 * to, and the static errors that keep a cell from running (duplicate names, cycles, undefined
 * names, assignments to another cell's name).
 */
import type { CellAnalysis } from './analyze.js';
import type { CellError } from './types.js';

/** What a free reference resolves to. */
export type Binding = { kind: 'cell'; cell: string } | { kind: 'param' } | { kind: 'builtin' } | { kind: 'global' };

export interface GraphNode {
  /** Free references the runtime passes in, with their binding (globals are left to the engine). */
  inputs: Map<string, Binding>;
  /** Cells this one reads from. */
  upstream: Set<string>;
  error?: CellError;
}

export interface GraphInput {
  cells: { id: string; analysis: CellAnalysis }[];
  params: Set<string>;
  builtins: Set<string>;
  isGlobal: (name: string) => boolean;
}

/** The shortest way from `start` back to itself along `edges`, within `members`. */
function loopFrom(start: string, edges: Map<string, Set<string>>, members: Set<string>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of edges.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(previous.get(path[0])!);
        return path;
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

/** Cells on a cycle, each with a loop it is on (Tarjan's strongly connected components). */
function cycles(ids: string[], edges: Map<string, Set<string>>): Map<string, string[]> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out = new Map<string, string[]>();
  let counter = 0;
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    const members = new Set(component);
    if (component.length > 1) for (const c of component) out.set(c, loopFrom(c, edges, members));
  };
  for (const id of ids) if (!index.has(id)) visit(id);
  return out;
}

/**
 * Resolves every cell's references and finds static errors.
 *
 * @example
 * buildGraph({ cells: [{ id: 'a', analysis: analyzeCell('const x = 1') }, { id: 'b', analysis: analyzeCell('x + 1') }],
 *   params: new Set(), builtins: new Set(), isGlobal: () => false }).get('b').upstream; // → Set { 'a' }
 */
export function buildGraph({ cells, params, builtins, isGlobal }: GraphInput): Map<string, GraphNode> {
  const definers = new Map<string, string[]>();
  for (const { id, analysis } of cells) {
    if (analysis.error) continue;
    for (const name of analysis.defines) definers.set(name, [...(definers.get(name) ?? []), id]);
  }
  const nodes = new Map<string, GraphNode>();
  for (const { id, analysis } of cells) {
    const node: GraphNode = { inputs: new Map(), upstream: new Set(), error: analysis.error };
    nodes.set(id, node);
    if (node.error) continue;
    const problems: string[] = [];
    for (const name of analysis.defines) {
      const others = definers.get(name)!;
      if (others.length > 1) problems.push(`${name} is defined more than once (cells ${others.join(', ')})`);
      else if (params.has(name)) problems.push(`${name} is a notebook parameter: a cell cannot define it too; rename one of them`);
    }
    for (const name of analysis.references) {
      const by = definers.get(name);
      if (analysis.assigns.includes(name) && (by || params.has(name) || builtins.has(name))) {
        problems.push(`cannot assign to ${name}: ${by ? `it is defined by cell ${by[0]}` : 'it is a notebook input'}; cells cannot change each other's values`);
      } else if (by) {
        node.inputs.set(name, { kind: 'cell', cell: by[0] });
        for (const cell of by) node.upstream.add(cell);
      } else if (params.has(name)) node.inputs.set(name, { kind: 'param' });
      else if (builtins.has(name)) node.inputs.set(name, { kind: 'builtin' });
      else if (!isGlobal(name)) problems.push(`${name} is not defined by any cell`);
    }
    if (problems.length > 0) node.error = { message: problems.join('; ') };
  }
  const edges = new Map([...nodes].map(([id, n]) => [id, n.upstream]));
  for (const [id, cycle] of cycles([...nodes.keys()], edges)) {
    const node = nodes.get(id)!;
    if (!node.error) node.error = { message: `circular definition: ${[...cycle, cycle[0]].join(' → ')}` };
  }
  return nodes;
}

/**
 * Cells downstream of `roots` (roots included), in an order where every cell comes after the
 * cells it reads from (cells on a cycle are left out of the ordering constraints).
 *
 * @example
 * downstream(graph, ['a']); // → ['a', 'b', 'c']
 */
export function downstream(graph: Map<string, GraphNode>, roots: Iterable<string>): string[] {
  const dependents = new Map<string, string[]>();
  for (const [id, node] of graph) for (const up of node.upstream) dependents.set(up, [...(dependents.get(up) ?? []), id]);
  const reached = new Set<string>();
  const queue = [...roots].filter((r) => graph.has(r));
  while (queue.length) {
    const id = queue.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    queue.push(...(dependents.get(id) ?? []));
  }
  const order: string[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const visit = (id: string) => {
    if (done.has(id) || visiting.has(id)) return;
    visiting.add(id);
    for (const up of graph.get(id)!.upstream) if (reached.has(up)) visit(up);
    visiting.delete(id);
    done.add(id);
    order.push(id);
  };
  for (const id of graph.keys()) if (reached.has(id)) visit(id);
  return order;
}

/**
 * All cells upstream of `id` (not including it).
 *
 * @example
 * upstreamOf(graph, 'c'); // → Set { 'b', 'a' }
 */
export function upstreamOf(graph: Map<string, GraphNode>, id: string): Set<string> {
  const seen = new Set<string>();
  const queue = [...(graph.get(id)?.upstream ?? [])];
  while (queue.length) {
    const up = queue.pop()!;
    if (seen.has(up) || up === id) continue;
    seen.add(up);
    queue.push(...(graph.get(up)?.upstream ?? []));
  }
  return seen;
}
