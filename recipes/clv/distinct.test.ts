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
});
