import { describe, expect, it } from 'vitest';
import { groupIndices, pick, resolveControl, tryCompare } from './versus-control.js';
import { meanStats } from './moments.js';

describe('versus-control helpers', () => {
  it('resolves the control arm or says which values exist', () => {
    expect(resolveControl(['b', 'control', 'a'], undefined, 'units', 'variant')).toBe('control');
    expect(resolveControl(['b', 'a'], undefined, 'units', 'variant')).toBe('a');
    expect(resolveControl(['b', 'a'], 'b', 'units', 'variant')).toBe('b');
    expect(resolveControl(['B', 'Control'], undefined, 'units', 'variant')).toBe('Control');
    expect(resolveControl(['arm10', 'arm2'], undefined, 'units', 'variant')).toBe('arm2');
    expect(() => resolveControl(['b', 'a'], 'c', 'units', 'variant')).toThrow(/control "c" is not a value of units.variant; its values are "a", "b"/);
    expect(() => resolveControl(['a', 'a'], undefined, 'units', 'arm')).toThrow(/only one value, "a"/);
  });
  it('reports a stratum too small to compare instead of throwing', () => {
    const r = tryCompare(meanStats([1], 'mean'), meanStats([2, 3], 'mean'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/at least 2 units/);
    const ok = tryCompare(meanStats([1, 2], 'mean'), meanStats([2, 4], 'mean'), { difference: 'absolute' });
    expect(ok.ok && ok.value.effect).toBe(1.5);
  });
  it('groups and picks', () => {
    expect([...groupIndices(['a', 'b', 'a']).entries()]).toEqual([['a', [0, 2]], ['b', [1]]]);
    expect(Array.from(pick([5, 6, 7], [0, 2]))).toEqual([5, 7]);
  });
});
