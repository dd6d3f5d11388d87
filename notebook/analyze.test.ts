import { describe, expect, it } from 'vitest';
import { analyzeCell } from './analyze.js';

const names = (code: string, lang: 'js' | 'ts' = 'js') => {
  const { defines, references, assigns, error } = analyzeCell(code, lang);
  return { defines, references, assigns, error };
};

describe('analyzeCell', () => {
  it('finds top-level declarations of every kind, including destructuring and imports', () => {
    expect(names('const {a, b: [c, ...d], e = 1} = obj; let f; var g; function h() {} class K {}\nimport m, {n as o} from "mod"').defines)
      .toEqual(['a', 'c', 'd', 'e', 'f', 'g', 'h', 'K', 'm', 'o']);
  });

  it('counts a var inside a top-level block as top-level, but not let/const or block functions', () => {
    expect(names('if (ok) { var v = 1; let l = 2; function inner() {} }').defines).toEqual(['v']);
  });

  it('finds free references, not names that are local to functions, blocks, catch clauses or classes', () => {
    expect(names('const y = x + 1').references).toEqual(['x']);
    expect(names('rows.map((d, i) => d.v * i * k)').references).toEqual(['rows', 'k']);
    expect(names('try { go() } catch (e) { e.message + more }').references).toEqual(['go', 'more']);
    expect(names('const f = function self(n) { return n ? self(n - 1) : base }').references).toEqual(['base']);
    expect(names('class A extends B { m() { return this.q + C } }').references).toEqual(['B', 'C']);
    expect(names('({ key: value, [computed]: 1, short }).key').references).toEqual(['value', 'computed', 'short']);
  });

  it('reports assignments to free names', () => {
    expect(names('x = 1; y += 2; let z; z = 3')).toMatchObject({ references: ['x', 'y'], assigns: ['x', 'y'] });
  });

  it('allows top-level await', () => {
    expect(names('const rows = await load("orders")')).toEqual({ defines: ['rows'], references: ['load'], assigns: [], error: undefined });
  });

  it('strips TypeScript types first, keeping line numbers', () => {
    expect(names('type T = { a: number }\nconst n: T = { a: 1 } as T\nenum E { A }', 'ts').defines).toEqual(['n', 'E']);
    expect(names('const a: number = 1\nconst = 2', 'ts').error).toEqual({ message: 'Unexpected token', line: 2, column: 7 });
  });

  it('turns syntax errors and export into errors with line and column', () => {
    expect(names('let a = 1\nlet b = (').error).toMatchObject({ message: 'Unexpected token', line: 2 });
    expect(names('\nexport const a = 1').error).toEqual({
      message: 'export is not needed: every top-level name of a cell is visible to the other cells', line: 2, column: 1,
    });
  });

  it('compiles to a body that returns the defined names and the last expression', async () => {
    const { body } = analyzeCell('import t from "m"\nconst a = 2\na * t // comment');
    expect(body).toBe('"use strict"; let __lb$value;\nconst {default: t} = await __lb$import("m");\nconst a = 2\n__lb$value = (a * t) // comment\nreturn { values: { "t": t, "a": a }, value: __lb$value, hasValue: true };');
  });
});
