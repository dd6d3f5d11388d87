import { describe, expect, it } from 'vitest';
import type { ComparisonRow } from './comparisons.js';
import { correctionNote, findingNote, sequentialNote, warningNotes } from './notes.js';
import { liftParams } from './params.js';

const row = (over: Partial<ComparisonRow>): ComparisonRow => ({
  variant: 'personalized', metric: 'converted', control_mean: 0.1, mean: 0.1123, effect: 0.123, se: 0.04,
  ci_low: 0.041, ci_high: 0.205, p_value: 0.003, p_value_holm: 0.003, significant: true,
  chance_to_win: null, risk_control: null, risk_treatment: null, dof: 2000, ...over,
  p_value_adjusted: over.p_value_adjusted ?? over.p_value_holm ?? 0.003,
});

describe('lift notes', () => {
  const params = liftParams.parse({ method: 'frequentist' });

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
    expect(correctionNote(3, 0.05)).toMatch(/^3 comparisons were made .* Holm-adjusted .* under 5%\.$/);
    expect(correctionNote(3, 0.05, 'bh')).toMatch(/Benjamini–Hochberg-adjusted .* false discoveries/);
    expect(correctionNote(3, 0.05, 'none')).toMatch(/raw p-values/);
    expect(correctionNote(1, 0.05)).toBeNull();
    expect(warningNotes({ srmP: 0.5, counts: new Map([['a', 500], ['b', 500]]), expected: new Map([['a', 500], ['b', 500]]) })).toEqual([]);
  });

  it('reads a decrease as the win for an inverse metric, and explains sequential testing', () => {
    const inv = liftParams.parse({ method: 'frequentist', inverse: ['bounce_rate'] });
    const down = row({ metric: 'bounce_rate', effect: -0.08, ci_low: -0.12, ci_high: -0.04 });
    expect(findingNote(down, inv)).toMatch(/lowered bounce_rate by −8\.0% .*: an improvement, since lower is better for bounce_rate\.$/);
    expect(findingNote(row({ metric: 'bounce_rate' }), inv)).toMatch(/raised bounce_rate .*: worse, since lower is better/);
    expect(sequentialNote(liftParams.parse({ sequential: true }))).toMatch(/^Sequential testing is on \(tuning 5000\): .* above 5%/);
    expect(sequentialNote(liftParams.parse({}))).toBeNull();
  });

  it('labels the adjusted p-value by the correction', () => {
    const bh = liftParams.parse({ correction: 'bh' });
    expect(findingNote(row({ significant: false, p_value: 0.2, p_value_adjusted: 0.3 }), bh)).toMatch(/BH-adjusted p = 0\.30/);
    expect(findingNote(row({ significant: false, p_value: 0.2, p_value_adjusted: 0.2 }), liftParams.parse({ correction: 'none' }))).not.toMatch(/adjusted/);
  });
});
