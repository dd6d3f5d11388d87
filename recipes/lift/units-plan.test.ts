import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { planFor, runOnLocalEngine } from '../../server/engine/test-engine.js';
import { runRecipe } from '../define-recipe.js';
import { resultToJSON } from '../result-json.js';
import { lift } from './index.js';

const units = aq.from(
  Array.from({ length: 400 }, (_, i) => ({ arm: i % 2 ? 'b' : 'a', converted: +(i % 7 === 0), revenue: (i * 37) % 23, before: (i * 11) % 13, flag: i % 3 === 0 })),
);

describe('lift aggregates unit-level rows in SQL', () => {
  it('sums every metric in one grouped scan and brings back one row per variant', async () => {
    const plan = await planFor(lift, { units }, { variant: 'arm', covariates: { revenue: 'before' } });
    expect(Object.keys(plan.queries)).toEqual(['arms']);
    expect(plan.consumes).toEqual(['units']);
    expect(plan.queries.arms!.match(/\bFROM\b/g)).toHaveLength(1);
    const { engine, result } = await runOnLocalEngine(lift, { units }, { variant: 'arm', covariates: { revenue: 'before' } });
    expect(engine).toMatchObject({ source: 'local', kind: 'duckdb', pushdown: true, rows_read: 400, rows_fetched: 2 });
    // Default metrics come from the column types: numbers and booleans, not the covariate.
    expect(result.tables.comparisons!.array('metric')).toEqual(['converted', 'revenue', 'flag']);
  });

  it('treats quotes and semicolons in column names and values as data', async () => {
    const evil = 'x"; DROP TABLE units; --';
    const plain = aq.table({ arm: ["a'; --", "a'; --", 'b', 'b', 'b'], m: [1, 2, 3, 4, 6] });
    const renamed = plain.rename({ arm: evil, m: `${evil}'` });
    const a = await runRecipe(lift, { inputs: { units: plain }, params: { variant: 'arm', metrics: ['m'] } });
    const b = await runRecipe(lift, { inputs: { units: renamed }, params: { variant: evil, metrics: [`${evil}'`] } });
    const strip = (o: ReturnType<typeof resultToJSON>) => JSON.stringify(o.tables.comparisons!.map((r) => ({ ...r, metric: null })));
    expect(strip(resultToJSON('lift', b.params, b.result))).toBe(strip(resultToJSON('lift', a.params, a.result)));
    expect(b.result.tables.variants!.array('variant')).toEqual(["a'; --", 'b']);
  });

  it('reads numbers written as text, and names the first row that is not one', async () => {
    const text = aq.table({ arm: ['a', 'b', 'a', 'b'], revenue: ['3', ' 4.5', '1', 'yes'] });
    const { result } = await runRecipe(lift, { inputs: { units: text }, params: { variant: 'arm', metrics: ['revenue'] } });
    expect(result.tables.variants!.objects().map((r) => (r as { mean: number }).mean)).toEqual([2, 2.75]);
    const bad = aq.table({ arm: ['a', 'b', 'a', 'b'], revenue: ['3', '4', 'n/a', 'x'] });
    await expect(runRecipe(lift, { inputs: { units: bad }, params: { variant: 'arm', metrics: ['revenue'] } })).rejects.toThrow(
      /units\.revenue \(the metrics column\) has "n\/a" in row 3, which is not a number/,
    );
  });

  it('refuses empty metric values and an empty variant, naming the column and the fix', async () => {
    const holes = aq.table({ arm: ['a', 'b', 'a', 'b'], revenue: [1, null, 3, 4] });
    await expect(runRecipe(lift, { inputs: { units: holes }, params: { variant: 'arm', metrics: ['revenue'] } })).rejects.toThrow(
      /units\.revenue \(the metrics column\) is empty in 1 row, which is not a number\. Fix or remove that row/,
    );
    const noArm = aq.table({ arm: ['a', null, 'b', 'b'], revenue: [1, 2, 3, 4] });
    await expect(runRecipe(lift, { inputs: { units: noArm }, params: { variant: 'arm', metrics: ['revenue'] } })).rejects.toThrow(
      /units\.arm \(the variant column\) is empty in 1 row/,
    );
    const dates = aq.table({ arm: ['a', 'b'], day: [new Date(0), new Date(1)] });
    await expect(runRecipe(lift, { inputs: { units: dates }, params: { variant: 'arm', metrics: ['day'] } })).rejects.toThrow(/units\.day \(the metrics column\) holds dates, not numbers/);
  });

  it('leaves a default metric with missing values out, as before', async () => {
    const some = aq.table({ arm: ['a', 'b', 'a', 'b'], converted: [0, 1, 1, 1], spend: [1, null, 2, 3] });
    const { result } = await runRecipe(lift, { inputs: { units: some }, params: { variant: 'arm' } });
    expect(result.tables.comparisons!.array('metric')).toEqual(['converted']);
  });
});
