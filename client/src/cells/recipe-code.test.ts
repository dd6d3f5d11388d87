import { describe, expect, it } from 'vitest';
import { Expression, isDefaultResultName, parseRecipeCode, recipeCode, resultName } from './recipe-code.js';

const EXAMPLE = `const lift = await recipe("lift", { units }, {
  variant: "variant",
  control: "control",
  metrics: ["converted", "revenue", { name: "aov", numerator: "revenue", denominator: "orders" }],
  covariates: { revenue: "pre_revenue" },
  alpha,
})`;

describe('recipe cell code', () => {
  it("reads the example notebook's lift cell and writes it back unchanged", () => {
    const call = parseRecipeCode(EXAMPLE)!;
    expect(call.name).toBe('lift');
    expect(call.recipe).toBe('lift');
    expect(call.inputs).toEqual({ units: 'units' });
    expect(call.params.metrics).toEqual(['converted', 'revenue', { name: 'aov', numerator: 'revenue', denominator: 'orders' }]);
    expect(call.params.alpha).toEqual(new Expression('alpha'));
    expect(recipeCode(call)).toBe(EXAMPLE);
  });

  it('keeps input expressions and non-literal values as code', () => {
    const code = 'const r = await recipe("roi", { units: await load("shop/units"), extra: t.filter((d) => d.x > 1) }, { margin: 0.3 * 2, k: [1, ...ks] })';
    const call = parseRecipeCode(code)!;
    expect(call.inputs.units).toBe('await load("shop/units")');
    expect(call.inputs.extra).toBe('t.filter((d) => d.x > 1)');
    expect(call.params.margin).toEqual(new Expression('0.3 * 2'));
    expect(call.params.k).toEqual(new Expression('[1, ...ks]'));
    expect(parseRecipeCode(recipeCode(call))).toEqual(call);
  });

  it('refuses code that is not one recipe call bound to a name', () => {
    expect(parseRecipeCode('const a = 1')).toBeNull();
    expect(parseRecipeCode('recipe("lift", {}, {})')).toBeNull();
    expect(parseRecipeCode('const a = await recipe("lift", x, {})')).toBeNull();
    expect(parseRecipeCode('const a = await recipe("lift", {}, { ...p })')).toBeNull();
    expect(parseRecipeCode('const a: number = await recipe("lift", {}, {})')).toBeNull();
  });

  it('writes an empty call the form can start from', () => {
    expect(recipeCode({ name: 'r', recipe: 'lift', inputs: {}, params: {} })).toBe('const r = await recipe("lift", {}, {})');
    expect(recipeCode({ name: 'r', recipe: 'lift', inputs: { 'odd name': 'x' }, params: { 'a-b': -1, s: 'it"s' } })).toBe('const r = await recipe("lift", { "odd name": x }, {\n  "a-b": -1,\n  s: "it\\"s",\n})');
  });

  it('names a result after its recipe, numbered when the name is taken, and renames only default names', () => {
    expect(resultName('segments', ['units'])).toBe('segments');
    expect(resultName('next-purchase', [])).toBe('next_purchase');
    expect(resultName('lift', ['lift', 'lift_2'])).toBe('lift_3');
    expect(isDefaultResultName('lift', 'lift')).toBe(true);
    expect(isDefaultResultName('lift_3', 'lift')).toBe(true);
    expect(isDefaultResultName('lift_c1a2b3', 'lift')).toBe(true);
    expect(isDefaultResultName('conversionTest', 'lift')).toBe(false);
    expect(isDefaultResultName('lifted', 'lift')).toBe(false);
  });
});
