import { describe, expect, it } from 'vitest';
import { parseCommand, parseKeyValues, UsageError } from './args.js';
import { textTable } from './text-table.js';

describe('parseKeyValues', () => {
  it('reads values as JSON when they parse, else as strings', () => {
    expect(parseKeyValues(['a=3', 'b=true', 'c=["x","y"]', 'd={"k":1}', 'e=segment', 'f=a=b', 'g='], 'param')).toEqual({
      a: 3,
      b: true,
      c: ['x', 'y'],
      d: { k: 1 },
      e: 'segment',
      f: 'a=b',
      g: '',
    });
  });

  it('keeps strings when asked (notebook params are typed by their declarations)', () => {
    expect(parseKeyValues(['seed=007'], 'param', false)).toEqual({ seed: '007' });
  });

  it('refuses a pair without a name', () => {
    expect(() => parseKeyValues(['alpha'], 'param')).toThrow(UsageError);
    expect(() => parseKeyValues(['=1'], 'param')).toThrow(/--param needs <name>=<value>/);
  });
});

describe('parseCommand', () => {
  it('turns unknown options and extra arguments into usage errors for that command', () => {
    expect(() => parseCommand('recipes', ['--jsn'], { json: { type: 'boolean' } })).toThrow(/Unknown option '--jsn'/);
    expect(() => parseCommand('recipes', ['extra'], { json: { type: 'boolean' } })).toThrow(UsageError);
    const { values, positionals } = parseCommand('run', ['nb.md', '--json'], { json: { type: 'boolean' } }, 1);
    expect(values.json).toBe(true);
    expect(positionals).toEqual(['nb.md']);
  });
});

describe('textTable', () => {
  it('aligns columns, numbers to the right, and counts rows left out', () => {
    const text = textTable([{ v: 'a', n: 1.23456 }, { v: 'bb', n: 10 }, { v: 'c', n: null }], 2);
    expect(text).toBe(['v       n', 'a   1.235', 'bb     10', '… 1 more rows (3 in all; use --format json for every row)'].join('\n'));
  });
});
