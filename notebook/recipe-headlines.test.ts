import { describe, expect, it } from 'vitest';
import { headlines, isWarningNote } from './recipe-headlines.js';
import type { ValueSummary } from './types.js';

const table = (columns: string[], rows: Record<string, unknown>[]): ValueSummary => ({ kind: 'table', columns, types: [], numRows: rows.length, offset: 0, rows });

describe('headlines', () => {
  it('reads each metric\'s effect, interval and chance to win from the comparison table, not the first metric', () => {
    const result = {
      kind: 'recipe-result' as const,
      metrics: { srm_p_value: 0.41, units: 4000 },
      notes: [],
      charts: [],
      tables: {
        variants: table(['variant', 'units'], [{ variant: 'control', units: 2000 }]),
        comparisons: table(['variant', 'metric', 'effect', 'ci_low', 'ci_high', 'chance_to_win', 'significant'], [
          { variant: 'personalized', metric: 'converted', effect: 0.2642, ci_low: 0.0432, ci_high: 0.4851, chance_to_win: 0.9905, significant: true },
          { variant: 'personalized', metric: 'aov', effect: -0.012, ci_low: -0.05, ci_high: null, chance_to_win: 0.31, significant: false },
        ]),
      },
    };
    // d3-format writes negatives with a true minus sign (U+2212), as the cards show them.
    expect(headlines(result).map(({ raw: _raw, ...h }) => h)).toEqual([
      { label: 'converted', effect: '+26.4%', interval: '4.3% to 48.5%', chanceToWin: '99.1%', significant: true },
      { label: 'aov', effect: '−1.2%', interval: '−5.0% to ∞', chanceToWin: '31.0%', significant: false },
    ]);
  });

  it('has none without a table of effects with intervals', () => {
    expect(headlines({ kind: 'recipe-result', metrics: {}, notes: [], charts: [], tables: { t: table(['effect'], [{ effect: 1 }]) } })).toEqual([]);
  });

  it('tells warnings from findings', () => {
    expect(isWarningNote('Too few units in segment new to trust its effect.')).toBe(true);
    expect(isWarningNote('Personalized converts 26% better.')).toBe(false);
  });
});
