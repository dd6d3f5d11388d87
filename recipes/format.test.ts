import { describe, expect, it } from 'vitest';
import { finiteOrNull, fixed, percent, signedChange, signedPercent } from './format.js';

describe('finiteOrNull', () => {
  it('keeps finite numbers, zero included', () => {
    expect(finiteOrNull(0)).toBe(0);
    expect(finiteOrNull(-2.5)).toBe(-2.5);
  });
  it('turns NaN, ±Infinity, null and undefined into null', () => {
    for (const v of [NaN, Infinity, -Infinity, null, undefined]) expect(finiteOrNull(v)).toBeNull();
  });
});

describe('number formatting in notes', () => {
  it('percent shows a share with one decimal by default', () => {
    expect(percent(0.1234)).toBe('12.3%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(0.5, 0)).toBe('50%');
  });
  it('signedPercent puts + on zero and gains, - on losses', () => {
    expect(signedPercent(0)).toBe('+0.0%');
    expect(signedPercent(0.021)).toBe('+2.1%');
    expect(signedPercent(-0.05)).toBe('-5.0%');
  });
  it('signedChange is a signed percentage when relative, 3 significant digits when absolute', () => {
    expect(signedChange(0.0123, true)).toBe('+1.2%');
    expect(signedChange(0.0123, false)).toBe('+0.0123');
    expect(signedChange(-12.345, false)).toBe('-12.3');
  });
  it('fixed rounds numbers and says n/a for anything else', () => {
    expect(fixed(3.14159, 2)).toBe('3.14');
    expect(fixed(2, 1)).toBe('2.0');
    for (const v of [null, undefined, NaN, 'x']) expect(fixed(v, 2)).toBe('n/a');
  });
});
