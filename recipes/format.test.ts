import { describe, expect, it } from 'vitest';
import { amount, chance, count, effectSize, finiteOrNull, fixed, percent, pText, rounded, roundPercent, scientific, pValue, significant, signedChange, signedFixed, signedPercent } from './format.js';

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
  it('roundPercent drops the decimal of a whole percentage', () => {
    expect(roundPercent(0.95)).toBe('95%');
    expect(roundPercent(0.975)).toBe('97.5%');
    expect(roundPercent(0.0001)).toBe('0%');
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
  it('significant keeps significant digits and says n/a for anything else', () => {
    expect(significant(0.012345, 2)).toBe('0.012');
    expect(significant(123456, 2)).toBe('1.2e+5');
    for (const v of [null, undefined, NaN, Infinity]) expect(significant(v, 2)).toBe('n/a');
  });
  it('rounded drops trailing zeros, scientific keeps the exponent', () => {
    expect(rounded(12.5004, 4)).toBe('12.5');
    expect(rounded(0.00031234, 2)).toBe('0.00031');
    expect(scientific(0.000123, 2)).toBe('1.23e-4');
    expect(scientific(12345, 1)).toBe('1.2e+4');
  });
  it('count groups thousands the English way', () => {
    expect(count(1234567)).toBe('1,234,567');
    expect(count(999)).toBe('999');
  });
  it('signedFixed puts + on zero and gains', () => {
    expect(signedFixed(0, 2)).toBe('+0.00');
    expect(signedFixed(-0.125, 1)).toBe('-0.1');
  });
  it('amount shows whole units with separators from 1,000 and cents below', () => {
    expect(amount(12345.6)).toBe('12,346');
    expect(amount(-2500.4)).toBe('-2,500');
    expect(amount(999.994)).toBe('999.99');
    expect(amount(-12.345)).toBe('-12.35');
  });
  it('pValue and pText write p-values the way people read them', () => {
    expect([0.41, 0.0312, 0.003, 0.0003, 0.00001].map(pValue)).toEqual(['0.41', '0.031', '0.003', '0.0003', '< 0.0001']);
    expect(pText(0.00001)).toBe('p < 0.0001');
    expect(pText(0.04, 'Holm-adjusted p')).toBe('Holm-adjusted p = 0.040');
  });
  it('chance never rounds a near-certainty to 100% or 0%', () => {
    expect(chance(0.9996)).toBe('> 99.9%');
    expect(chance(0.0004)).toBe('< 0.1%');
    expect(chance(0.9)).toBe('90.0%');
  });
  it('effectSize uses a typographic minus and no sign on zero', () => {
    expect(effectSize(-0.08, true)).toBe('−8.0%');
    expect(effectSize(0, true)).toBe('0.0%');
    expect(effectSize(0.123, true)).toBe('+12.3%');
    expect(effectSize(1234.5, false)).toBe('+1235');
    expect(effectSize(-0.012345, false)).toBe('−0.0123');
  });
});
