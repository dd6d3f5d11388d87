import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { runRecipe } from '../define-recipe.js';
import { paretoNbdPAlive } from './pnbd.js';
import { clv } from './index.js';

describe('clv scoring with extreme saved Pareto/NBD parameters', () => {
  it('leaves out the customers whose P(alive) cannot be computed, says how many, and still draws its charts', async () => {
    const extreme = { r: 0.5, alpha: 1e-6, s: 0.6, beta: 10 };
    // A one-time buyer (recency 0) is where the hypergeometric terms give out at these parameters.
    expect(paretoNbdPAlive(extreme, 0, 0, 20)).toBeNaN();
    const summary = aq.from([
      { customer: 'a', frequency: 0, recency: 0, T: 20 },
      { customer: 'b', frequency: 0, recency: 0, T: 30 },
      { customer: 'c', frequency: 2, recency: 10, T: 20 },
      { customer: 'd', frequency: 4, recency: 15, T: 25 },
    ]);
    const model = aq.from(Object.entries(extreme).map(([parameter, estimate]) => ({ parameter, estimate })));
    const { result } = await runRecipe(clv, { inputs: { summary, model }, params: { model: 'pnbd', monetary: 'none' } });
    const pAlive = result.tables.customers!.array('p_alive') as ArrayLike<number>;
    const known = Array.from(pAlive).filter(Number.isFinite);
    expect(known.length).toBe(2);
    expect(result.notes.join(' ')).toMatch(
      /P\(alive\) could not be computed for 2 of 4 customers at these pnbd parameters \(r = 0\.5, alpha = 0\.000001/,
    );
    expect(result.metrics.mean_p_alive).toBeCloseTo((known[0]! + known[1]!) / 2, 12);
    const histogram = result.charts.find((c) => c.id === 'p_alive')!;
    expect((histogram.marks[0]!.data as { customers: number }[]).reduce((sum, b) => sum + b.customers, 0)).toBe(2);
  });
});
