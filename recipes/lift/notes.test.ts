import { describe, expect, it } from 'vitest';
import type { ComparisonRow } from './comparisons.js';
import { findingNote, formatP, holmNote, pText, warningNotes } from './notes.js';
import { liftParams } from './params.js';

const row = (over: Partial<ComparisonRow>): ComparisonRow => ({
  variant: 'personalized', metric: 'converted', control_mean: 0.1, mean: 0.1123, effect: 0.123, se: 0.04,
  ci_low: 0.041, ci_high: 0.205, p_value: 0.003, p_value_holm: 0.003, significant: true,
  chance_to_win: null, risk_control: null, risk_treatment: null, ...over,
});

describe('lift notes', () => {
  const params = liftParams.parse({ method: 'frequentist' });

  it('formats p-values the way people read them', () => {
    expect([0.41, 0.0312, 0.003, 0.0003, 0.00001].map(formatP)).toEqual(['0.41', '0.031', '0.003', '0.0003', '< 0.0001']);
    expect(pText(0.00001)).toBe('p < 0.0001');
  });

  it('states a significant finding with its interval and p-value', () => {
    expect(findingNote(row({}), params)).toBe('personalized raised converted by +12.3% (95% CI +4.1% to +20.5%, p = 0.003).');
    expect(findingNote(row({ effect: -0.08, ci_low: -0.12, ci_high: -0.04 }), params)).toMatch(/^personalized lowered converted by −8\.0% \(95% CI −12\.0% to −4\.0%/);
  });

  it('does not claim a direction when not significant, and adds chance to win and Holm p when present', () => {
    const note = findingNote(row({ significant: false, p_value: 0.2, p_value_holm: 0.4, ci_low: -0.05, chance_to_win: 0.9 }), liftParams.parse({}));
    expect(note).toBe('personalized changed converted by +12.3% (95% CI −5.0% to +20.5%, p = 0.20, Holm-adjusted p = 0.40, chance to win 90.0%): not statistically significant, so no clear effect either way.');
    expect(findingNote(row({ effect: null }), params)).toBeNull();
  });

  it('warns about sample ratio mismatch and small arms, and explains Holm', () => {
    const notes = warningNotes({
      srmP: 0.0003,
      counts: new Map([['control', 60], ['personalized', 120]]),
      expected: new Map([['control', 90], ['personalized', 90]]),
    });
    expect(notes[0]).toMatch(/^sample ratio mismatch, p = 0\.0003: do not trust this test\. Units per variant: control 60 \(expected 90\)/);
    expect(notes[1]).toMatch(/^Too few units: control has 60 \(fewer than 100\)/);
    expect(holmNote(3, 0.05)).toMatch(/^3 comparisons were made .* Holm-adjusted .* under 5%\.$/);
    expect(holmNote(1, 0.05)).toBeNull();
    expect(warningNotes({ srmP: 0.5, counts: new Map([['a', 500], ['b', 500]]), expected: new Map([['a', 500], ['b', 500]]) })).toEqual([]);
  });
});
