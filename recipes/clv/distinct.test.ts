import { describe, expect, it } from 'vitest';
import { distinctRows } from './distinct.js';

describe('distinctRows', () => {
  it('groups rows by all their values, in order of first appearance', () => {
    const { index, first } = distinctRows([[1, 1, 0, 1, 1], [2, 2, 0, 3, 2], [5, 5, 5, 5, 6]]);
    expect(Array.from(index)).toEqual([0, 0, 1, 2, 3]);
    expect(first).toEqual([0, 2, 3, 4]);
  });

  it('tells apart values a text key could merge and keeps one column working', () => {
    const { index } = distinctRows([[0.1 + 0.2, 0.3, 0.30000000000000004]]);
    expect(Array.from(index)).toEqual([0, 1, 0]);
  });

  it('treats NaN as equal to NaN and −0 as equal to 0, as a Map does', () => {
    const { index, first } = distinctRows([[NaN, 0, -0, NaN, 0], [1, -0, 0, 1, 0]]);
    expect(Array.from(index)).toEqual([0, 1, 1, 0, 1]);
    expect(first).toEqual([0, 1]);
  });

  it('agrees with a Map on text keys for many rows and groups (the table grows)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const a = Array.from({ length: 20000 }, () => Math.floor(random() * 100));
    const b = Array.from({ length: 20000 }, () => Math.floor(random() * 60) / 7);
    const { index, first } = distinctRows([a, b]);
    const groups = new Map<string, number>();
    const expected = a.map((v, i) => {
      const key = `${v}|${b[i]}`;
      if (!groups.has(key)) groups.set(key, groups.size);
      return groups.get(key)!;
    });
    expect(Array.from(index)).toEqual(expected);
    expect(first.length).toBe(groups.size);
    expect(first.length).toBeGreaterThan(2000);
    expect(first.every((i, k) => index[i] === k)).toBe(true);
  });
});
