import { describe, expect, it } from 'vitest';
import { pickControl, sortVariants, splitWeights } from './arms.js';

describe('variants and control', () => {
  it('sorts naturally and picks the control', () => {
    expect(sortVariants(['v10', 'b', 'v2', 'a', 'b'])).toEqual(['a', 'b', 'v2', 'v10']);
    expect(pickControl(['A', 'Control', 'z'], undefined, 'units.variant')).toBe('Control');
    expect(pickControl(['b', 'a'], undefined, 'units.variant')).toBe('b'); // caller passes sorted variants
    expect(pickControl(['a', 'b'], 'b', 'units.variant')).toBe('b');
    expect(() => pickControl([], undefined, 'units.arm')).toThrow(/units\.arm has no values/);
  });

  it('reads the split as an object or an ordered list', () => {
    expect(splitWeights(['a', 'b'], { b: 3, a: 1 })).toEqual([1, 3]);
    expect(splitWeights(['a', 'b'], [1, 3])).toEqual([1, 3]);
    expect(splitWeights(['a', 'b'], undefined)).toBeUndefined();
    expect(() => splitWeights(['a', 'b'], { a: 1 })).toThrow(/no weight for variant "b"/);
  });
});
