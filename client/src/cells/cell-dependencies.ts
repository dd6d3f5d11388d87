/** What the runtime reports of one cell: the names it defines and the names it reads. */
export interface CellNames {
  id: string;
  defines: readonly string[];
  references: readonly string[];
}

/** One edge of the graph: `from` defines the `names` that `to` reads. */
export interface Link {
  from: string;
  to: string;
  names: string[];
}

export interface DependencyGraph {
  /** Cell ids in notebook order. */
  order: string[];
  /** Edges into each cell (the cells it reads from), in notebook order of the source cell. */
  inputs: Map<string, Link[]>;
  /** Edges out of each cell (the cells that read it), in notebook order of the reader. */
  outputs: Map<string, Link[]>;
}

/**
 * The cells' dependency graph from the runtime's per-cell names (`defines`, `references` of each
 * cell state): a cell feeds another when it defines a name the other reads. A name defined twice
 * (an error the runtime reports) links both definers, as the runtime's graph does.
 *
 * @example
 * const g = dependencyGraph([{ id: 'a', defines: ['x'], references: [] }, { id: 'b', defines: ['y'], references: ['x'] }]);
 * g.inputs.get('b'); // → [{ from: 'a', to: 'b', names: ['x'] }]
 */
export function dependencyGraph(cells: readonly CellNames[]): DependencyGraph {
  const definers = new Map<string, string[]>();
  for (const cell of cells) for (const name of cell.defines) definers.set(name, [...(definers.get(name) ?? []), cell.id]);
  const order = cells.map((c) => c.id);
  const position = new Map(order.map((id, i) => [id, i]));
  const inputs = new Map<string, Link[]>(order.map((id) => [id, []]));
  const outputs = new Map<string, Link[]>(order.map((id) => [id, []]));
  for (const cell of cells) {
    const byCell = new Map<string, string[]>();
    for (const name of new Set(cell.references)) {
      for (const from of definers.get(name) ?? []) if (from !== cell.id) byCell.set(from, [...(byCell.get(from) ?? []), name]);
    }
    for (const [from, names] of [...byCell].sort((a, b) => position.get(a[0])! - position.get(b[0])!)) {
      const link = { from, to: cell.id, names };
      inputs.get(cell.id)!.push(link);
      outputs.get(from)!.push(link);
    }
  }
  for (const links of outputs.values()) links.sort((a, b) => position.get(a.to)! - position.get(b.to)!);
  return { order, inputs, outputs };
}

/** Every cell reached from `id` along `edges` (not `id` itself), in notebook order. */
function reach(graph: DependencyGraph, id: string, next: (id: string) => string[]): string[] {
  const seen = new Set<string>();
  const queue = next(id);
  while (queue.length) {
    const at = queue.pop()!;
    if (seen.has(at) || at === id) continue;
    seen.add(at);
    queue.push(...next(at));
  }
  return graph.order.filter((c) => seen.has(c));
}

/**
 * Every cell `id` depends on, directly or through others, in notebook order.
 *
 * @example
 * allUpstream(g, 'c'); // → ['a', 'b']
 */
export function allUpstream(graph: DependencyGraph, id: string): string[] {
  return reach(graph, id, (at) => (graph.inputs.get(at) ?? []).map((l) => l.from));
}

/**
 * Every cell that depends on `id`, directly or through others, in notebook order: what re-runs
 * (or goes stale) when `id` changes.
 *
 * @example
 * allDownstream(g, 'a'); // → ['b', 'c']
 */
export function allDownstream(graph: DependencyGraph, id: string): string[] {
  return reach(graph, id, (at) => (graph.outputs.get(at) ?? []).map((l) => l.to));
}

/**
 * A layer for each cell, for drawing the graph left to right: 0 for cells that read no other
 * cell, else one more than the deepest cell they read (cells on a cycle, which the runtime
 * refuses to run, are placed by their edges from outside the cycle only).
 *
 * @example
 * layers(g); // → Map { 'a' => 0, 'b' => 1, 'c' => 2 }
 */
export function layers(graph: DependencyGraph): Map<string, number> {
  const layer = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    const known = layer.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return -1;
    visiting.add(id);
    let deepest = -1;
    for (const link of graph.inputs.get(id) ?? []) deepest = Math.max(deepest, visit(link.from));
    visiting.delete(id);
    layer.set(id, deepest + 1);
    return deepest + 1;
  };
  for (const id of graph.order) visit(id);
  return layer;
}
