import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { runRecipe } from '../define-recipe.js';
import { RecipeInputError } from '../errors.js';
import { lift } from './index.js';

const units = aq.from([
  { arm: 'a', converted: 1, revenue: 10, orders: 1, before: 3 },
  { arm: 'a', converted: 0, revenue: 0, orders: 0, before: 5 },
  { arm: 'b', converted: 1, revenue: 12, orders: 2, before: 4 },
  { arm: 'b', converted: 1, revenue: 7, orders: 1, before: 1 },
]);

async function fails(inputs: Record<string, aq.ColumnTable>, params: Record<string, unknown>, message: RegExp) {
  const run = runRecipe(lift, { inputs, params });
  await expect(run).rejects.toBeInstanceOf(RecipeInputError);
  await expect(run).rejects.toThrow(message);
}

describe('lift errors name the column, value or parameter and the fix', () => {
  it('missing variant column', async () => {
    await fails({ units }, {}, /units has no column "variant" \(the variant column\)\. Its columns are "arm", .*--param variant=<column>/);
  });

  it('control value not present lists the variants seen', async () => {
    await fails({ units }, { variant: 'arm', control: 'ctrl' }, /control "ctrl" is not a value of units\.arm; the variants seen are "a", "b"/);
  });

  it('fewer than 2 variants', async () => {
    const one = units.filter((d: { arm: string }) => d.arm === 'a');
    await fails({ units: one }, { variant: 'arm' }, /units\.arm has only one value \("a"\); lift needs a control and at least one treatment/);
  });

  it('non-numeric metric values name the row and value', async () => {
    const bad = aq.from([{ arm: 'a', revenue: 3 }, { arm: 'b', revenue: 'n/a' }, { arm: 'a', revenue: 1 }, { arm: 'b', revenue: 2 }]);
    await fails({ units: bad }, { variant: 'arm', metrics: ['revenue'] }, /units\.revenue .* has "n\/a" in row 2, which is not a number/);
  });

  it('a metric or covariate column that does not exist', async () => {
    await fails({ units }, { variant: 'arm', metrics: ['sales'] }, /units has no column "sales" \(the metrics column\)/);
    await fails({ units }, { variant: 'arm', metrics: ['revenue'], covariates: { revenue: 'last_year' } }, /units has no column "last_year" \(the covariates\.revenue column\)/);
    await fails({ units }, { variant: 'arm', metrics: ['revenue'], covariates: { revnue: 'before' } }, /covariates names "revnue", which is not a metric/);
    await fails({ units }, { variant: 'arm', metrics: [{ name: 'aov', numerator: 'revenue', denominator: 'ordrs' }] }, /no column "ordrs" \(the metrics\.aov\.denominator column\)/);
  });

  it('bad parameters', async () => {
    await fails({ units }, { variant: 'arm', alpha: 2 }, /parameter "alpha"/);
    await fails({ units }, { variant: 'arm', sided: 'up' }, /parameter "sided"/);
    await fails({ units }, { variant: 'arm', colour: 'red' }, /unknown parameter "colour"/);
    await fails({ units }, { variant: 'arm', metrics: ['revenue'], split: [1, 2, 3] }, /split parameter has 3 weights but there are 2 variants/);
    await fails({ units }, { variant: 'arm', metrics: ['revenue'], split: { a: 1, c: 1 } }, /split parameter names "c", which is not a variant/);
    await fails({ units }, { variant: 'arm', metrics: ['revenue'], types: { revenue: 'proportion' } }, /types\.revenue is "proportion" but units\.revenue has values other than 0 and 1/);
  });

  it('empty arm in summary input', async () => {
    const summary = aq.from([
      { variant: 'control', metric: 'opened', n: 0, sum: 0 },
      { variant: 'b', metric: 'opened', n: 100, sum: 20 },
    ]);
    await fails({ summary }, {}, /Variant "control" has no units for metric "opened" \(n = 0\)/);
  });

  it('summary rows that do not add up', async () => {
    const row = (variant: string, metric: string, n: number, sum: number) => ({ variant, metric, n, sum });
    await fails({ summary: aq.from([row('a', 'x', 10, 2), row('a', 'x', 10, 3), row('b', 'x', 10, 1)]) }, {}, /summary rows 1 and 2 both give variant "a", metric "x"/);
    await fails({ summary: aq.from([row('a', 'x', 10, 2), row('b', 'y', 10, 1)]) }, {}, /no row for metric "x" in variant\(s\) "b"/);
    await fails({ summary: aq.from([row('a', 'x', 10, 20), row('b', 'x', 10, 1)]) }, {}, /row 1: metric "x" has no sum_squares, so it is read as a proportion .* sum = 20 is not between 0 and 10/);
    await fails({ summary: aq.from([row('a', 'x', 10, 2), row('b', 'x', 10, 1)]) }, { metrics: ['z'] }, /summary has no rows for metric "z" .* the metrics in summary\.metric are x/);
    await fails({ summary: aq.from([{ variant: 'a', metric: 'x', n: 10, sum: 2 }]) }, { n: 'units' }, /summary has no column "units" \(the n column\)/);
  });

  it('no input at all', async () => {
    await fails({}, {}, /needs one of the input tables "units" or "summary"/);
  });
});
