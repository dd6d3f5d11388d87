import * as aq from 'arquero';
import { afterAll, describe, expect, it } from 'vitest';
import { isInputError } from '../../recipes/errors.js';
import { runRecipe } from '../../recipes/define-recipe.js';
import { getRecipe } from '../../recipes/registry.js';
import { closeSharedPool, runRecipeInWorker } from './run-in-worker.js';

afterAll(() => closeSharedPool());

// Two arms of 0/1 outcomes: enough for lift to compare, small enough to be instant.
const units = aq.table({
  variant: [...Array(40).fill('control'), ...Array(40).fill('personalized')],
  converted: Array.from({ length: 80 }, (_, i) => (i < 40 ? Number(i % 5 === 0) : Number(i % 3 === 0))),
});
const params = { variant: 'variant', control: 'control', metrics: ['converted'] };

describe('runRecipeInWorker (the registry in the shared pool)', () => {
  it('gives the same result as running the recipe in-process', async () => {
    const inWorker = await runRecipeInWorker('lift', { units }, params);
    const inProcess = await runRecipe(getRecipe('lift'), { inputs: { units }, params });
    expect(inWorker.params).toEqual(inProcess.params);
    expect(inWorker.result.metrics).toEqual(inProcess.result.metrics);
    expect(inWorker.result.tables.comparisons.objects()).toEqual(inProcess.result.tables.comparisons.objects());
    expect(inWorker.result.notes).toEqual(inProcess.result.notes);
  });

  it('reports a wrong column as an input error', async () => {
    const run = runRecipeInWorker('lift', { units }, { ...params, variant: 'arm' });
    await expect(run).rejects.toSatisfy(isInputError);
    await expect(run).rejects.toThrow(/arm/);
  });
});
