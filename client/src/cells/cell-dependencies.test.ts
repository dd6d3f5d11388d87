import { describe, expect, it } from 'vitest';
import { allDownstream, allUpstream, dependencyGraph, layers, type CellNames } from './cell-dependencies.js';

const cell = (id: string, defines: string[], references: string[] = []): CellNames => ({ id, defines, references });

// orders → revenue → chart, orders → chart; `notes` stands alone; `aq` is a builtin nobody defines.
const notebook = [
  cell('load', ['orders'], ['aq']),
  cell('notes', ['text']),
  cell('sum', ['revenue', 'count'], ['orders']),
  cell('chart', [], ['revenue', 'orders', 'count', 'Plot']),
];

describe('dependencyGraph', () => {
  it('links a cell to the cells that define the names it reads, with the names', () => {
    const g = dependencyGraph(notebook);
    expect(g.order).toEqual(['load', 'notes', 'sum', 'chart']);
    expect(g.inputs.get('chart')).toEqual([
      { from: 'load', to: 'chart', names: ['orders'] },
      { from: 'sum', to: 'chart', names: ['revenue', 'count'] },
    ]);
    expect(g.outputs.get('load')!.map((l) => l.to)).toEqual(['sum', 'chart']);
    expect(g.inputs.get('load')).toEqual([]);
    expect(g.inputs.get('notes')).toEqual([]);
    expect(g.outputs.get('notes')).toEqual([]);
  });

  it('links every definer of a name defined twice, and never a cell to itself', () => {
    const g = dependencyGraph([cell('a', ['x']), cell('b', ['x']), cell('c', ['y'], ['x', 'x', 'y'])]);
    expect(g.inputs.get('c')!.map((l) => [l.from, l.names])).toEqual([['a', ['x']], ['b', ['x']]]);
  });

  it('orders links by notebook position, not by the order names are read', () => {
    const g = dependencyGraph([cell('a', ['x']), cell('b', ['y']), cell('c', [], ['y', 'x'])]);
    expect(g.inputs.get('c')!.map((l) => l.from)).toEqual(['a', 'b']);
  });
});

describe('allUpstream / allDownstream', () => {
  it('follow links transitively, in notebook order', () => {
    const g = dependencyGraph([...notebook, cell('report', [], ['text']), cell('late', ['z'], ['revenue'])]);
    expect(allUpstream(g, 'chart')).toEqual(['load', 'sum']);
    expect(allUpstream(g, 'late')).toEqual(['load', 'sum']);
    expect(allDownstream(g, 'load')).toEqual(['sum', 'chart', 'late']);
    expect(allDownstream(g, 'notes')).toEqual(['report']);
    expect(allDownstream(g, 'chart')).toEqual([]);
    expect(allUpstream(g, 'missing')).toEqual([]);
  });

  it('stop on a cycle without looping, and leave the cell itself out', () => {
    const g = dependencyGraph([cell('a', ['x'], ['y']), cell('b', ['y'], ['x']), cell('c', [], ['x'])]);
    expect(allUpstream(g, 'a')).toEqual(['b']);
    expect(allDownstream(g, 'a')).toEqual(['b', 'c']);
  });
});

describe('layers', () => {
  it('puts each cell one past the deepest cell it reads', () => {
    expect([...layers(dependencyGraph(notebook))]).toEqual([['load', 0], ['notes', 0], ['sum', 1], ['chart', 2]]);
  });

  it('places cells on a cycle without recursing forever', () => {
    const l = layers(dependencyGraph([cell('a', ['x'], ['y']), cell('b', ['y'], ['x']), cell('c', [], ['x'])]));
    expect(l.get('a')).toBe(1);
    expect(l.get('b')).toBe(0);
    expect(l.get('c')).toBe(2);
  });
});
