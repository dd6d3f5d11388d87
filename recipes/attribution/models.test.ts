import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { runRecipe } from '../define-recipe.js';
import { attribution } from './index.js';
import { shapleyCredit } from './shapley.js';
import type { Journey } from './journeys.js';

type Row = { model: string; channel: string; conversions: number; value: number; share: number };
const credits = async (paths: object[], params: object) => {
  const { result } = await runRecipe(attribution, { inputs: { paths: aq.from(paths) }, params });
  return { result, get: (model: string, channel: string) => (result.tables.credits!.objects() as Row[]).find((r) => r.model === model && r.channel === channel) };
};

describe('rule-based models', () => {
  it('credit one path as by hand', async () => {
    const { get } = await credits([{ path: 'a > b > c > a', conversions: 2, value: 10 }], { models: ['first', 'last', 'linear', 'position'] });
    expect(get('first', 'a')!.conversions).toBe(2);
    expect(get('last', 'a')!.value).toBe(10);
    // linear: each of 4 touches gets ¼ (a twice)
    expect(get('linear', 'a')!.conversions).toBeCloseTo(1, 14);
    expect(get('linear', 'b')!.conversions).toBeCloseTo(0.5, 14);
    // position: 40% first + 40% last (both a), 20% split over b and c
    expect(get('position', 'a')!.conversions).toBeCloseTo(1.6, 14);
    expect(get('position', 'c')!.value).toBeCloseTo(1, 14);
  });

  it('splits two touches 50/50 and gives a single touch everything under position', async () => {
    const { get } = await credits([{ path: 'a>b', conversions: 1 }, { path: 'b', conversions: 1 }], { models: ['position'] });
    expect(get('position', 'a')!.conversions).toBe(0.5);
    expect(get('position', 'b')!.conversions).toBe(1.5);
  });

  it('decays credit by half-life from each touch to the conversion', async () => {
    const touchpoints = aq.from([
      { journey_id: 'j', timestamp: '2025-01-01', channel: 'a', converted: 1, value: 35 },
      { journey_id: 'j', timestamp: '2025-01-15', channel: 'c', converted: 1, value: 35 },
      { journey_id: 'j', timestamp: '2025-01-08', channel: 'b', converted: 1, value: 35 },
      { journey_id: 'k', timestamp: '2025-01-08', channel: 'b', converted: 0, value: 0 },
    ]);
    const { result } = await runRecipe(attribution, { inputs: { touchpoints }, params: { models: ['time_decay'], half_life: 7 } });
    const rows = result.tables.credits!.objects() as Row[];
    // 14, 7 and 0 days before the conversion: weights ¼, ½, 1 of 1.75
    expect(rows.find((r) => r.channel === 'a')!.conversions).toBeCloseTo(0.25 / 1.75, 14);
    expect(rows.find((r) => r.channel === 'b')!.value).toBeCloseTo((35 * 0.5) / 1.75, 12);
    expect(rows.find((r) => r.channel === 'c')!.share).toBeCloseTo(1 / 1.75, 14);
  });
});

describe('Markov model', () => {
  it('matches a hand-solved first-order chain', async () => {
    // start→a 2, start→b 2; a→b 1, a→null 1; b→conv 2, b→null 1.
    // x_b = 2/3, x_a = ½·x_b = 1/3, P = ½·1/3 + ½·2/3 = ½.
    // Without a: P = ½·2/3 = 1/3 ⇒ RE_a = 1 − (1/3)/(1/2) = 1/3. Without b: P = 0 ⇒ RE_b = 1.
    // 2 conversions split 1/3 : 1 ⇒ a 0.5, b 1.5.
    const { result, get } = await credits(
      [{ path: 'a > b', conversions: 1, nulls: 0 }, { path: 'a', conversions: 0, nulls: 1 }, { path: 'b', conversions: 1, nulls: 1 }],
      { models: ['markov'] },
    );
    expect(result.metrics.markov_conversion_probability).toBeCloseTo(0.5, 14);
    const re = Object.fromEntries((result.tables.removal_effects!.objects() as { channel: string; removal_effect: number }[]).map((r) => [r.channel, r.removal_effect]));
    expect(re.a).toBeCloseTo(1 / 3, 14);
    expect(re.b).toBeCloseTo(1, 14);
    expect(get('markov', 'a')!.conversions).toBeCloseTo(0.5, 14);
    expect(get('markov', 'b')!.conversions).toBeCloseTo(1.5, 14);
  });

  it('transitions table: counts and probabilities of the hand-solved chain, each state summing to 1', async () => {
    const { result } = await credits(
      [{ path: 'a > b', conversions: 1, nulls: 0 }, { path: 'a', conversions: 0, nulls: 1 }, { path: 'b', conversions: 1, nulls: 1 }],
      { models: ['markov'] },
    );
    const rows = result.tables.transitions!.objects() as { from: string; to: string; count: number; probability: number }[];
    const got = Object.fromEntries(rows.map((r) => [`${r.from}→${r.to}`, [r.count, r.probability]]));
    expect(got).toEqual({
      'start→a': [2, 0.5], 'start→b': [2, 0.5],
      'a→b': [1, 0.5], 'a→null': [1, 0.5],
      'b→conversion': [2, 2 / 3], 'b→null': [1, 1 / 3],
    });
    const second = await credits([{ path: 'a > b', conversions: 1, nulls: 0 }, { path: 'c > b', conversions: 0, nulls: 1 }], { models: ['markov'], order: 2 });
    const names = (second.result.tables.transitions!.objects() as { from: string; to: string }[]).map((r) => `${r.from}→${r.to}`);
    expect(names).toEqual(['start→a', 'start→c', 'a→a > b', 'a > b→conversion', 'c→c > b', 'c > b→null']);
    const firstOnly = await credits([{ path: 'a > b', conversions: 1, nulls: 0 }], { models: ['first'] });
    expect(firstOnly.result.tables.transitions!.numRows()).toBe(0);
    expect(firstOnly.result.tables.transitions!.columnNames()).toEqual(['from', 'to', 'count', 'probability']);
  });

  it('sees what only a second-order chain can: c never leads to conversion', async () => {
    const paths = [{ path: 'a > b', conversions: 1, nulls: 0 }, { path: 'c > b', conversions: 0, nulls: 1 }];
    // Order 1: x_b = ½ from either side; RE_a = RE_c = ½, RE_b = 1 ⇒ shares ¼, ¼, ½.
    const first = await credits(paths, { models: ['markov'], order: 1 });
    expect(first.get('markov', 'c')!.share).toBeCloseTo(0.25, 14);
    // Order 2: (a,b) always converts, (c,b) never: removing c changes nothing (RE 0), a and b are essential.
    const second = await credits(paths, { models: ['markov'], order: 2 });
    expect(second.get('markov', 'c')!.share).toBeCloseTo(0, 14);
    expect(second.get('markov', 'a')!.share).toBeCloseTo(0.5, 14);
    expect(second.result.metrics.markov_conversion_probability).toBeCloseTo(0.5, 14);
  });

  it('handles loops: self-loops and a↔b cycles still give exact probabilities', async () => {
    // a→a→b conv; b→a null. Order 1: start→a 1, start→b 1; a→a 1, a→b 1, a→null 1; b→conv 1, b→a 1.
    // x_a = (x_a + x_b)/3 ⇒ x_a = x_b/2; x_b = ½ + ½x_a ⇒ x_b = 2/3, x_a = 1/3; P = ½(1/3 + 2/3) = ½.
    const { result } = await credits([{ path: 'a > a > b', conversions: 1, nulls: 0 }, { path: 'b > a', conversions: 0, nulls: 1 }], { models: ['markov'] });
    expect(result.metrics.markov_conversion_probability).toBeCloseTo(0.5, 14);
  });
});

describe('Shapley model', () => {
  it('equals the subset-sum definition and a hand calculation', () => {
    // Journeys: {a} 3 conversions, {a,b} 2, {b,c} 1.  v(a)=3, v(ab)=5, v(ac)=3, v(bc)=1, v(abc)=6.
    // φ_a = ⅓·3 + ⅙·5 + ⅙·3 + ⅓·(6−1) = 4;  φ_b = 1.5;  φ_c = 0.5.
    const journeys: Journey[] = [
      { touches: [0], conversions: 3, value: 0, nulls: 4 },
      { touches: [0, 1, 0], conversions: 2, value: 0, nulls: 0 },
      { touches: [2, 1], conversions: 1, value: 0, nulls: 0 },
    ];
    const fast = shapleyCredit(journeys, 3);
    expect([...fast.conversions]).toEqual([4, 1.5, 0.5]);
    // The textbook formula over every coalition, on a bigger random game.
    const n = 5;
    const random: Journey[] = Array.from({ length: 40 }, (_, i) => ({
      touches: Array.from({ length: 1 + (i % 4) }, (_, k) => (i * 7 + k * 3) % n), conversions: (i * 13) % 5, value: 0, nulls: 0,
    }));
    const v = (mask: number) => random.filter((j) => j.touches.every((c) => mask & (1 << c))).reduce((s, j) => s + j.conversions, 0);
    const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
    const bits = (m: number) => m.toString(2).split('').filter((b) => b === '1').length;
    const exact = shapleyCredit(random, n);
    for (let c = 0; c < n; c++) {
      let phi = 0;
      for (let mask = 0; mask < 1 << n; mask++) {
        if (mask & (1 << c)) continue;
        const s = bits(mask);
        phi += ((fact(s) * fact(n - s - 1)) / fact(n)) * (v(mask | (1 << c)) - v(mask));
      }
      expect(exact.conversions[c]).toBeCloseTo(phi, 10);
    }
  });
});
